package org.rtds.domain.testing;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.rtds.domain.auth.AuthGroup;
import org.rtds.domain.auth.AuthGroupPermission;
import org.rtds.domain.auth.AuthPermission;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.domain.auth.AuthUserPermission;
import org.rtds.domain.auth.UserProfile;
import org.rtds.domain.django.DjangoAdminLog;
import org.rtds.domain.django.DjangoContentType;
import org.rtds.domain.django.DjangoMigration;
import org.rtds.domain.django.DjangoSession;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.feature.Ovh;
import org.rtds.domain.feature.Similarity;
import org.rtds.domain.feature.Sts;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.rt.RtIsodose;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtPlanDoseReference;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.store.ObjectRejection;
import org.rtds.domain.store.StoredObject;

/**
 * One instance of every entity, each with every attribute set (booleans {@code true}, no {@code
 * null}), linked into a consistent graph: an account with group, permissions and profile, and a
 * patient with a study, CT, RT Structure Set, RT Dose, DVH, isodose, OVH, STS and similarity rows.
 * Values are shaped like real DICOM-derived values. Nothing is persisted until {@link
 * #persist(EntityManager)}.
 */
public final class SampleGraph {

  public final DjangoContentType contentType = new DjangoContentType();
  public final AuthPermission permission = new AuthPermission();
  public final AuthGroup group = new AuthGroup();
  public final AuthGroupPermission groupPermission = new AuthGroupPermission();
  public final AuthUser user = new AuthUser();
  public final AuthUserGroup userGroup = new AuthUserGroup();
  public final AuthUserPermission userPermission = new AuthUserPermission();
  public final UserProfile profile = new UserProfile();
  public final DjangoAdminLog adminLog = new DjangoAdminLog();
  public final DjangoMigration migration = new DjangoMigration();
  public final DjangoSession session = new DjangoSession();
  public final Patient patient = new Patient();
  public final Study study = new Study();
  public final Series ctSeries = new Series();
  public final CtImage ctImage = new CtImage();
  public final RtStructureSet structureSet = new RtStructureSet();
  public final RtRoi roi = new RtRoi();
  public final RtContour contour = new RtContour();
  public final RtDose dose = new RtDose();
  public final RtDoseImage doseImage = new RtDoseImage();
  public final RtDvh dvh = new RtDvh();
  public final RtIsodose isodose = new RtIsodose();
  public final OarDictionaryEntry ptv = new OarDictionaryEntry();
  public final OarDictionaryEntry oar = new OarDictionaryEntry();
  public final Ovh ovh = new Ovh();
  public final Sts sts = new Sts();
  public final Similarity similarity = new Similarity();
  public final RtPlan plan = new RtPlan();
  public final RtPlanDoseReference doseReference = new RtPlanDoseReference();
  public final StoredObject storedObject = new StoredObject();
  public final ObjectRejection rejection = new ObjectRejection();
  public final FeatureJob featureJob = new FeatureJob();
  public final org.rtds.domain.feature.DoseConstraint constraint =
      new org.rtds.domain.feature.DoseConstraint();
  public final org.rtds.domain.auth.InstallationSecret secret =
      new org.rtds.domain.auth.InstallationSecret();
  public final org.rtds.domain.feature.KnowledgeChange knowledgeChange =
      new org.rtds.domain.feature.KnowledgeChange();
  public final org.rtds.domain.auth.ApiToken apiToken = new org.rtds.domain.auth.ApiToken();
  public final org.rtds.domain.auth.AuditEvent auditEvent = new org.rtds.domain.auth.AuditEvent();

  /**
   * @param tag makes the unique values (user name, group name, content type, session key, UIDs)
   *     unique, so several graphs can live in one database
   */
  public SampleGraph(String tag) {
    String uidRoot = "1.2.826.0.1.3680043.8.498." + Math.abs(tag.hashCode()) + ".";

    contentType.setAppLabel("dsrt");
    contentType.setModel("patient_" + tag);
    permission.setName("Can view patient " + tag);
    permission.setContentType(contentType);
    permission.setCodename("view_patient_" + tag);
    group.setName("UCLA doctors " + tag);
    groupPermission.setGroup(group);
    groupPermission.setPermission(permission);

    user.setPassword(
        "pbkdf2_sha256$36000$hU4dYyQ3sQ7L$QqZ8tV3rR2o8o2J1cDk7w1m0yG9V7m5l3iUuXqz5f3E=");
    user.setLastLogin(LocalDateTime.of(2024, 3, 2, 17, 45, 12));
    user.setSuperuser(true);
    user.setUsername("jdoe_" + tag);
    user.setFirstName("Jürgen");
    user.setLastName("Müller");
    user.setEmail("jdoe@example.org");
    user.setStaff(true);
    user.setActive(true);
    user.setDateJoined(LocalDateTime.of(2023, 11, 20, 14, 30, 5));
    userGroup.setUser(user);
    userGroup.setGroup(group);
    userPermission.setUser(user);
    userPermission.setPermission(permission);
    profile.setOccupation("Radiation Oncologist");
    profile.setInstitution("UCLA");
    profile.setBirthday(LocalDate.of(1970, 5, 17));
    profile.setLocation("Los Angeles");
    profile.setBio("Formerly at UCLA, now a radiation oncologist at Roswell Park. 放射線");
    profile.setUser(user);

    adminLog.setActionFlag(2);
    adminLog.setActionTime(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    adminLog.setChangeMessage("[{\"changed\": {\"fields\": [\"email\"]}}]");
    adminLog.setContentType(contentType);
    adminLog.setObjectId("42");
    adminLog.setObjectRepr("jdoe");
    adminLog.setUser(user);
    migration.setApp("dsrt");
    migration.setName("0001_initial");
    migration.setApplied(LocalDateTime.of(2017, 10, 11, 8, 59, 59));
    session.setSessionKey(String.format("%-32s", "s" + Math.abs(tag.hashCode())).replace(' ', 'x'));
    session.setSessionData("MmI4ZDQ5YzE6eyJfYXV0aF91c2VyX2lkIjoiMSJ9");
    session.setExpireDate(LocalDateTime.of(2024, 3, 16, 17, 45, 12));

    patient.setPatientName("Müller^Hans");
    patient.setBirthDate(LocalDate.of(1948, 2, 29));
    patient.setGender("M");
    patient.setEthnicGroup("White");
    patient.setUser(user);
    patient.setPatientId("MRN-" + tag);
    study.setStudyInstanceUid(uidRoot + "1");
    study.setStudyDate(LocalDate.of(2011, 3, 28));
    study.setStudyDescription("PROSTATE IMRT");
    study.setTotalSeries(3);
    study.setPatient(patient);
    study.setUser(user);
    ctSeries.setSeriesInstanceUid(uidRoot + "2");
    ctSeries.setSeriesDate(LocalDate.of(2011, 3, 28));
    ctSeries.setSeriesDescription("Pelvis 3.0 B30f");
    ctSeries.setSeriesType("CT");
    ctSeries.setModality("CT");
    ctSeries.setSeriesNumber("2");
    ctSeries.setPhysicianOfRecord("DeMarco^John^^Dr.=デマルコ^ジョン");
    ctSeries.setManufacturer("Siemens Healthineers Computed Tomography Division X");
    ctSeries.setPatient(patient);
    ctSeries.setFrameOfReferenceUid(uidRoot + "9");
    ctSeries.setStudy(study);
    ctSeries.setUser(user);

    ctImage.setSopInstanceUid(uidRoot + "3");
    ctImage.setSopClassUid("1.2.840.10008.5.1.4.1.1.2");
    ctImage.setImageType("ORIGINAL\\PRIMARY\\AXIAL");
    ctImage.setPhotometricInterpretation("MONOCHROME2");
    ctImage.setRescaleSlope(0.5);
    ctImage.setRescaleIntercept(-1024.5);
    ctImage.setSliceLocation(-127.5);
    ctImage.setPixelSpacing("0.9765625\\0.9765625");
    // six decimal strings of the maximum 16 characters: 101 characters, one more than V1 allowed
    ctImage.setImageOrientationPatient(
        String.join(
            "\\",
            "0.99984769515639",
            "0.01745240643728",
            "0.00000000000000",
            "-0.0174524064372",
            "0.99984769515639",
            "0.00000000000000"));
    ctImage.setImagePositionPatient("-249.51171875\\-432.01171875\\-127.5");
    ctImage.setSliceThickness("3");
    ctImage.setBodyPartExamined("PROSTATE");
    ctImage.setRows(512);
    ctImage.setColumns(512);
    ctImage.setPatient(patient);
    ctImage.setSeries(ctSeries);
    ctImage.setStudy(study);
    ctImage.setUser(user);

    structureSet.setSopInstanceUid(uidRoot + "4");
    structureSet.setSopClassUid("1.2.840.10008.5.1.4.1.1.481.3");
    structureSet.setTotalRois(1);
    structureSet.setPatient(patient);
    structureSet.setSeries(ctSeries);
    structureSet.setStudy(study);
    structureSet.setUser(user);
    structureSet.setStructureSetLabel("Prostate");
    structureSet.setReferencedSeriesInstanceUid(uidRoot + "10");
    roi.setRoiName("Rectum");
    roi.setVolumeCc(61.25);
    roi.setTotalContours(1);
    roi.setStructureSet(structureSet);
    roi.setPatient(patient);
    roi.setSeries(ctSeries);
    roi.setStudy(study);
    roi.setUser(user);
    roi.setRoiNumber("2");
    roi.setInterpretedType("ORGAN");
    roi.setRole("OAR");
    roi.setStandardStructure(oar);
    roi.setDisplayColor("128\\64\\0");
    contour.setContourGeometricType("CLOSED_PLANAR");
    contour.setNumberOfContourPoints(3);
    contour.setContourData("-5.0,60.0,-127.5,5.0,60.0,-127.5,0.0,70.0,-127.5");
    contour.setReferencedSopClassUid("1.2.840.10008.5.1.4.1.1.2");
    contour.setReferencedSopInstanceUid(ctImage.getSopInstanceUid());
    contour.setRoi(roi);
    contour.setStructureSet(structureSet);

    dose.setSopClassUid("1.2.840.10008.5.1.4.1.1.481.2");
    dose.setSopInstanceUid(uidRoot + "5");
    dose.setDoseGridScaling("3.0517578125e-05");
    dose.setDoseSummationType("PLAN");
    dose.setDoseType("PHYSICAL");
    dose.setDoseUnits("GY");
    dose.setReferencedRtPlan(uidRoot + "6");
    dose.setReferencedStructureSet(structureSet.getSopInstanceUid());
    dose.setPatient(patient);
    dose.setSeries(ctSeries);
    dose.setStudy(study);
    dose.setUser(user);
    dose.setFrameOfReferenceUid(uidRoot + "9");
    dose.setReferencedBeamNumber("1");
    doseImage.setColumns(3);
    doseImage.setRows(2);
    doseImage.setImageOrientationPatient("1\\0\\0\\0\\1\\0");
    doseImage.setImagePositionPatient("-249.51171875\\-432.01171875\\-118.5");
    doseImage.setPhotometricInterpretation("MONOCHROME2");
    doseImage.setPixelSpacing("2.5390625\\2.5390625");
    doseImage.setNumberOfFrames(2);
    doseImage.setImageData("0,120,240,360,480,600,10,130,250,370,490,610");
    doseImage.setDose(dose);
    doseImage.setPatient(patient);
    doseImage.setSeries(ctSeries);
    doseImage.setStudy(study);
    doseImage.setUser(user);
    doseImage.setFrameNumber(0);
    doseImage.setBitsAllocated(32);
    doseImage.setPixelRepresentation(0);
    dvh.setDoseScaling("1");
    dvh.setMaximumDose(79.82);
    dvh.setMeanDose(76.1125);
    dvh.setMinimumDose(70.04);
    dvh.setNumberOfBins(3.0);
    dvh.setReferencedRoi("2");
    dvh.setDvhType("DIFFERENTIAL");
    dvh.setVolumeUnits("CM3");
    dvh.setDoseType("PHYSICAL");
    dvh.setDoseUnits("GY");
    dvh.setDvhData("70,61.25,5,40.5,5,0.75");
    dvh.setDose(dose);
    dvh.setPatient(patient);
    dvh.setSeries(ctSeries);
    dvh.setStudy(study);
    dvh.setUser(user);
    dvh.setSource("TPS_EMBEDDED");
    isodose.setRowPositions("250,250,251,252");
    isodose.setColumnPositions("240,241,241,242");
    isodose.setIsodoseLevel(95);
    isodose.setCtImage(ctImage);
    isodose.setDose(dose);
    isodose.setPatient(patient);
    isodose.setSeries(ctSeries);
    isodose.setStudy(study);

    ptv.setRoiName("PTV_" + tag);
    ptv.setRole("PTV");
    ptv.setRoiDisplayColor("255\\0\\0");
    oar.setRoiName("Rectum_" + tag);
    oar.setRole("OAR");
    oar.setRoiDisplayColor("128\\64\\0");
    ovh.setBinValues("-50,-49,-48");
    ovh.setBinAmounts("0.0,0.125,0.25");
    ovh.setOverlapVolumeMm3(1250);
    ovh.setPtv(ptv);
    ovh.setOar(oar);
    ovh.setStudy(study);
    ovh.setOarRoi(roi);
    ovh.setPtvRoi(roi);
    ovh.setOarVolumeCc(61.25);
    ovh.setOverlapFraction(0.125);
    ovh.setRvMm("rtds-rv-v1:-3.5,1.25");
    ovh.setDistanceStats("rtds-dstat-v1:4.5,4,-12,30,6.5,0.25");
    sts.setElevationBins("-90,-72,-54,-36,-18,0,18,36,54,72,90");
    sts.setDistanceBins("0,20,40,60,80,100,120,140,160,180,200");
    sts.setAzimuthBins("-180,-144,-108,-72,-36,0,36,72,108,144,180");
    sts.setAmounts("0.5,0.25,0.25");
    sts.setPtv(ptv);
    sts.setOar(oar);
    sts.setStudy(study);
    sts.setOarRoi(roi);
    sts.setPtvRoi(roi);
    similarity.setHistoricalStudyId("17");
    similarity.setTargetDoseDifferenceGy(-2.5);
    similarity.setOvhDissimilarity(4.75);
    similarity.setStsDissimilarity(0.125);
    similarity.setTargetOar("2");
    similarity.setStudy(study);
    similarity.setPtv(ptv);
    similarity.setHistoricalStudy(study);

    plan.setSopInstanceUid(uidRoot + "6");
    plan.setSopClassUid("1.2.840.10008.5.1.4.1.1.481.5");
    plan.setPlanLabel("Prostate VMAT");
    plan.setPlanName("PROSTATE_78Gy");
    plan.setPlanDate(LocalDate.of(2024, 3, 5));
    plan.setPlanIntent("CURATIVE");
    plan.setNumberOfFractionsPlanned(39);
    plan.setPrescriptionDoseGy(78.0);
    plan.setReferencedStructureSetUid(structureSet.getSopInstanceUid());
    plan.setFrameOfReferenceUid(uidRoot + "9");
    plan.setPatient(patient);
    plan.setSeries(ctSeries);
    plan.setStudy(study);
    plan.setUser(user);
    doseReference.setDoseReferenceNumber(1);
    doseReference.setStructureType("VOLUME");
    doseReference.setReferenceType("TARGET");
    doseReference.setDescription("PTV 78 Gy");
    doseReference.setReferencedRoiNumber("1");
    doseReference.setTargetPrescriptionDoseGy(78.0);
    doseReference.setDeliveryMaximumDoseGy(83.46);
    doseReference.setOrganAtRiskMaximumDoseGy(75.0);
    doseReference.setPlan(plan);
    String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    storedObject.setSopInstanceUid(ctImage.getSopInstanceUid());
    storedObject.setSopClassUid(ctImage.getSopClassUid());
    storedObject.setStudyInstanceUid(study.getStudyInstanceUid());
    storedObject.setSeriesInstanceUid(ctSeries.getSeriesInstanceUid());
    storedObject.setModality("CT");
    storedObject.setTransferSyntaxUid("1.2.840.10008.1.2.1");
    storedObject.setContentSha256(sha256);
    storedObject.setSizeBytes(526_418L);
    storedObject.setContentFingerprint(sha256.replace('a', 'b'));
    storedObject.setFilePath("objects/9f/86/" + sha256 + ".dcm");
    storedObject.setChannel("DIMSE");
    storedObject.setOrigin("ECLIPSE_AE");
    // whole seconds: connector-j sends no fractional seconds to MariaDB (it reports itself as
    // 5.5.5)
    storedObject.setReceivedAt(LocalDateTime.of(2024, 3, 6, 9, 15, 30));
    storedObject.setStudy(study);
    storedObject.setUser(user);
    rejection.setSopInstanceUid(uidRoot + "11");
    rejection.setSopClassUid("1.2.840.10008.5.1.4.1.1.481.5");
    rejection.setContentSha256(sha256.replace('9', 'a'));
    rejection.setSizeBytes(1_024L);
    rejection.setFilePath("objects/af/86/" + sha256.replace('9', 'a') + ".dcm");
    rejection.setReasonCode("TRUNCATED");
    rejection.setReason("the file ends inside the attribute (300A,00B0) Beam Sequence");
    rejection.setChannel("REST");
    rejection.setOrigin("10.0.0.17");
    rejection.setReceivedAt(LocalDateTime.of(2024, 3, 6, 9, 16, 0));
    rejection.setUser(user);
    featureJob.setStatus(org.rtds.domain.feature.FeatureJobStatus.DONE);
    featureJob.setDetail("DVHs of 12 ROIs");
    featureJob.setRequestedGeneration(3);
    featureJob.setComputedGeneration(3);
    featureJob.setAttempts(1);
    featureJob.setClaimedBy("rtds-node-1");
    featureJob.setLeaseUntil(LocalDateTime.of(2024, 3, 6, 9, 20, 0));
    featureJob.setUpdatedAt(LocalDateTime.of(2024, 3, 6, 9, 17, 42));
    featureJob.setStudy(study);
    constraint.setStandardName("Rectum_" + tag);
    constraint.setMetric("V70Gy");
    constraint.setComparator("<");
    constraint.setLimitValue(20.0);
    constraint.setUnit("%");
    constraint.setSource("QUANTEC 2010");
    constraint.setNote("grade >= 2 late toxicity < 15 %");
    constraint.setActive(true);
    secret.setName("sample-" + tag);
    secret.setSecret("c2FtcGxlIHNlY3JldCBvZiAzMiBieXRlcyEhISEhISE=");
    secret.setCreatedAt(LocalDateTime.of(2024, 3, 6, 9, 17, 43));
    knowledgeChange.setStudyId(4711);
    knowledgeChange.setChangedAt(LocalDateTime.of(2024, 3, 6, 9, 17, 44));
    apiToken.setUser(user);
    apiToken.setName("TPS export " + tag);
    apiToken.setTokenPrefix("rtds_AbC1");
    apiToken.setTokenSha256(String.format("%064x", (long) tag.hashCode() & 0xffffffffL));
    apiToken.setScope("view_patient,add_instance");
    apiToken.setCreatedAt(LocalDateTime.of(2024, 3, 6, 9, 18, 0));
    apiToken.setCreatedBy(user);
    apiToken.setExpiresAt(LocalDateTime.of(2025, 3, 6, 9, 18, 0));
    apiToken.setRevokedAt(LocalDateTime.of(2024, 9, 1, 8, 0, 0));
    apiToken.setLastUsedAt(LocalDateTime.of(2024, 8, 31, 23, 59, 0));
    auditEvent.setEventTime(LocalDateTime.of(2024, 3, 6, 9, 19, 0));
    auditEvent.setEventId("Patient Record");
    auditEvent.setEventType("patient-read");
    auditEvent.setActionCode("R");
    auditEvent.setOutcome((short) 0);
    auditEvent.setUserId(7);
    auditEvent.setUsername("jdoe-" + tag);
    auditEvent.setHospital("UCLA");
    auditEvent.setSourceAddress("10.1.2.3");
    auditEvent.setObjectType("patient");
    auditEvent.setObjectId("42");
    auditEvent.setPatientId(42);
    auditEvent.setStudyInstanceUid("1.2.3." + tag.length());
    auditEvent.setRequest("GET /rtds/api/v1/patients/42");
    auditEvent.setDetail("read");
    auditEvent.setNode("node-1");
  }

  /** Every entity of the graph, each after the ones it refers to. */
  public List<Object> entities() {
    return List.of(
        contentType,
        permission,
        group,
        groupPermission,
        user,
        userGroup,
        userPermission,
        profile,
        adminLog,
        migration,
        session,
        patient,
        study,
        ctSeries,
        ctImage,
        structureSet,
        ptv,
        oar,
        roi,
        contour,
        dose,
        doseImage,
        dvh,
        isodose,
        ovh,
        sts,
        similarity,
        plan,
        doseReference,
        storedObject,
        rejection,
        featureJob,
        constraint,
        secret,
        knowledgeChange,
        apiToken,
        auditEvent);
  }

  /** Persists every entity of the graph in the caller's transaction. */
  public void persist(EntityManager entityManager) {
    entities().forEach(entityManager::persist);
    // keyed by the token's generated id
    entityManager.persist(
        new org.rtds.domain.auth.ApiRateWindow(
            new org.rtds.domain.auth.ApiRateWindow.Key(
                apiToken.getId(), LocalDateTime.of(2024, 8, 31, 23, 59, 0)),
            3));
  }
}

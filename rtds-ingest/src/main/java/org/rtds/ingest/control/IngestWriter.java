package org.rtds.ingest.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtPlanDoseReference;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.store.ObjectRejection;
import org.rtds.domain.store.StoredObject;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.control.ParsedInstance.Contour;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.DoseReference;
import org.rtds.ingest.control.ParsedInstance.EmbeddedDvh;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.StudyInputs;

/**
 * Writes one parsed DICOM object into the dsrt tables, inside the caller's transaction: finds or
 * creates the patient (by the sending account and Patient ID), study and series, checks that the
 * object agrees with what is already stored, writes the object's rows and its {@code rtds_object}
 * entry, and records the study's new input generation in {@code rtds_feature_job}.
 *
 * <p>Every check runs before the first row is written, so a refused object leaves only its {@code
 * rtds_rejection} row. Two transactions creating the same patient, study, series or object at once
 * collide on a unique key; the caller retries the loser, which then finds the winner's rows.
 */
public final class IngestWriter {

  private final EntityManager em;
  private final RoiNameNormalizer roiNames;
  private final Clock clock;

  public IngestWriter(EntityManager em, RoiNameNormalizer roiNames, Clock clock) {
    this.em = Objects.requireNonNull(em, "em");
    this.roiNames = Objects.requireNonNull(roiNames, "roiNames");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores one object.
   *
   * @param parsed the object, read and checked
   * @param file its bytes, already kept in the file store
   * @param origin sending account, channel and origin
   * @return what happened
   */
  public WriteResult write(ParsedInstance parsed, StoredFile file, IngestOrigin origin) {
    Header header = parsed.header();
    AuthUser account = em.getReference(AuthUser.class, origin.accountId());

    Optional<StoredObject> existing = storedObject(origin.accountId(), header.sopInstanceUid());
    String fingerprint = ContentFingerprint.of(parsed);
    if (existing.isPresent()) {
      if (existing.get().getContentSha256().equals(file.sha256())) {
        return WriteResult.duplicate(existing.get().getStudy().getId(), false);
      }
      if (fingerprint.equals(existing.get().getContentFingerprint())) {
        // the same object in another encoding: its new bytes need not be kept
        return WriteResult.duplicate(
            existing.get().getStudy().getId(), !fileReferenced(file.sha256()));
      }
      return reject(
          parsed,
          file,
          origin,
          account,
          "CONFLICT",
          "SOP Instance UID "
              + header.sopInstanceUid()
              + " was stored before with different content; RTDS keeps the first version (policy:"
              + " corrected objects need a new SOP Instance UID). The new bytes are kept as "
              + file.relativePath());
    }

    Optional<Patient> patient = patient(origin.accountId(), header.patient().patientId());
    Optional<Study> study = study(origin.accountId(), header.study().studyInstanceUid());
    if (study.isPresent()
        && (patient.isEmpty() || !study.get().getPatient().getId().equals(patient.get().getId()))) {
      return reject(
          parsed,
          file,
          origin,
          account,
          "CONFLICT",
          "Study "
              + header.study().studyInstanceUid()
              + " belongs to another patient than Patient ID '"
              + header.patient().patientId()
              + "' named by this object");
    }
    Optional<Series> series =
        study.flatMap(s -> series(s.getId(), header.series().seriesInstanceUid()));
    if (series.isPresent()) {
      String problem = seriesConflict(series.get(), header);
      if (problem != null) {
        return reject(parsed, file, origin, account, "CONFLICT", problem);
      }
    }
    if (study.isPresent() && !"CT".equals(header.sopClass().modality())) {
      String problem = frameOfReferenceConflict(study.get(), header);
      if (problem != null) {
        return reject(parsed, file, origin, account, "FRAME_OF_REFERENCE", problem);
      }
    }

    Patient p = patient.orElseGet(() -> createPatient(header, account));
    boolean newStudy = study.isEmpty();
    Study s = study.orElseGet(() -> createStudy(header, p, account));
    Series se = series.orElseGet(() -> createSeries(header, p, s, account));
    if (se.getFrameOfReferenceUid() == null && header.frameOfReferenceUid().isPresent()) {
      se.setFrameOfReferenceUid(header.frameOfReferenceUid().get());
    }

    if (parsed instanceof CtSlice ct) {
      writeCt(ct, se, account);
    } else if (parsed instanceof StructureSet set) {
      writeStructureSet(set, se, account);
    } else if (parsed instanceof Plan plan) {
      writePlan(plan, se, account);
    } else if (parsed instanceof Dose dose) {
      writeDose(dose, se, account);
    } else {
      // a new kind of ParsedInstance without a writer would otherwise store only its rtds_object
      throw new IllegalStateException("no rows writer for " + parsed.getClass().getName());
    }

    StoredObject object = new StoredObject();
    object.setSopInstanceUid(header.sopInstanceUid());
    object.setSopClassUid(header.sopClass().uid());
    object.setStudyInstanceUid(header.study().studyInstanceUid());
    object.setSeriesInstanceUid(header.series().seriesInstanceUid());
    object.setModality(header.sopClass().modality());
    object.setTransferSyntaxUid(header.transferSyntaxUid());
    object.setContentSha256(file.sha256());
    object.setSizeBytes(file.sizeBytes());
    object.setContentFingerprint(fingerprint);
    object.setFilePath(file.relativePath());
    object.setChannel(origin.channel().name());
    object.setOrigin(truncate(origin.origin(), 255));
    object.setReceivedAt(now());
    object.setStudy(s);
    object.setUser(account);
    em.persist(object);
    em.flush();

    if (newStudy) {
      s.setTotalSeries(1);
    } else if (series.isEmpty()) {
      s.setTotalSeries(count("select count(x) from Series x where x.study.id = ?1", s.getId()));
    }
    StudyInputs inputs = studyInputs(em, s.getId());
    FeatureJob job = featureJob(s, inputs);
    em.flush();
    return WriteResult.stored(s.getId(), job.getRequestedGeneration(), inputs.complete());
  }

  /** Records a refusal of an object that could not be stored (used by the boundary as well). */
  public void recordRejection(
      String sopInstanceUid,
      String sopClassUid,
      StoredFile file,
      IngestOrigin origin,
      String reasonCode,
      String reason) {
    ObjectRejection rejection = new ObjectRejection();
    rejection.setSopInstanceUid(truncate(sopInstanceUid, 64));
    rejection.setSopClassUid(truncate(sopClassUid, 64));
    rejection.setContentSha256(file.sha256());
    rejection.setSizeBytes(file.sizeBytes());
    rejection.setFilePath(file.relativePath());
    rejection.setReasonCode(truncate(reasonCode, 32));
    rejection.setReason(truncate(reason, 1000));
    rejection.setChannel(origin.channel().name());
    rejection.setOrigin(truncate(origin.origin(), 255));
    rejection.setReceivedAt(now());
    rejection.setUser(em.getReference(AuthUser.class, origin.accountId()));
    em.persist(rejection);
  }

  private WriteResult reject(
      ParsedInstance parsed,
      StoredFile file,
      IngestOrigin origin,
      AuthUser account,
      String code,
      String reason) {
    recordRejection(
        parsed.header().sopInstanceUid(),
        parsed.header().sopClass().uid(),
        file,
        origin,
        code,
        reason);
    return WriteResult.rejected(code, reason);
  }

  // --- look-ups ---

  private boolean fileReferenced(String sha256) {
    return em.createQuery(
                    "select count(o) from StoredObject o where o.contentSha256 = :sha", Long.class)
                .setParameter("sha", sha256)
                .getSingleResult()
            + em.createQuery(
                    "select count(r) from ObjectRejection r where r.contentSha256 = :sha",
                    Long.class)
                .setParameter("sha", sha256)
                .getSingleResult()
        > 0;
  }

  private Optional<StoredObject> storedObject(int accountId, String sopInstanceUid) {
    return em.createNamedQuery(StoredObject.FIND_BY_USER_AND_SOP_INSTANCE, StoredObject.class)
        .setParameter("userId", accountId)
        .setParameter("sopInstanceUid", sopInstanceUid)
        .getResultStream()
        .findFirst();
  }

  private Optional<Patient> patient(int accountId, String patientId) {
    return em.createQuery(
            "select p from Patient p where p.user.id = :user and p.patientId = :id", Patient.class)
        .setParameter("user", accountId)
        .setParameter("id", patientId)
        .getResultStream()
        .findFirst();
  }

  private Optional<Study> study(int accountId, String studyUid) {
    return em.createQuery(
            "select s from Study s where s.user.id = :user and s.studyInstanceUid = :uid",
            Study.class)
        .setParameter("user", accountId)
        .setParameter("uid", studyUid)
        .getResultStream()
        .findFirst();
  }

  private Optional<Series> series(int studyId, String seriesUid) {
    return em.createQuery(
            "select s from Series s where s.study.id = :study and s.seriesInstanceUid = :uid",
            Series.class)
        .setParameter("study", studyId)
        .setParameter("uid", seriesUid)
        .getResultStream()
        .findFirst();
  }

  private static String seriesConflict(Series series, Header header) {
    String modality = header.sopClass().modality();
    if (series.getModality() != null && !series.getModality().equals(modality)) {
      return "Series "
          + series.getSeriesInstanceUid()
          + " holds "
          + series.getModality()
          + " objects; this "
          + modality
          + " object cannot join it";
    }
    if (series.getFrameOfReferenceUid() != null
        && header.frameOfReferenceUid().isPresent()
        && !series.getFrameOfReferenceUid().equals(header.frameOfReferenceUid().get())) {
      return "Frame of Reference "
          + header.frameOfReferenceUid().get()
          + " contradicts the one of series "
          + series.getSeriesInstanceUid()
          + " ("
          + series.getFrameOfReferenceUid()
          + ")";
    }
    return null;
  }

  /**
   * Contours and doses are positioned in the frame of reference of a CT; when the study has CT
   * series, the object's frame must be one of theirs.
   */
  private String frameOfReferenceConflict(Study study, Header header) {
    if (header.frameOfReferenceUid().isEmpty()) {
      return null;
    }
    List<String> ctFrames =
        em.createQuery(
                "select distinct s.frameOfReferenceUid from Series s where s.study.id = :study"
                    + " and s.modality = 'CT' and s.frameOfReferenceUid is not null",
                String.class)
            .setParameter("study", study.getId())
            .getResultList();
    String frame = header.frameOfReferenceUid().get();
    if (ctFrames.isEmpty() || ctFrames.contains(frame)) {
      return null;
    }
    return header.sopClass().displayName()
        + " is in Frame of Reference "
        + frame
        + ", which contradicts its study's CT (Frame of Reference "
        + String.join(", ", ctFrames)
        + "): its contours or dose would be placed on the wrong anatomy";
  }

  // --- creation ---

  private Patient createPatient(Header header, AuthUser account) {
    Patient patient = new Patient();
    patient.setPatientId(header.patient().patientId());
    patient.setPatientName(truncate(header.patient().name(), 200));
    patient.setBirthDate(header.patient().birthDate());
    patient.setGender(truncate(header.patient().sex(), 20));
    patient.setEthnicGroup(truncate(header.patient().ethnicGroup(), 200));
    patient.setUser(account);
    em.persist(patient);
    return patient;
  }

  private Study createStudy(Header header, Patient patient, AuthUser account) {
    Study study = new Study();
    study.setStudyInstanceUid(header.study().studyInstanceUid());
    study.setStudyDate(header.study().date());
    study.setStudyDescription(truncate(header.study().description(), 200));
    study.setPatient(patient);
    study.setUser(account);
    em.persist(study);
    newFeatureJob(study);
    return study;
  }

  /** The feature job of a study that has none yet: nothing requested, nothing computed. */
  private FeatureJob newFeatureJob(Study study) {
    FeatureJob job = FeatureJob.bookFor(study, now());
    em.persist(job);
    return job;
  }

  private Series createSeries(Header header, Patient patient, Study study, AuthUser account) {
    Series series = new Series();
    series.setSeriesInstanceUid(header.series().seriesInstanceUid());
    series.setSeriesDate(header.series().date());
    series.setSeriesDescription(truncate(header.series().description(), 200));
    series.setSeriesType(header.sopClass().displayName());
    series.setModality(header.sopClass().modality());
    series.setSeriesNumber(truncate(header.series().number(), 100));
    series.setPhysicianOfRecord(truncate(header.series().physicianOfRecord(), 200));
    series.setManufacturer(truncate(header.series().manufacturer(), 64));
    series.setFrameOfReferenceUid(header.frameOfReferenceUid().orElse(null));
    series.setPatient(patient);
    series.setStudy(study);
    series.setUser(account);
    em.persist(series);
    return series;
  }

  private void writeCt(CtSlice ct, Series series, AuthUser account) {
    CtImage image = new CtImage();
    image.setSopInstanceUid(ct.header().sopInstanceUid());
    image.setSopClassUid(ct.header().sopClass().uid());
    image.setImageType(truncate(ct.imageType(), 100));
    image.setPhotometricInterpretation(truncate(ct.photometricInterpretation(), 20));
    image.setRescaleSlope(ct.rescaleSlope());
    image.setRescaleIntercept(ct.rescaleIntercept());
    image.setSliceLocation(ct.sliceLocationMm());
    image.setPixelSpacing(truncate(ct.pixelSpacing(), 50));
    image.setImageOrientationPatient(ct.imageOrientationPatient());
    image.setImagePositionPatient(truncate(ct.imagePositionPatient(), 100));
    image.setSliceThickness(truncate(ct.sliceThickness(), 100));
    image.setBodyPartExamined(truncate(ct.bodyPartExamined(), 100));
    image.setRows(ct.rows());
    image.setColumns(ct.columns());
    scope(image, series, account);
    em.persist(image);
  }

  private void writeStructureSet(StructureSet set, Series series, AuthUser account) {
    RtStructureSet structureSet = new RtStructureSet();
    structureSet.setSopInstanceUid(set.header().sopInstanceUid());
    structureSet.setSopClassUid(set.header().sopClass().uid());
    structureSet.setTotalRois(set.rois().size());
    structureSet.setStructureSetLabel(truncate(set.label(), 64));
    structureSet.setReferencedSeriesInstanceUid(set.referencedSeriesInstanceUid().orElse(null));
    scope(structureSet, series, account);
    em.persist(structureSet);
    for (Roi parsedRoi : set.rois()) {
      RoiClassification classification =
          roiNames.classify(parsedRoi.name(), parsedRoi.interpretedType());
      RtRoi roi = new RtRoi();
      roi.setRoiName(truncate(parsedRoi.name(), 100));
      roi.setRoiNumber(parsedRoi.number());
      roi.setTotalContours(parsedRoi.contours().size());
      roi.setInterpretedType(truncate(parsedRoi.interpretedType(), 16));
      roi.setRole(classification.role().name());
      roi.setDisplayColor(truncate(parsedRoi.displayColor(), 32));
      classification
          .standardName()
          .ifPresent(name -> roi.setStandardStructure(dictionaryEntry(name, classification)));
      roi.setStructureSet(structureSet);
      scope(roi, series, account);
      em.persist(roi);
      for (Contour parsedContour : parsedRoi.contours()) {
        RtContour contour = new RtContour();
        contour.setContourGeometricType(truncate(parsedContour.geometricType(), 100));
        contour.setNumberOfContourPoints(parsedContour.pointCount());
        contour.setContourData(ContourPoints.format(parsedContour.points()));
        contour.setReferencedSopClassUid(truncate(parsedContour.referencedSopClassUid(), 100));
        contour.setReferencedSopInstanceUid(
            truncate(parsedContour.referencedSopInstanceUid(), 100));
        contour.setRoi(roi);
        contour.setStructureSet(structureSet);
        em.persist(contour);
      }
    }
  }

  private OarDictionaryEntry dictionaryEntry(String standardName, RoiClassification roi) {
    return em.createNamedQuery(OarDictionaryEntry.FIND_BY_ROI_NAME, OarDictionaryEntry.class)
        .setParameter("roiName", standardName)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              OarDictionaryEntry entry = new OarDictionaryEntry();
              entry.setRoiName(standardName);
              entry.setRole(roi.role().name());
              em.persist(entry);
              return entry;
            });
  }

  private void writePlan(Plan parsed, Series series, AuthUser account) {
    RtPlan plan = new RtPlan();
    plan.setSopInstanceUid(parsed.header().sopInstanceUid());
    plan.setSopClassUid(parsed.header().sopClass().uid());
    plan.setPlanLabel(truncate(parsed.label(), 64));
    plan.setPlanName(truncate(parsed.name(), 64));
    plan.setPlanDate(parsed.date());
    plan.setPlanIntent(truncate(parsed.intent(), 16));
    plan.setNumberOfFractionsPlanned(parsed.fractionsPlanned());
    plan.setPrescriptionDoseGy(parsed.prescriptionGy());
    plan.setReferencedStructureSetUid(truncate(parsed.referencedStructureSetUid(), 64));
    plan.setFrameOfReferenceUid(parsed.header().frameOfReferenceUid().orElse(null));
    scope(plan, series, account);
    em.persist(plan);
    for (DoseReference parsedReference : parsed.doseReferences()) {
      RtPlanDoseReference reference = new RtPlanDoseReference();
      reference.setDoseReferenceNumber(parsedReference.number());
      reference.setStructureType(truncate(parsedReference.structureType(), 16));
      reference.setReferenceType(truncate(parsedReference.type(), 16));
      reference.setDescription(truncate(parsedReference.description(), 64));
      reference.setReferencedRoiNumber(truncate(parsedReference.referencedRoiNumber(), 16));
      reference.setTargetPrescriptionDoseGy(parsedReference.targetPrescriptionGy());
      reference.setDeliveryMaximumDoseGy(parsedReference.deliveryMaximumGy());
      reference.setOrganAtRiskMaximumDoseGy(parsedReference.organAtRiskMaximumGy());
      reference.setPlan(plan);
      em.persist(reference);
    }
  }

  private void writeDose(Dose parsed, Series series, AuthUser account) {
    RtDose dose = new RtDose();
    dose.setSopClassUid(parsed.header().sopClass().uid());
    dose.setSopInstanceUid(parsed.header().sopInstanceUid());
    dose.setDoseGridScaling(truncate(parsed.doseGridScaling(), 100));
    dose.setDoseSummationType(truncate(parsed.summationType(), 100));
    dose.setDoseType(truncate(parsed.doseType(), 100));
    dose.setDoseUnits(truncate(parsed.doseUnits(), 100));
    dose.setReferencedRtPlan(truncate(parsed.referencedPlanUid(), 100));
    dose.setReferencedStructureSet(truncate(parsed.referencedStructureSetUid(), 100));
    dose.setFrameOfReferenceUid(parsed.header().frameOfReferenceUid().orElse(null));
    dose.setReferencedBeamNumber(truncate(parsed.referencedBeamNumber(), 16));
    scope(dose, series, account);
    em.persist(dose);
    for (int f = 0; f < parsed.frames().size(); f++) {
      RtDoseImage image = new RtDoseImage();
      image.setRows(parsed.rows());
      image.setColumns(parsed.columns());
      image.setImageOrientationPatient(parsed.imageOrientationPatient());
      image.setImagePositionPatient(parsed.framePositions().get(f));
      image.setPhotometricInterpretation(truncate(parsed.photometricInterpretation(), 20));
      image.setPixelSpacing(parsed.pixelSpacing());
      image.setNumberOfFrames(1);
      image.setFrameNumber(f);
      image.setBitsAllocated(parsed.bitsAllocated());
      image.setPixelRepresentation(parsed.signed() ? 1 : 0);
      image.setImageData(DoseImageData.encode(parsed.frames().get(f), parsed.bitsAllocated()));
      image.setDose(dose);
      scope(image, series, account);
      em.persist(image);
    }
    for (EmbeddedDvh parsedDvh : parsed.embeddedDvhs()) {
      RtDvh dvh = new RtDvh();
      dvh.setSource("TPS_EMBEDDED");
      dvh.setReferencedRoi(truncate(parsedDvh.referencedRoiNumber(), 10));
      dvh.setDvhType(truncate(parsedDvh.type(), 16));
      dvh.setDoseUnits(truncate(parsedDvh.doseUnits(), 16));
      dvh.setDoseType(truncate(parsedDvh.doseType(), 16));
      dvh.setDoseScaling(truncate(parsedDvh.doseScaling(), 20));
      dvh.setVolumeUnits(truncate(parsedDvh.volumeUnits(), 16));
      dvh.setNumberOfBins(
          parsedDvh.numberOfBins() == null ? null : parsedDvh.numberOfBins().doubleValue());
      dvh.setDvhData(parsedDvh.data());
      dvh.setMinimumDose(parsedDvh.minimumDose());
      dvh.setMaximumDose(parsedDvh.maximumDose());
      dvh.setMeanDose(parsedDvh.meanDose());
      dvh.setDose(dose);
      dvh.setPatient(series.getPatient());
      dvh.setSeries(series);
      dvh.setStudy(series.getStudy());
      dvh.setUser(account);
      em.persist(dvh);
    }
  }

  private static void scope(
      org.rtds.domain.patient.UserCreatedSeriesScopedEntity entity,
      Series series,
      AuthUser account) {
    entity.setPatient(series.getPatient());
    entity.setStudy(series.getStudy());
    entity.setSeries(series);
    entity.setUser(account);
  }

  // --- study bookkeeping ---

  /** Counts of stored objects per modality, and what features still miss. */
  public static StudyInputs studyInputs(EntityManager em, int studyId) {
    Map<String, Long> counts = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select o.modality, count(o) from StoredObject o where o.study.id = :study"
                    + " group by o.modality",
                Object[].class)
            .setParameter("study", studyId)
            .getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return StudyInputs.of(counts);
  }

  private FeatureJob featureJob(Study study, StudyInputs inputs) {
    FeatureJob job =
        em.createNamedQuery(FeatureJob.FIND_BY_STUDY, FeatureJob.class)
            .setParameter("studyId", study.getId())
            .getResultStream()
            .findFirst()
            .orElseGet(() -> newFeatureJob(study)); // a legacy study without a job row
    job.inputsChanged(
        inputs.complete()
            ? "inputs complete (" + inputs.summary() + "); waiting for feature computation"
            : "waiting for " + String.join(", ", inputs.missing()) + " (" + inputs.summary() + ")",
        now());
    return job;
  }

  private int count(String jpql, Object parameter) {
    return em.createQuery(jpql, Long.class).setParameter(1, parameter).getSingleResult().intValue();
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

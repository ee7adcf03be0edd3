package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.ingest.control.ParsedInstance.Header;

/**
 * The patient, study and series an object belongs to, per sending account: finding them, the checks
 * that an object agrees with what is already stored there (each returns the refusal's reason, or
 * {@code null} when the object fits), and creating what is missing. Works in the caller's
 * transaction; the checks only read, so {@link IngestWriter} runs all of them before it creates
 * anything.
 */
final class PatientHierarchy {

  private final EntityManager em;
  private final FeatureJobBooking featureJobs;

  PatientHierarchy(EntityManager em, FeatureJobBooking featureJobs) {
    this.em = em;
    this.featureJobs = featureJobs;
  }

  // --- look-ups ---

  /** The account's patient with this Patient ID. */
  Optional<Patient> patient(int accountId, String patientId) {
    return em.createQuery(
            "select p from Patient p where p.user.id = :user and p.patientId = :id", Patient.class)
        .setParameter("user", accountId)
        .setParameter("id", patientId)
        .getResultStream()
        .findFirst();
  }

  /** The account's study with this Study Instance UID. */
  Optional<Study> study(int accountId, String studyUid) {
    return em.createQuery(
            "select s from Study s where s.user.id = :user and s.studyInstanceUid = :uid",
            Study.class)
        .setParameter("user", accountId)
        .setParameter("uid", studyUid)
        .getResultStream()
        .findFirst();
  }

  /** The study's series with this Series Instance UID. */
  Optional<Series> series(int studyId, String seriesUid) {
    return em.createQuery(
            "select s from Series s where s.study.id = :study and s.seriesInstanceUid = :uid",
            Series.class)
        .setParameter("study", studyId)
        .setParameter("uid", seriesUid)
        .getResultStream()
        .findFirst();
  }

  // --- checks: the reason of a refusal, or null ---

  /**
   * A stored study belongs to the patient the object names: a study found under another Patient ID
   * (or under none the account has) is a conflict.
   */
  static String studyConflict(Study study, Optional<Patient> patient, Header header) {
    if (patient.isPresent() && study.getPatient().getId().equals(patient.get().getId())) {
      return null;
    }
    return "Study "
        + header.study().studyInstanceUid()
        + " belongs to another patient than Patient ID '"
        + header.patient().patientId()
        + "' named by this object";
  }

  /** A stored series keeps its modality and its frame of reference. */
  static String seriesConflict(Series series, Header header) {
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
  String frameOfReferenceConflict(Study study, Header header) {
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

  /** A new patient from the object's Patient module. */
  Patient createPatient(Header header, AuthUser account) {
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

  /** A new study from the object's General Study module, with its (empty) feature job. */
  Study createStudy(Header header, Patient patient, AuthUser account) {
    Study study = new Study();
    study.setStudyInstanceUid(header.study().studyInstanceUid());
    study.setStudyDate(header.study().date());
    study.setStudyDescription(truncate(header.study().description(), 200));
    study.setPatient(patient);
    study.setUser(account);
    em.persist(study);
    featureJobs.newJob(study);
    return study;
  }

  /** A new series from the object's General Series and Equipment modules. */
  Series createSeries(Header header, Patient patient, Study study, AuthUser account) {
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

  /**
   * Updates the study's series count after a series was created for it: 1 for a new study, else
   * counted (the new series is flushed by then).
   */
  void seriesAdded(Study study, boolean newStudy) {
    study.setTotalSeries(
        newStudy
            ? 1
            : em.createQuery("select count(x) from Series x where x.study.id = ?1", Long.class)
                .setParameter(1, study.getId())
                .getSingleResult()
                .intValue());
  }
}

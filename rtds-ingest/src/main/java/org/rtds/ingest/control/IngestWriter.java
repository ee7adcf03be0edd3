package org.rtds.ingest.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.store.StoredObject;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.StudyInputs;

/**
 * Writes one parsed DICOM object into the dsrt tables, inside the caller's transaction: finds or
 * creates the patient (by the sending account and Patient ID), study and series ({@code
 * PatientHierarchy}), checks that the object agrees with what is already stored, writes the
 * object's rows (one {@code ModalityWriter} per kind) and its {@code rtds_object} entry ({@code
 * StoredObjects}), and records the study's new input generation in {@code rtds_feature_job} ({@link
 * FeatureJobBooking}). Refusals go to {@code rtds_rejection} ({@code RejectionLog}).
 *
 * <p>Every check runs before the first row is written, so a refused object leaves only its {@code
 * rtds_rejection} row. Two transactions creating the same patient, study, series or object at once
 * collide on a unique key; the caller retries the loser, which then finds the winner's rows.
 */
public final class IngestWriter {

  private final EntityManager em;
  private final StoredObjects objects;
  private final PatientHierarchy hierarchy;
  private final RejectionLog rejections;
  private final FeatureJobBooking featureJobs;
  private final CtSliceWriter ctSlices;
  private final StructureSetWriter structureSets;
  private final PlanWriter plans;
  private final DoseWriter doses;

  /**
   * A writer for one transaction.
   *
   * @param em the caller's persistence context, in a transaction when {@link #write} runs
   * @param roiNames standard names and roles of the ROIs of structure sets
   * @param clock the time of {@code received_at} and of feature-job bookings
   */
  public IngestWriter(EntityManager em, RoiNameNormalizer roiNames, Clock clock) {
    this.em = Objects.requireNonNull(em, "em");
    Objects.requireNonNull(roiNames, "roiNames");
    Objects.requireNonNull(clock, "clock");
    this.objects = new StoredObjects(em, clock);
    this.featureJobs = new FeatureJobBooking(em, clock);
    this.hierarchy = new PatientHierarchy(em, featureJobs);
    this.rejections = new RejectionLog(em, clock);
    this.ctSlices = new CtSliceWriter(em);
    this.structureSets = new StructureSetWriter(em, roiNames);
    this.plans = new PlanWriter(em);
    this.doses = new DoseWriter(em);
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

    Optional<StoredObject> existing = objects.find(origin.accountId(), header.sopInstanceUid());
    String fingerprint = ContentFingerprint.of(parsed);
    if (existing.isPresent()) {
      if (existing.get().getContentSha256().equals(file.sha256())) {
        return WriteResult.duplicate(existing.get().getStudy().getId(), false);
      }
      if (fingerprint.equals(existing.get().getContentFingerprint())) {
        // the same object in another encoding: its new bytes need not be kept
        return WriteResult.duplicate(
            existing.get().getStudy().getId(), !objects.fileReferenced(file.sha256()));
      }
      return rejections.reject(
          parsed,
          file,
          origin,
          "CONFLICT",
          "SOP Instance UID "
              + header.sopInstanceUid()
              + " was stored before with different content; RTDS keeps the first version (policy:"
              + " corrected objects need a new SOP Instance UID). The new bytes are kept as "
              + file.relativePath());
    }

    Optional<Patient> patient = hierarchy.patient(origin.accountId(), header.patient().patientId());
    Optional<Study> study = hierarchy.study(origin.accountId(), header.study().studyInstanceUid());
    if (study.isPresent()) {
      String problem = PatientHierarchy.studyConflict(study.get(), patient, header);
      if (problem != null) {
        return rejections.reject(parsed, file, origin, "CONFLICT", problem);
      }
    }
    Optional<Series> series =
        study.flatMap(s -> hierarchy.series(s.getId(), header.series().seriesInstanceUid()));
    if (series.isPresent()) {
      String problem = PatientHierarchy.seriesConflict(series.get(), header);
      if (problem != null) {
        return rejections.reject(parsed, file, origin, "CONFLICT", problem);
      }
    }
    if (study.isPresent() && !"CT".equals(header.sopClass().modality())) {
      String problem = hierarchy.frameOfReferenceConflict(study.get(), header);
      if (problem != null) {
        return rejections.reject(parsed, file, origin, "FRAME_OF_REFERENCE", problem);
      }
    }

    Patient p = patient.orElseGet(() -> hierarchy.createPatient(header, account));
    boolean newStudy = study.isEmpty();
    Study s = study.orElseGet(() -> hierarchy.createStudy(header, p, account));
    Series se = series.orElseGet(() -> hierarchy.createSeries(header, p, s, account));
    if (se.getFrameOfReferenceUid() == null && header.frameOfReferenceUid().isPresent()) {
      se.setFrameOfReferenceUid(header.frameOfReferenceUid().get());
    }

    writeRows(parsed, se, account);
    objects.add(header, file, origin, fingerprint, s, account);

    if (series.isEmpty()) {
      hierarchy.seriesAdded(s, newStudy);
    }
    StudyInputs inputs = FeatureJobBooking.studyInputs(em, s.getId());
    FeatureJob job = featureJobs.inputsChanged(s, inputs);
    em.flush();
    return WriteResult.stored(s.getId(), job.getRequestedGeneration(), inputs.complete());
  }

  /**
   * Records a refusal of an object that could not be stored (used by the boundary as well, for
   * objects refused before they reached {@link #write}), in the caller's transaction. Text longer
   * than its column is cut.
   *
   * @param sopInstanceUid the object's SOP Instance UID, if it could be read
   * @param sopClassUid its SOP Class UID, if it could be read
   * @param file its bytes, kept in the file store
   * @param origin sending account, channel and origin
   * @param reasonCode short code of the refusal, e.g. {@code CONFLICT}
   * @param reason what was wrong, for the sender
   */
  public void recordRejection(
      String sopInstanceUid,
      String sopClassUid,
      StoredFile file,
      IngestOrigin origin,
      String reasonCode,
      String reason) {
    rejections.record(sopInstanceUid, sopClassUid, file, origin, reasonCode, reason);
  }

  /**
   * Hands the object to the writer of its kind. {@link ParsedInstance} is a sealed interface, so
   * the four branches cover every kind the compiler allows today; the final {@code else} makes a
   * kind added to its {@code permits} clause without a writer fail here, instead of storing only
   * its {@code rtds_object} row.
   *
   * @throws IllegalStateException for a kind without a writer
   */
  private void writeRows(ParsedInstance parsed, Series series, AuthUser account) {
    if (parsed instanceof CtSlice ct) {
      ctSlices.write(ct, series, account);
    } else if (parsed instanceof StructureSet set) {
      structureSets.write(set, series, account);
    } else if (parsed instanceof Plan plan) {
      plans.write(plan, series, account);
    } else if (parsed instanceof Dose dose) {
      doses.write(dose, series, account);
    } else {
      throw new IllegalStateException("no rows writer for " + parsed.getClass().getName());
    }
  }
}

package org.rtds.ingest.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.patient.Study;
import org.rtds.ingest.entity.StudyInputs;

/**
 * A study's row in {@code rtds_feature_job}: the job a new study gets (nothing requested, nothing
 * computed), and the new input generation every stored object requests, with what the study's
 * objects still miss for feature computation ({@link #studyInputs}). Writes in the caller's
 * transaction; the feature module computes the generation later.
 */
public final class FeatureJobBooking {

  private final EntityManager em;
  private final Clock clock;

  FeatureJobBooking(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Counts of stored objects per modality, and what features still miss. Reads in the caller's
   * transaction, if any.
   *
   * @param em the persistence context to read through
   * @param studyId {@code studies.id}
   * @return the counts; none for an unknown study
   */
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

  /** The feature job of a study that has none yet: nothing requested, nothing computed. */
  FeatureJob newJob(Study study) {
    FeatureJob job = FeatureJob.bookFor(study, Columns.now(clock));
    em.persist(job);
    return job;
  }

  /**
   * Requests a new input generation of the study's features, after an object was stored.
   *
   * @param inputs the study's objects, counted after the store
   * @return the job, its requested generation raised
   */
  FeatureJob inputsChanged(Study study, StudyInputs inputs) {
    FeatureJob job =
        em.createNamedQuery(FeatureJob.FIND_BY_STUDY, FeatureJob.class)
            .setParameter("studyId", study.getId())
            .getResultStream()
            .findFirst()
            .orElseGet(() -> newJob(study)); // a legacy study without a job row
    job.inputsChanged(
        inputs.complete()
            ? "inputs complete (" + inputs.summary() + "); waiting for feature computation"
            : "waiting for " + String.join(", ", inputs.missing()) + " (" + inputs.summary() + ")",
        Columns.now(clock));
    return job;
  }
}

package org.rtds.domain.feature;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.patient.Study;

/**
 * The feature computation of one study ({@code rtds_feature_job}, an RTDS table), claimed through
 * the database so that exactly one node runs it.
 *
 * <p>Life cycle ({@link FeatureJobStatus}): {@code PENDING} (waiting for its inputs or a worker)
 * &rarr; {@code RUNNING} (claimed by {@link #getClaimedBy() claimedBy} until {@link
 * #getLeaseUntil() leaseUntil}; an expired lease may be claimed again) &rarr; {@code DONE} or
 * {@code FAILED}. {@link #getRequestedGeneration() requestedGeneration} grows whenever new inputs
 * arrive; a run records the generation it computed, so an object that arrives during a run causes
 * another run. The transitions are this class's methods ({@link #bookFor}, {@link #inputsChanged},
 * {@link #finishRun}); claiming is one conditional UPDATE of several rows, in {@code FeatureJobs}.
 * Times are UTC.
 */
@Entity
@Table(name = "rtds_feature_job")
@NamedQuery(
    name = FeatureJob.FIND_BY_STUDY,
    query = "select j from FeatureJob j where j.study.id = :studyId")
public class FeatureJob extends GeneratedIdEntity {

  /** Where the computation stands. */
  @Column(name = "Status", nullable = false, length = 16)
  @Convert(converter = FeatureJobStatusConverter.class)
  private FeatureJobStatus status;

  /** What the status means for this study: missing inputs, progress, or why it failed. */
  @Column(name = "Detail", length = 1000)
  private String detail;

  /**
   * Generation of inputs requested: incremented by every object that changes the study's inputs.
   */
  @Column(name = "RequestedGeneration", nullable = false)
  private Integer requestedGeneration;

  /** Generation of inputs the last successful run computed. */
  @Column(name = "ComputedGeneration", nullable = false)
  private Integer computedGeneration;

  /** Number of runs started. */
  @Column(name = "Attempts", nullable = false)
  private Integer attempts;

  /** Node that holds the claim while {@code RUNNING}. */
  @Column(name = "ClaimedBy", length = 100)
  private String claimedBy;

  /** End of the claim (UTC); after it another node may claim the job. */
  @Column(name = "LeaseUntil")
  private LocalDateTime leaseUntil;

  /** Last change (UTC). */
  @Column(name = "UpdatedAt", nullable = false)
  private LocalDateTime updatedAt;

  /** The study. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_study_id_id", nullable = false)
  private Study study;

  /** The job of a study (parameter {@code studyId}). */
  public static final String FIND_BY_STUDY = "FeatureJob.findByStudy";

  /** The longest {@link #getDetail() detail} the column holds. */
  public static final int DETAIL_LENGTH = 1000;

  /**
   * The job of a study that has none yet: nothing requested, nothing computed, PENDING.
   *
   * @param now UTC
   */
  public static FeatureJob bookFor(Study study, LocalDateTime now) {
    FeatureJob job = new FeatureJob();
    job.study = study;
    job.status = FeatureJobStatus.PENDING;
    job.requestedGeneration = 0;
    job.computedGeneration = 0;
    job.attempts = 0;
    job.updatedAt = now;
    return job;
  }

  /**
   * New inputs arrived: one more generation is requested. A job being computed stays RUNNING (its
   * run ends PENDING and computes again, see {@link #finishRun}); any other goes back to PENDING
   * with {@code detail}.
   *
   * @param detail what the study holds or still waits for
   * @param now UTC
   */
  public void inputsChanged(String detail, LocalDateTime now) {
    requestedGeneration = requestedGeneration + 1;
    if (status != FeatureJobStatus.RUNNING) {
      status = FeatureJobStatus.PENDING;
      this.detail = fit(detail);
    }
    updatedAt = now;
  }

  /**
   * Ends a run that computed {@code generation}: records it and the outcome, and lets go of the
   * claim. If newer inputs arrived during the run the job goes back to PENDING, so they are
   * computed too.
   *
   * @param outcome DONE, FAILED, or PENDING (waiting for an input)
   * @param now UTC
   * @return false, changing nothing, when the job is no longer RUNNING (the lease expired and
   *     another node took over)
   * @throws IllegalArgumentException for outcome RUNNING
   */
  public boolean finishRun(
      int generation, FeatureJobStatus outcome, String detail, LocalDateTime now) {
    if (!outcome.endsARun()) {
      throw new IllegalArgumentException("a run cannot end " + outcome);
    }
    if (status != FeatureJobStatus.RUNNING) {
      return false;
    }
    computedGeneration = generation;
    boolean newer = requestedGeneration > generation;
    status = newer ? FeatureJobStatus.PENDING : outcome;
    this.detail = fit(newer ? "new objects arrived; computing again (" + detail + ")" : detail);
    claimedBy = null;
    leaseUntil = null;
    updatedAt = now;
    return true;
  }

  /** A detail cut to what the column holds, ending in "..." when cut. */
  public static String fit(String detail) {
    return detail == null || detail.length() <= DETAIL_LENGTH
        ? detail
        : detail.substring(0, DETAIL_LENGTH - 3) + "...";
  }

  public FeatureJobStatus getStatus() {
    return status;
  }

  /** For mapping tests and migrations; the application changes it through the transitions. */
  public void setStatus(FeatureJobStatus status) {
    this.status = status;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public Integer getRequestedGeneration() {
    return requestedGeneration;
  }

  public void setRequestedGeneration(Integer requestedGeneration) {
    this.requestedGeneration = requestedGeneration;
  }

  public Integer getComputedGeneration() {
    return computedGeneration;
  }

  public void setComputedGeneration(Integer computedGeneration) {
    this.computedGeneration = computedGeneration;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public void setClaimedBy(String claimedBy) {
    this.claimedBy = claimedBy;
  }

  public LocalDateTime getLeaseUntil() {
    return leaseUntil;
  }

  public void setLeaseUntil(LocalDateTime leaseUntil) {
    this.leaseUntil = leaseUntil;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(LocalDateTime updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Study getStudy() {
    return study;
  }

  public void setStudy(Study study) {
    this.study = study;
  }
}

package org.rtds.domain.feature;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
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
 * <p>Life cycle: {@code PENDING} (waiting for its inputs or a worker) &rarr; {@code RUNNING}
 * (claimed by {@link #getClaimedBy() claimedBy} until {@link #getLeaseUntil() leaseUntil}; an
 * expired lease may be claimed again) &rarr; {@code DONE} or {@code FAILED}. {@link
 * #getRequestedGeneration() requestedGeneration} grows whenever new inputs arrive; a run records
 * the generation it computed, so an object that arrives during a run causes another run. Times are
 * UTC.
 */
@Entity
@Table(name = "rtds_feature_job")
@NamedQuery(
    name = FeatureJob.FIND_BY_STUDY,
    query = "select j from FeatureJob j where j.study.id = :studyId")
public class FeatureJob extends GeneratedIdEntity {

  /** {@code PENDING}, {@code RUNNING}, {@code DONE} or {@code FAILED}. */
  @Column(name = "Status", nullable = false, length = 16)
  private String status;

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

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
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

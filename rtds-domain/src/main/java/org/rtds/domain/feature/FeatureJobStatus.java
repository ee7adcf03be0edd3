package org.rtds.domain.feature;

/**
 * Where the feature computation of a study stands ({@code rtds_feature_job.Status}, stored as the
 * constant's name). The transitions are {@link FeatureJob}'s methods and the claiming UPDATE of
 * {@code FeatureJobs}; nothing else sets a status.
 */
public enum FeatureJobStatus {
  /** Waiting for its inputs, a quiet period or a worker. */
  PENDING,
  /** Claimed by one node until its lease ends. */
  RUNNING,
  /** Computed from the generation of inputs it records. */
  DONE,
  /** The last run failed; the detail says why. New inputs make it PENDING again. */
  FAILED;

  /** Whether a run may end in this state: DONE, FAILED, or PENDING (waiting for an input). */
  public boolean endsARun() {
    return this != RUNNING;
  }
}

package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.control.FeatureJobs;
import org.rtds.features.control.FeatureJobs.Claim;

/** The job queue's transactions, each its own ({@code REQUIRES_NEW}). */
@ApplicationScoped
public class FeatureJobStore {

  @PersistenceContext EntityManager em;

  /**
   * Where the feature computations stand.
   *
   * @param studies jobs (one per study)
   * @param upToDate computed from their latest inputs (DONE or FAILED)
   * @param done DONE and up to date
   * @param failed FAILED and up to date
   * @param pending waiting (for a worker, a quiet period or an input)
   * @param running being computed
   */
  public record Progress(
      long studies, long upToDate, long done, long failed, long pending, long running) {}

  @Transactional(TxType.REQUIRES_NEW)
  public List<Integer> runnable(Duration quietPeriod, int limit) {
    return jobs().runnable(quietPeriod, limit);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Claim claim(int jobId, String node, Duration lease) {
    return jobs().claim(jobId, node, lease);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void finish(Claim claim, FeatureJobStatus status, String detail) {
    jobs().finish(claim, status, detail);
  }

  /**
   * @param reason why (shown on the waiting jobs)
   * @return how many studies will be computed again
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int requestRecomputeAll(String reason) {
    return jobs().requestRecomputeAll(reason);
  }

  /**
   * @return where the computations of every study stand (for {@code /v1/features})
   */
  @Transactional(TxType.SUPPORTS)
  public Progress progress() {
    return jobs().progress();
  }

  private FeatureJobs jobs() {
    return new FeatureJobs(em, Clock.systemUTC());
  }
}

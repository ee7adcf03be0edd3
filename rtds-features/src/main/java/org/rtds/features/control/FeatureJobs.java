package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.FeatureJobStore.Progress;

/**
 * The {@code rtds_feature_job} table as a work queue shared by every node: a job is runnable when
 * new inputs arrived since its last run ({@code RequestedGeneration > ComputedGeneration}), no
 * object arrived for a quiet period (a study still streaming in is computed once, at the end), and
 * nobody holds it (PENDING, or RUNNING with an expired lease — its node died). Claiming is one
 * conditional UPDATE, so exactly one node wins. Each method runs in the caller's transaction.
 */
public final class FeatureJobs {

  private final EntityManager em;
  private final Clock clock;

  public FeatureJobs(EntityManager em, Clock clock) {
    this.em = Objects.requireNonNull(em, "em");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A claimed job: its study and the input generation this run computes. */
  public record Claim(int jobId, int studyId, int generation) {}

  /** Ids of runnable jobs, oldest change first. */
  public List<Integer> runnable(Duration quietPeriod, int limit) {
    LocalDateTime now = now();
    return em.createQuery(
            "select j.id from FeatureJob j where j.requestedGeneration > j.computedGeneration"
                + " and j.updatedAt <= :quiet and (j.status = :pending or (j.status = :running"
                + " and j.leaseUntil < :now)) order by j.updatedAt",
            Integer.class)
        .setParameter("pending", FeatureJobStatus.PENDING)
        .setParameter("running", FeatureJobStatus.RUNNING)
        .setParameter("quiet", now.minus(quietPeriod))
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Tries to claim a job for {@code node} until now + {@code lease}.
   *
   * @return the claim, or null when another node was faster or the job is not runnable any more
   */
  public Claim claim(int jobId, String node, Duration lease) {
    LocalDateTime now = now();
    int updated =
        em.createQuery(
                "update FeatureJob j set j.status = :running, j.claimedBy = :node,"
                    + " j.leaseUntil = :lease, j.attempts = j.attempts + 1, j.updatedAt = :now"
                    + " where j.id = :id and j.requestedGeneration > j.computedGeneration and"
                    + " (j.status = :pending or (j.status = :running and j.leaseUntil < :now))")
            .setParameter("pending", FeatureJobStatus.PENDING)
            .setParameter("running", FeatureJobStatus.RUNNING)
            .setParameter("node", node)
            .setParameter("lease", now.plus(lease))
            .setParameter("now", now)
            .setParameter("id", jobId)
            .executeUpdate();
    if (updated != 1) {
      return null;
    }
    FeatureJob job = em.find(FeatureJob.class, jobId);
    em.refresh(job);
    return new Claim(jobId, job.getStudy().getId(), job.getRequestedGeneration());
  }

  /**
   * Ends a run: records the generation it computed and the outcome. If newer inputs arrived during
   * the run the job goes back to PENDING, so they are computed too.
   *
   * @param outcome DONE, FAILED, or PENDING (waiting for an input)
   */
  public void finish(Claim claim, FeatureJobStatus outcome, String detail) {
    FeatureJob job = em.find(FeatureJob.class, claim.jobId());
    em.refresh(job);
    // false when the lease expired and another node took over: nothing of this run is recorded
    job.finishRun(claim.generation(), outcome, detail, now());
  }

  /**
   * Asks for every study's features to be computed again (after a definition changed): each job's
   * requested generation grows by one, so the scheduler of every node recomputes them in the usual
   * way, a running job included (it goes back to PENDING when it finishes). Asking twice computes
   * twice, with the same result.
   *
   * @param reason shown as the detail of the waiting jobs
   * @return how many jobs were asked
   */
  public int requestRecomputeAll(String reason) {
    LocalDateTime now = now();
    int running =
        em.createQuery(
                "update FeatureJob j set j.requestedGeneration = j.requestedGeneration + 1"
                    + " where j.status = :running")
            .setParameter("running", FeatureJobStatus.RUNNING)
            .executeUpdate();
    int others =
        em.createQuery(
                "update FeatureJob j set j.requestedGeneration = j.requestedGeneration + 1,"
                    + " j.status = :pending, j.detail = :reason, j.updatedAt = :now"
                    + " where j.status <> :running")
            .setParameter("pending", FeatureJobStatus.PENDING)
            .setParameter("running", FeatureJobStatus.RUNNING)
            .setParameter("reason", FeatureJob.fit(reason))
            .setParameter("now", now)
            .executeUpdate();
    return running + others;
  }

  /**
   * @return the counts over all jobs
   */
  public Progress progress() {
    long total = 0;
    long upToDate = 0;
    long done = 0;
    long failed = 0;
    long pending = 0;
    long running = 0;
    for (Object[] r :
        em.createQuery(
                "select j.status, case when j.computedGeneration >= j.requestedGeneration then 1"
                    + " else 0 end, count(j) from FeatureJob j group by j.status,"
                    + " case when j.computedGeneration >= j.requestedGeneration then 1 else 0 end",
                Object[].class)
            .getResultList()) {
      long n = ((Number) r[2]).longValue();
      boolean current = ((Number) r[1]).intValue() == 1;
      total += n;
      switch ((FeatureJobStatus) r[0]) {
        case RUNNING -> running += n;
        case PENDING -> pending += n;
        case DONE -> {
          if (current) {
            done += n;
            upToDate += n;
          } else {
            pending += n;
          }
        }
        case FAILED -> {
          if (current) {
            failed += n;
            upToDate += n;
          } else {
            pending += n;
          }
        }
      }
    }
    return new Progress(total, upToDate, done, failed, pending, running);
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}

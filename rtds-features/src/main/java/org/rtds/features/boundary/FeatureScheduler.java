package org.rtds.features.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rtds.domain.event.StudyInputsChanged;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.control.FeatureJobs.Claim;

/**
 * Runs feature jobs on this node. Work is claimed through the database ({@link FeatureJobStore}),
 * so several nodes can run this at once and a job runs once; the ingestion event only wakes the
 * worker early, and a poll every {@value #POLL_SECONDS} s picks up whatever an event missed
 * (another node's objects, a restart, an expired lease). A study still receiving objects is
 * computed after a quiet period of {@value #QUIET_SECONDS} s, once, instead of after every slice.
 */
@ApplicationScoped
public class FeatureScheduler {

  private static final Logger LOG = System.getLogger(FeatureScheduler.class.getName());

  static final long POLL_SECONDS = 15;
  static final long QUIET_SECONDS = 2;
  static final Duration LEASE = Duration.ofMinutes(10);

  private volatile ManagedScheduledExecutorService executor;

  @Inject FeatureJobStore jobs;

  @Inject FeatureComputation computation;

  @Inject KnowledgeIndex knowledgeIndex;

  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile String lastDrainFailure;
  private final String node = nodeName();
  private ScheduledFuture<?> poll;

  /**
   * Starts polling on the container's executor; called by the application's start-up once the
   * schema is migrated (a CDI bean in the EAR's {@code lib/} gets no {@code @Resource} injection).
   * Idempotent.
   */
  public synchronized void start(ManagedScheduledExecutorService managedExecutor) {
    if (executor != null) {
      return;
    }
    executor = managedExecutor;
    poll =
        executor.scheduleWithFixedDelay(
            this::drainQuietly, QUIET_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    LOG.log(
        Level.INFO, "RTDS feature computation: worker {0} polling every {1} s", node, POLL_SECONDS);
    executor.execute(this::loadKnowledgeIndex);
  }

  /** Loads this node's similarity index at start, so the first answer does not wait for it. */
  private void loadKnowledgeIndex() {
    try {
      knowledgeIndex.refresh();
    } catch (RuntimeException e) {
      // the first answer loads it then
      LOG.log(Level.WARNING, "knowledge base index not loaded at start: " + e, e);
    }
  }

  @PreDestroy
  void stop() {
    if (poll != null) {
      poll.cancel(false);
    }
  }

  /** Wakes the worker once a study's new objects are committed and the quiet period has passed. */
  void inputsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StudyInputsChanged event) {
    ManagedScheduledExecutorService executor = this.executor;
    if (executor != null && event.readyForFeatures()) {
      executor.schedule(this::drainQuietly, QUIET_SECONDS * 1000 + 200, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Never lets an exception escape: a periodic task that throws is cancelled by the executor, and
   * the node would stop computing features.
   */
  private void drainQuietly() {
    try {
      drain();
    } catch (Throwable e) {
      // the database may be away or not migrated yet (logged once), or a bug (logged in full)
      String message = String.valueOf(e);
      if (!message.equals(lastDrainFailure)) {
        lastDrainFailure = message;
        LOG.log(
            Level.WARNING,
            "feature worker: " + message + " (retrying every " + POLL_SECONDS + " s)",
            e);
      }
    }
  }

  /** Runs every runnable job; one drain at a time on this node. */
  void drain() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Integer> runnable;
      while (!(runnable = jobs.runnable(Duration.ofSeconds(QUIET_SECONDS), 10)).isEmpty()) {
        boolean any = false;
        for (int jobId : runnable) {
          Claim claim = jobs.claim(jobId, node, LEASE);
          if (claim != null) {
            any = true;
            run(claim);
          }
        }
        if (!any) {
          return;
        }
      }
    } finally {
      draining.set(false);
    }
  }

  private void run(Claim claim) {
    long start = System.nanoTime();
    LOG.log(
        Level.INFO,
        "Computing features of study {0} (generation {1})",
        claim.studyId(),
        claim.generation());
    try {
      String summary = computation.run(claim);
      LOG.log(
          Level.INFO,
          "Features of study {0} computed in {1} ms: {2}",
          claim.studyId(),
          (System.nanoTime() - start) / 1_000_000,
          summary);
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      Throwable cause = rootOf(e, MissingInputException.class);
      if (cause != null) {
        LOG.log(Level.INFO, "Features of study {0} wait: {1}", claim.studyId(), cause.getMessage());
        jobs.finish(claim, FeatureJobStatus.PENDING, "waiting: " + cause.getMessage());
        return;
      }
      LOG.log(Level.ERROR, "Features of study " + claim.studyId() + " failed", e);
      jobs.finish(claim, FeatureJobStatus.FAILED, "computation failed: " + e);
    }
  }

  private static Throwable rootOf(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}

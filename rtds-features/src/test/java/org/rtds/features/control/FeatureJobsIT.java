package org.rtds.features.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.SampleGraph;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;
import org.rtds.features.boundary.FeatureJobStore.Progress;
import org.rtds.features.control.FeatureJobs.Claim;

/** The feature job queue on MariaDB: quiet period, one winner per claim, leases, generations. */
class FeatureJobsIT {

  private static TestDatabase database;
  private static EntityManagerFactory factory;
  private static int jobId;
  private static int studyId;

  @BeforeAll
  static void setUp() {
    database = TestDatabase.create("feature_jobs");
    new SchemaMigrator(database.dataSource()).migrate();
    factory = TestPersistence.createEntityManagerFactory(database);
    SampleGraph graph = new SampleGraph("jobs");
    inTransaction(
        em -> {
          graph.persist(em);
          return null;
        });
    jobId = graph.featureJob.getId();
    studyId = graph.study.getId();
  }

  @AfterAll
  static void tearDown() {
    if (factory != null) {
      factory.close();
    }
    database.close();
  }

  @BeforeEach
  void newInputsArrivedTenSecondsAgo() {
    database.execute(
        "update rtds_feature_job set Status = 'PENDING', RequestedGeneration = 5,"
            + " ComputedGeneration = 3, ClaimedBy = null, LeaseUntil = null, UpdatedAt = '"
            + LocalDateTime.ofInstant(Instant.now().minusSeconds(10), ZoneOffset.UTC).withNano(0)
            + "'");
  }

  @Test
  void aJobIsRunnableOnlyAfterTheQuietPeriod() {
    List<Integer> afterFive = inTransaction(em -> jobs(em).runnable(Duration.ofSeconds(5), 10));
    List<Integer> afterSixty = inTransaction(em -> jobs(em).runnable(Duration.ofSeconds(60), 10));
    assertThat(afterFive).containsExactly(jobId);
    assertThat(afterSixty).isEmpty();
  }

  @Test
  void ofFourNodesClaimingAtOnceExactlyOneWins() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = "node-" + n;
        Callable<Claim> claim =
            () -> {
              start.await();
              return inTransaction(em -> jobs(em).claim(jobId, node, Duration.ofMinutes(5)));
            };
        claims.add(executor.submit(claim));
      }
      start.countDown();
      List<Claim> won = new ArrayList<>();
      for (Future<Claim> claim : claims) {
        if (claim.get() != null) {
          won.add(claim.get());
        }
      }
      assertThat(won).containsExactly(new Claim(jobId, studyId, 5));
    } finally {
      executor.shutdownNow();
    }
    assertThat(job().getStatus()).isEqualTo(FeatureJobStatus.RUNNING);
  }

  @Test
  void anExpiredLeaseMayBeClaimedByAnotherNode() {
    Claim first = inTransaction(em -> jobs(em).claim(jobId, "dead-node", Duration.ofMinutes(-1)));
    assertThat(first).isNotNull();
    Claim second = inTransaction(em -> jobs(em).claim(jobId, "live-node", Duration.ofMinutes(5)));
    assertThat(second).isNotNull();
    assertThat(job().getClaimedBy()).isEqualTo("live-node");
    assertThat(job().getAttempts()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void objectsArrivingDuringARunSendTheJobBackToPending() {
    Claim claim = inTransaction(em -> jobs(em).claim(jobId, "node", Duration.ofMinutes(5)));
    database.execute("update rtds_feature_job set RequestedGeneration = 6");

    inTransaction(
        em -> {
          jobs(em).finish(claim, FeatureJobStatus.DONE, "DVHs of 4 ROIs");
          return null;
        });

    FeatureJob job = job();
    assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(job.getComputedGeneration()).isEqualTo(5);
    assertThat(job.getDetail()).startsWith("new objects arrived");
  }

  @Test
  void aFinishedRunIsDoneAndNotRunnableUntilNewInputs() {
    Claim claim = inTransaction(em -> jobs(em).claim(jobId, "node", Duration.ofMinutes(5)));
    inTransaction(
        em -> {
          jobs(em).finish(claim, FeatureJobStatus.DONE, "DVHs of 4 ROIs");
          return null;
        });

    assertThat(job().getStatus()).isEqualTo(FeatureJobStatus.DONE);
    assertThat(job().getClaimedBy()).isNull();
    List<Integer> runnable = inTransaction(em -> jobs(em).runnable(Duration.ZERO, 10));
    assertThat(runnable).isEmpty();
    Claim again = inTransaction(em -> jobs(em).claim(jobId, "node", Duration.ofMinutes(5)));
    assertThat(again).isNull();
  }

  @Test
  void recomputingEverythingRunsDoneJobsAgainAndARunningOneOnceMore() {
    Claim claim = inTransaction(em -> jobs(em).claim(jobId, "node", Duration.ofMinutes(5)));
    inTransaction(
        em -> {
          jobs(em).finish(claim, FeatureJobStatus.DONE, "DVHs of 4 ROIs");
          return null;
        });
    Progress done = inTransaction(em -> jobs(em).progress());
    assertThat(done).isEqualTo(new Progress(1, 1, 1, 0, 0, 0));

    Integer asked = inTransaction(em -> jobs(em).requestRecomputeAll("definitions changed"));
    assertThat(asked).isEqualTo(1);
    assertThat(job().getStatus()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(job().getDetail()).isEqualTo("definitions changed");
    Progress waiting = inTransaction(em -> jobs(em).progress());
    assertThat(waiting).isEqualTo(new Progress(1, 0, 0, 0, 1, 0));
    List<Integer> runnable = inTransaction(em -> jobs(em).runnable(Duration.ZERO, 10));
    assertThat(runnable).containsExactly(jobId);

    // asked again while it runs: the run finishes, and the job goes back to PENDING
    Claim running = inTransaction(em -> jobs(em).claim(jobId, "node", Duration.ofMinutes(5)));
    Integer again = inTransaction(em -> jobs(em).requestRecomputeAll("again"));
    assertThat(again).isEqualTo(1);
    assertThat(job().getStatus()).isEqualTo(FeatureJobStatus.RUNNING);
    Progress running1 = inTransaction(em -> jobs(em).progress());
    assertThat(running1.running()).isEqualTo(1);
    inTransaction(
        em -> {
          jobs(em).finish(running, FeatureJobStatus.DONE, "DVHs of 4 ROIs");
          return null;
        });
    assertThat(job().getStatus()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(job().getRequestedGeneration()).isEqualTo(running.generation() + 1);
  }

  private static FeatureJobs jobs(EntityManager em) {
    return new FeatureJobs(em, Clock.systemUTC());
  }

  private static FeatureJob job() {
    return inTransaction(em -> em.find(FeatureJob.class, jobId));
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    return TestPersistence.inTransaction(factory, work);
  }
}

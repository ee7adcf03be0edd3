package org.rtds.st.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtds.st.fault.FaultSupport.PUSH_TIMEOUT;
import static org.rtds.st.fault.FaultSupport.RECOVERY_TIMEOUT;
import static org.rtds.st.fault.FaultSupport.START_TIMEOUT;
import static org.rtds.st.fault.FaultSupport.SUCCESS;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtds.testdata.StudyManifest;

/**
 * The database goes away in the middle of a DICOM push and comes back, RTDS keeps running
 * (ARCHITECTURE D12, D17): the embedded mariadbd of a running {@code ./rtds run} is killed ({@code
 * kill -9}) after part of the study was acknowledged. While it is away, C-STORE answers A700
 * "Refused: out of resources" ("resend later"; DCMTK's storescu halts at the first unsuccessful
 * store by default, so the sender resends later), the REST API answers 503 with {@code
 * Retry-After}, and {@code /health/ready} is DOWN. The test then starts mariadbd again with the
 * very command line the launcher used (same data directory, port and socket), RTDS reconnects by
 * itself ({@code /health/ready} UP, no restart of RTDS), and a resend of the whole study completes
 * it: every object Success, the study complete, no doubled or half-written rows, no orphan files.
 *
 * <p>The launcher does not stop RTDS when its MariaDB dies (the launcher only logs the exit), so
 * the embedded database is used; the restarted mariadbd is the test's own child, stopped in {@link
 * #stopEverything()} after RTDS.
 */
class DatabaseRestartedMidPushIT {

  private static final int KILL_AFTER = 30;

  /** DCMTK's text for status A700, e.g. {@code Refused: OutOfResources}. */
  private static final Predicate<String> OUT_OF_RESOURCES =
      s -> s.contains("OutOfResources") || s.toLowerCase().contains("a700");

  private LaunchedRtds rtds;
  private StorescuPush push;
  private Process restartedDb;
  private Path dataDir;

  @AfterEach
  void stopEverything() throws Exception {
    if (push != null) {
      push.close();
    }
    if (rtds != null) {
      rtds.close(); // stops Payara; the launcher's own mariadbd is already dead
    }
    if (restartedDb != null && restartedDb.isAlive()) {
      restartedDb.destroy(); // SIGTERM: a clean InnoDB shutdown
      if (!restartedDb.waitFor(60, TimeUnit.SECONDS)) {
        restartedDb.destroyForcibly();
      }
    }
    if (dataDir != null) {
      LaunchedRtds.killLeftovers(dataDir);
    }
  }

  @Test
  void objectsDuringTheOutageAreRefusedTransientlyAndAResendCompletesTheStudy() throws Exception {
    FaultSupport.requireStorescu();
    Path launcherJar = FaultSupport.launcherJar();
    StudyManifest study = FaultSupport.study("dbrestart", 12);
    int files = study.allFiles().size();
    dataDir = FaultSupport.freshDataDir("dbrestart");
    int dicomPort = FaultSupport.freePort();

    rtds =
        LaunchedRtds.start(
            launcherJar,
            dataDir,
            FaultSupport.freePort(),
            dicomPort,
            "fault-admin-2",
            START_TIMEOUT);
    ProcessHandle mariadbd = rtds.mariadbd();
    List<String> mariadbCommand = LaunchedRtds.commandLine(mariadbd);
    assertThat(mariadbCommand).as("mariadbd's command line").isNotEmpty();

    push =
        StorescuPush.start(
            study.directory(), "RTDS", dicomPort, dataDir.resolveSibling("storescu-db-1.log"));
    push.awaitResponses(KILL_AFTER, SUCCESS, PUSH_TIMEOUT, "Success responses before the kill");
    assertThat(mariadbd.destroyForcibly()).as("SIGKILL sent to mariadbd").isTrue();
    mariadbd.onExit().get(60, TimeUnit.SECONDS);

    // the outage is visible as a transient failure on every channel
    push.awaitResponses(1, OUT_OF_RESOURCES, RECOVERY_TIMEOUT, "A700 (out of resources) answers");
    HttpResponse<String> rest = rtds.postDicom(study.plan().path());
    assertThat(rest.statusCode())
        .as("REST upload during the outage: " + rest.body())
        .isEqualTo(503);
    assertThat(rest.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
    HttpResponse<String> ready = rtds.get("/health/ready", false);
    assertThat(ready.statusCode()).as("/health/ready during the outage").isEqualTo(503);
    assertThat(push.responses())
        .as("every answer is Success or A700, never a permanent failure: " + push.summary())
        .allMatch(SUCCESS.or(OUT_OF_RESOURCES));

    // the database comes back with the same command line; RTDS reconnects by itself
    restartedDb =
        new ProcessBuilder(mariadbCommand)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("logs").resolve("mariadbd-restarted.log").toFile())
            .start();
    rtds.awaitHealthReady(RECOVERY_TIMEOUT);
    assertThat(rtds.launcher.isAlive()).as("RTDS kept running").isTrue();

    int firstExit = push.awaitExit(PUSH_TIMEOUT);
    long refused = push.count(OUT_OF_RESOURCES);
    System.out.printf(
        "DatabaseRestartedMidPushIT: first push (storescu exit %d): %s%n",
        firstExit, push.summary());
    assertThat(refused).as("objects answered A700").isPositive();
    assertThat(push.responses())
        .as("every answer is Success or A700: " + push.summary())
        .allMatch(SUCCESS.or(OUT_OF_RESOURCES));

    // the sender resends the whole study
    push.close();
    push =
        StorescuPush.start(
            study.directory(), "RTDS", dicomPort, dataDir.resolveSibling("storescu-db-2.log"));
    int exit = push.awaitExit(PUSH_TIMEOUT);
    assertThat(push.count(SUCCESS))
        .as("Success (stored or duplicate) for every object of the resend: " + push.tail())
        .isEqualTo(files);
    assertThat(exit).as("storescu exit status of the resend").isZero();

    StudyIntegrity.assertApiComplete(rtds, study);
    try (Connection db = StudyIntegrity.connect(dataDir, mariadbCommand)) {
      StudyIntegrity.assertDatabaseComplete(db, study);
      StudyIntegrity.assertNoOrphanFiles(db, dataDir);
    }
    assertThat(StudyIntegrity.incomingFiles(dataDir))
        .as("incoming/ is empty: refused objects were not left behind")
        .isEmpty();
  }
}

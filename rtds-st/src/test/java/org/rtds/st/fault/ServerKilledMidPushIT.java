package org.rtds.st.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtds.st.fault.FaultSupport.ANY;
import static org.rtds.st.fault.FaultSupport.PUSH_TIMEOUT;
import static org.rtds.st.fault.FaultSupport.START_TIMEOUT;
import static org.rtds.st.fault.FaultSupport.SUCCESS;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtds.testdata.StudyManifest;

/**
 * The server is killed ({@code kill -9} of the Payara Micro process) in the middle of a DICOM push;
 * RTDS is started again on the same data directory and the same push is repeated. Afterwards the
 * study is complete, every object was answered Success (stored or duplicate), no row is
 * half-written or doubled, and the file store holds no file that no row references (ARCHITECTURE
 * D13, D16).
 *
 * <p>Also pins what the launcher does when its server dies: it exits by itself with the server's
 * exit status and stops the embedded MariaDB (nothing is left running on the data directory).
 */
class ServerKilledMidPushIT {

  /** Acknowledged objects before the kill: well inside the 153-object push. */
  private static final int KILL_AFTER = 40;

  /**
   * After the request of the next object is sent: a few ms into its ~50 ms of receiving, reading
   * and storing on a warm server (where exactly does not matter: every point must be recoverable).
   */
  private static final long IN_FLIGHT_DELAY_MS = 15;

  private LaunchedRtds rtds;
  private StorescuPush push;
  private Path dataDir;

  @AfterEach
  void stopEverything() throws Exception {
    if (push != null) {
      push.close();
    }
    if (rtds != null) {
      rtds.close();
    }
    if (dataDir != null) {
      LaunchedRtds.killLeftovers(dataDir);
    }
  }

  @Test
  void repeatedPushAfterAKilledServerCompletesTheStudyWithoutOrphans() throws Exception {
    FaultSupport.requireStorescu();
    Path launcherJar = FaultSupport.launcherJar();
    StudyManifest study = FaultSupport.study("killed", 11);
    int files = study.allFiles().size();
    dataDir = FaultSupport.freshDataDir("killed");
    int httpPort = FaultSupport.freePort();
    int dicomPort = FaultSupport.freePort();
    String password = "fault-admin-1";

    rtds = LaunchedRtds.start(launcherJar, dataDir, httpPort, dicomPort, password, START_TIMEOUT);
    ProcessHandle payara = rtds.payara();
    ProcessHandle mariadbd = rtds.mariadbd();

    push =
        StorescuPush.start(
            study.directory(), "RTDS", dicomPort, dataDir.resolveSibling("storescu-killed-1.log"));
    push.awaitResponses(KILL_AFTER, SUCCESS, PUSH_TIMEOUT, "Success responses before the kill");
    // kill while the next object is being received or stored (spooled, kept in objects/, rows
    // being written), not between two objects
    push.awaitLine("Sending Store Request (MsgID " + (KILL_AFTER + 1) + ",", PUSH_TIMEOUT);
    Thread.sleep(IN_FLIGHT_DELAY_MS);
    assertThat(payara.destroyForcibly()).as("SIGKILL sent to Payara Micro").isTrue();
    payara.onExit().get(60, TimeUnit.SECONDS);
    Instant killed = Instant.now();

    // the sender sees the association break off, short of the whole study
    int firstExit = push.awaitExit(Duration.ofMinutes(2));
    long acknowledged = push.count(SUCCESS);
    assertThat(acknowledged).as("objects acknowledged before the kill").isLessThan(files);
    assertThat(push.count(ANY))
        .as("no failure status before the kill: " + push.summary())
        .isEqualTo(acknowledged);
    System.out.printf(
        "ServerKilledMidPushIT: Payara killed after %d of %d objects; storescu exit %d%n",
        acknowledged, files, firstExit);

    // the launcher notices, stops its embedded MariaDB and exits (no restart of its own)
    int launcherExit = rtds.awaitExit(Duration.ofMinutes(2));
    mariadbd.onExit().get(60, TimeUnit.SECONDS);
    assertThat(mariadbd.isAlive()).as("the embedded MariaDB outlived the launcher").isFalse();
    System.out.printf(
        "ServerKilledMidPushIT: launcher exited with %d; its last lines:%n%s%n",
        launcherExit, tail(rtds.output(), 5));
    assertThat(rtds.output())
        .as("the launcher says the server died and how to go on")
        .contains("the server process ended unexpectedly")
        .contains("start it again with ./rtds run");
    Map<Path, FileTime> leftAfterCrash = StudyIntegrity.incomingFiles(dataDir);
    System.out.println("ServerKilledMidPushIT: incoming/ after the crash: " + leftAfterCrash);

    // start again on the same data directory and repeat the whole push
    Instant restarted = Instant.now();
    rtds = LaunchedRtds.start(launcherJar, dataDir, httpPort, dicomPort, password, START_TIMEOUT);
    push.close();
    push =
        StorescuPush.start(
            study.directory(), "RTDS", dicomPort, dataDir.resolveSibling("storescu-killed-2.log"));
    int exit = push.awaitExit(PUSH_TIMEOUT);
    assertThat(push.count(SUCCESS))
        .as("Success (stored or duplicate) for every object of the repeated push: " + push.tail())
        .isEqualTo(files);
    assertThat(exit).as("storescu exit status of the repeated push").isZero();

    StudyIntegrity.assertApiComplete(rtds, study);
    try (Connection db = StudyIntegrity.connect(rtds)) {
      StudyIntegrity.assertDatabaseComplete(db, study);
      StudyIntegrity.assertNoOrphanFiles(db, dataDir);
    }

    // incoming/: what the crash left (the object being received at the kill, never acknowledged)
    // is removed by the node when it starts again; nothing is left by the second run either
    Map<Path, FileTime> left = StudyIntegrity.incomingFiles(dataDir);
    assertThat(left)
        .as("incoming/ after the restart and the resend (crash left " + leftAfterCrash + ")")
        .isEmpty();
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join(
        "\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
  }
}

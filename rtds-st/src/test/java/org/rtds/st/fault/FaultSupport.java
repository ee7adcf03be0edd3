package org.rtds.st.fault;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.rtds.testdata.Generate;
import org.rtds.testdata.StudyManifest;

/**
 * What the fault tests share (and the other tests that launch RTDS with {@link LaunchedRtds}, such
 * as {@code org.rtds.st.api.ApiWalkthroughIT}): where things are, ports, the pushed study, generous
 * timeouts.
 */
public final class FaultSupport {

  /** A cold start of Payara Micro takes ~40 s on a quiet 2-core machine, ~2 min on a busy one. */
  public static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  static final Duration PUSH_TIMEOUT = Duration.ofMinutes(5);
  static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

  /** CT slices of the pushed study: 150 + RTSTRUCT + RTPLAN + RTDOSE (~90 MB). */
  static final int SLICES = 150;

  static final Predicate<String> SUCCESS = "Success"::equals;
  static final Predicate<String> ANY = s -> true;

  private FaultSupport() {}

  public static Path launcherJar() {
    Path jar = Path.of(property("rtds.st.launcher.jar"));
    if (!Files.isRegularFile(jar)
        || !Files.isRegularFile(jar.resolveSibling("rtds.war"))
        || !Files.isRegularFile(jar.resolveSibling("payara-micro.jar"))) {
      throw new IllegalStateException(
          jar
              + " (with rtds.war and payara-micro.jar next to it) is missing: build rtds-launcher"
              + " first (./mvnw -B -DskipTests install)");
    }
    return jar;
  }

  static Path workDir() throws IOException {
    return Files.createDirectories(Path.of(property("rtds.st.fault.dir")).toAbsolutePath());
  }

  /** A fresh RTDS_DATA_DIR in the build folder (a failed run's logs stay beside the reports). */
  public static Path freshDataDir(String name) throws IOException, InterruptedException {
    Path dir = workDir().resolve(name);
    LaunchedRtds.killLeftovers(dir); // a previous run that was killed itself
    LaunchedRtds.deleteTree(dir);
    return Files.createDirectories(dir);
  }

  /** The generated clinical study (CT 512×512×150, RTSTRUCT with 30 ROIs, RTPLAN, RTDOSE). */
  static synchronized StudyManifest study(String name, long seed) throws IOException {
    Path dir = workDir().resolve("study-" + name);
    LaunchedRtds.deleteTree(dir);
    return Generate.run(
        "clinical",
        dir.toString(),
        "--slices",
        Integer.toString(SLICES),
        "--seed",
        Long.toString(seed),
        "--patient-id",
        "FAULT-" + name.toUpperCase(java.util.Locale.ROOT));
  }

  static void requireStorescu() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (ci && !StorescuPush.available()) {
      throw new IllegalStateException("DCMTK storescu is not on PATH (scripts/ensure-dcmtk.sh)");
    }
    assumeThat(StorescuPush.available())
        .as("DCMTK storescu on PATH (scripts/ensure-dcmtk.sh)")
        .isTrue();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven: -Psystem-tests)");
    }
    return value;
  }
}

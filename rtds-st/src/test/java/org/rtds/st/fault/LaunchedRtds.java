package org.rtds.st.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./rtds run} as a user starts it: the real launcher jar (embedded MariaDB, Payara Micro as
 * a child process) on a data directory and ports of the test's choosing, its console collected.
 * Finds its child processes (Payara Micro, mariadbd) so that a test can kill them.
 *
 * <p>{@link #close()} stops it as Ctrl-C would (SIGTERM to the launcher, whose shutdown hook stops
 * Payara and MariaDB), and then kills whatever process still runs on its data directory (e.g. a
 * mariadbd the test restarted itself, which is not the launcher's child), whatever state it is in.
 */
public final class LaunchedRtds implements AutoCloseable {

  public static final String ADMIN = "admin";

  final Path dataDir;
  final int httpPort;
  final int dicomPort;
  public final String adminPassword;
  final Process launcher;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LaunchedRtds(
      Path launcherJar, Path dataDir, int httpPort, int dicomPort, String adminPassword)
      throws IOException {
    this.dataDir = dataDir;
    this.httpPort = httpPort;
    this.dicomPort = dicomPort;
    this.adminPassword = adminPassword;
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                launcherJar.toString(),
                "run")
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("RTDS_"));
    builder.environment().put("RTDS_DATA_DIR", dataDir.toString());
    builder.environment().put("RTDS_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("RTDS_DICOM_PORT", Integer.toString(dicomPort));
    builder.environment().put("RTDS_AE_TITLE", "RTDS");
    builder.environment().put("RTDS_ADMIN_PASSWORD", adminPassword);
    builder.environment().put("RTDS_JAVA_OPTS", "-Xms256m -Xmx1g");
    launcher = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException ended) {
                // the launcher is gone
              }
            },
            "rtds-launcher-console");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the launcher and waits for {@code RTDS ready at}. */
  public static LaunchedRtds start(
      Path launcherJar,
      Path dataDir,
      int httpPort,
      int dicomPort,
      String adminPassword,
      Duration timeout)
      throws IOException, InterruptedException {
    LaunchedRtds rtds = new LaunchedRtds(launcherJar, dataDir, httpPort, dicomPort, adminPassword);
    try {
      rtds.awaitReady(timeout);
    } catch (AssertionError | InterruptedException e) {
      rtds.close();
      throw e;
    }
    return rtds;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String expected = "RTDS ready at http://localhost:" + httpPort + "/rtds/";
    while (System.nanoTime() < deadline && launcher.isAlive()) {
      if (output().contains(expected)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the launcher did not print '"
            + expected
            + "' within "
            + timeout.toSeconds()
            + " s (alive: "
            + launcher.isAlive()
            + "); its console:\n"
            + output());
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** The Payara Micro process (the launcher's child running payara-micro.jar). */
  ProcessHandle payara() {
    return child("payara-micro.jar")
        .orElseThrow(() -> new AssertionError("no Payara Micro process under the launcher"));
  }

  /** The embedded MariaDB server (the launcher's child running mariadbd). */
  ProcessHandle mariadbd() {
    return child("bin/mariadbd")
        .orElseThrow(() -> new AssertionError("no mariadbd process under the launcher"));
  }

  private Optional<ProcessHandle> child(String marker) {
    return launcher
        .descendants()
        .filter(p -> commandLine(p).stream().anyMatch(a -> a.contains(marker)))
        .findFirst();
  }

  /** The full command line from {@code /proc/PID/cmdline} (ProcessHandle.Info may truncate it). */
  static List<String> commandLine(ProcessHandle process) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
      String all = new String(raw, StandardCharsets.UTF_8);
      if (all.endsWith("\0")) {
        all = all.substring(0, all.length() - 1);
      }
      return all.isEmpty() ? List.of() : Arrays.asList(all.split("\0", -1));
    } catch (IOException gone) {
      return List.of();
    }
  }

  public HttpResponse<String> get(String path, boolean authenticated)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (authenticated) {
      request.header("Authorization", basic());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postDicom(Path file) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/rtds/api/v1/instances"))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", basic())
            .header("Content-Type", "application/dicom")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code /health/ready} answers 200 UP. */
  void awaitHealthReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready = get("/health/ready", false);
        if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
          return;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "/health/ready not UP within " + timeout.toSeconds() + " s; last answer: " + last);
  }

  private String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
  }

  /** Waits for the launcher to exit by itself; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the launcher did not exit within "
              + timeout.toSeconds()
              + " s after its server died; its console:\n"
              + output());
    }
    return launcher.exitValue();
  }

  /** {@code http://localhost:PORT/rtds}, as {@code ./rtds run} prints it (without the slash). */
  public String baseUrl() {
    return "http://localhost:" + httpPort + "/rtds";
  }

  @Override
  public void close() throws InterruptedException {
    if (launcher.isAlive()) {
      launcher.toHandle().destroy(); // SIGTERM: the shutdown hook stops Payara, then MariaDB
      if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        launcher.waitFor(30, TimeUnit.SECONDS);
      }
    }
    killLeftovers(dataDir);
  }

  /** Kills every process whose command line mentions the data directory (ours only). */
  static void killLeftovers(Path dataDir) throws InterruptedException {
    String marker = dataDir.toString();
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != ProcessHandle.current().pid())
            .filter(p -> commandLine(p).stream().anyMatch(a -> a.contains(marker)))
            .toList();
    for (ProcessHandle p : left) {
      p.destroy();
    }
    for (ProcessHandle p : left) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      }
    }
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

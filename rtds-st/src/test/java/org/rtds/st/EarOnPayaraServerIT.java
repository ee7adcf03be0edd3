package org.rtds.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The EAR on a stock Payara Server 6, installed the way hospital IT installs it.
 *
 * <p>Creates a throwaway database and user on the test MariaDB/MySQL server, a fresh Payara domain
 * with free ports in the distribution Maven unpacked, and runs {@code install-rtds.sh} (the script
 * shipped to hospitals) against it. Then checks readiness, OpenAPI, the API's authentication, the
 * login page, and that re-running the script upgrades in place. The domain is stopped and deleted,
 * the database and user dropped, whatever happens; on a failure the tail of {@code server.log} is
 * printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

  private static final String DOMAIN = "rtdsst";
  private static final String ADMIN_PASSWORD = "St-Admin-" + randomToken(8);

  /** Needs escaping in every layer: asadmin password files, property lists, SQL literals. */
  private static final String DB_PASSWORD = "St:pw=" + randomToken(6) + "\\$x'";

  /** Port offsets Payara derives from {@code --portbase}, plus 12 for the DICOM listener. */
  private static final int[] PORT_OFFSETS = {
    9, 12, 37, 38, 39, 48, 49, 59, 60, 61, 66, 76, 80, 81, 86, 90
  };

  /** The DICOM listener's port offset (a free port; 11112 may be taken by a running RTDS). */
  private static final int DICOM_PORT_OFFSET = 90;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration ASADMIN_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(420);
  private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

  private static final Map<String, Duration> timings = new LinkedHashMap<>();
  private static volatile boolean anyFailure;

  private static Path payaraHome;
  private static Path asadmin;
  private static Path workDir;
  private static Path dataDir;
  private static String dbName;
  private static String dbUser;
  private static int portBase;
  private static int adminPort;
  private static int httpPort;
  private static boolean domainCreated;
  private static volatile boolean domainRunning;
  private static Thread shutdownHook;
  private static List<String> installCommand;
  private static ProcessResult install;
  private static HttpClient http;

  @RegisterExtension
  static final TestWatcher FAILURES =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          anyFailure = true;
        }
      };

  @BeforeAll
  static void installRtdsOnAFreshDomain() throws Exception {
    long start = System.nanoTime();
    try {
      payaraHome = existing("rtds.st.payara.home");
      Path ear = existing("rtds.st.ear");
      Path connectorJar = existing("rtds.st.connector.jar");
      Path installScript = existing("rtds.st.install.script");
      workDir = Path.of(property("rtds.st.work.dir"));
      Files.createDirectories(workDir);
      asadmin = payaraHome.resolve("bin/asadmin");
      if (!Files.isExecutable(asadmin) && !asadmin.toFile().setExecutable(true)) {
        throw new IllegalStateException("cannot make " + asadmin + " executable");
      }
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      createDatabase();

      portBase = freePortBase();
      adminPort = portBase + 48;
      httpPort = portBase + 80;
      removeLeftoverDomain();
      time(
          "create-domain",
          () -> asadminOk("create-domain", "--nopassword", "--portbase", portBase, DOMAIN));
      domainCreated = true;
      shutdownHook = new Thread(EarOnPayaraServerIT::killDomain, "stop rtdsst domain");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      domainRunning = true; // or half-started: stopped in any case
      time("start-domain", () -> asadminOk("start-domain", DOMAIN));

      dataDir = workDir.resolve("data-" + dbName);
      installCommand =
          List.of(
              installScript.toString(),
              "--asadmin",
              asadmin.toString(),
              "--admin-port",
              String.valueOf(adminPort),
              "--db-host",
              dbHost(),
              "--db-port",
              String.valueOf(dbPort()),
              "--db-name",
              dbName,
              "--db-user",
              dbUser,
              "--connector-jar",
              connectorJar.toString(),
              "--data-dir",
              dataDir.toString(),
              "--dicom-port",
              String.valueOf(portBase + 12),
              "--wait-ready",
              String.valueOf(READY_TIMEOUT.toSeconds()),
              ear.toString());
      install = time("install-rtds.sh (first install)", EarOnPayaraServerIT::runInstallScript);
    } catch (Throwable e) {
      anyFailure = true;
      throw e;
    } finally {
      timings.put("set-up", Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Test
  @Order(1)
  void installScriptSucceeds() {
    assertThat(install.exitCode())
        .as("exit status of install-rtds.sh; its output:%n%s", install.output())
        .isZero();
    assertThat(install.output()).contains("ping-connection-pool", "RTDS is installed");
  }

  @Test
  @Order(2)
  void healthReadyAnswersUp() throws Exception {
    // the script waited already when it succeeded; after a failed deployment there is nothing to
    // wait for
    Duration timeout = install.exitCode() == 0 ? READY_TIMEOUT : Duration.ofSeconds(10);
    HttpResponse<String> last = time("wait for /health/ready", () -> awaitReady(timeout));
    assertThat(last.statusCode()).as("GET /health/ready: %s", last.body()).isEqualTo(200);
    assertThat(last.body()).containsPattern(STATUS_UP);
  }

  @Test
  @Order(3)
  void openApiDocumentIsServed() throws Exception {
    HttpResponse<String> response = get("/openapi", null);
    assertThat(response.statusCode())
        .as("GET /openapi: %s", abbreviate(response.body()))
        .isEqualTo(200);
    assertThat(response.body()).contains("openapi");
  }

  @Test
  @Order(4)
  void apiWithoutCredentialsAnswers401ProblemJsonWithBasicChallenge() throws Exception {
    HttpResponse<String> response = get("/rtds/api/v1/me", null);
    assertThat(response.statusCode())
        .as("GET /rtds/api/v1/me: %s", abbreviate(response.body()))
        .isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("Content-Type")
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().allValues("WWW-Authenticate"))
        .as("WWW-Authenticate")
        .anySatisfy(challenge -> assertThat(challenge).startsWithIgnoringCase("Basic"));
  }

  @Test
  @Order(5)
  void apiWithTheFirstAdminAccountAnswersWhoIsLoggedIn() throws Exception {
    HttpResponse<String> response = get("/rtds/api/v1/me", basic("admin", ADMIN_PASSWORD));
    assertThat(response.statusCode())
        .as("GET /rtds/api/v1/me as admin: %s", abbreviate(response.body()))
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("json"));
    assertThat(response.body()).containsPattern("\"username\"\\s*:\\s*\"admin\"");
  }

  @Test
  @Order(6)
  void webUiWithoutSessionShowsTheLoginPage() throws Exception {
    HttpClient following =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<String> response =
        following.send(
            request("/rtds/", null), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode())
        .as("GET /rtds/ (redirects followed) %s", response.uri())
        .isEqualTo(200);
    assertThat(response.body().toLowerCase(Locale.ROOT))
        .as("login page at %s", response.uri())
        .containsPattern("type\\s*=\\s*[\"']password[\"']");
  }

  /**
   * The EAR ingests a study through the API and computes its features: the EJB module, the
   * libraries' CDI beans (feature worker) and the web module work together on Payara Server.
   */
  @Test
  @Order(7)
  void aStudyUploadedToTheEarGetsItsFeatures() throws Exception {
    Path nelms = org.rtds.testdata.Fixtures.nelmsLike();
    List<Path> files;
    try (var listing = Files.list(nelms)) {
      files = listing.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
    String boundary = "rtds-st-" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    for (Path file : files) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + file.getFileName()
                  + "\"\r\nContent-Type: application/dicom\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.write(Files.readAllBytes(file));
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> upload =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/rtds/api/v1/instances"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).as(abbreviate(upload.body())).isEqualTo(200);
    assertThat(upload.body().split("\"status\":\"STORED\"", -1)).hasSize(files.size() + 1);
    String study = upload.body().replaceAll("(?s).*?\"studyInstanceUid\":\"([0-9.]+)\".*", "$1");

    String features = "";
    for (int i = 0; i < 90 && !features.contains("\"DONE\""); i++) {
      Thread.sleep(1000);
      features = get("/rtds/api/v1/studies/" + study, basic("admin", ADMIN_PASSWORD)).body();
    }
    assertThat(features).as("features of the uploaded study").contains("\"status\":\"DONE\"");
    HttpResponse<String> dvhs =
        get(
            "/rtds/api/v1/studies/" + study + "/dvhs?metrics=Dmean",
            basic("admin", ADMIN_PASSWORD));
    assertThat(dvhs.statusCode()).isEqualTo(200);
    assertThat(dvhs.body()).contains("\"source\":\"COMPUTED\"").contains("\"PTV\"");

    // every stored object is in the audit trail: in the EAR the event is fired in the EJB module
    // and observed in the shared library (rtds-security), not in the WAR
    HttpResponse<String> audit =
        get(
            "/rtds/api/v1/audit?type=instance-stored&size=1&study=" + study,
            basic("admin", ADMIN_PASSWORD));
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("\"total\":" + files.size());

    // DICOMweb on the EAR: the search (EJB module) finds the study, the retrieval streams every
    // object from the file store
    HttpResponse<String> search =
        get("/rtds/dicomweb/studies?StudyInstanceUID=" + study, basic("admin", ADMIN_PASSWORD));
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(search.body())
        .contains(study)
        .contains("\"00201208\":{\"vr\":\"IS\",\"Value\":[" + files.size() + "]}");
    HttpResponse<byte[]> retrieved =
        http.send(
            request("/rtds/dicomweb/studies/" + study, basic("admin", ADMIN_PASSWORD)),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(retrieved.statusCode()).isEqualTo(200);
    assertThat(
            new String(retrieved.body(), StandardCharsets.ISO_8859_1)
                .split("Content-Type: application/dicom", -1))
        .hasSize(files.size() + 1);
  }

  /**
   * Hospital IT re-runs the script to upgrade: it must update the domain, not fail, and keep the
   * data.
   */
  @Test
  @Order(8)
  void rerunningTheInstallScriptUpgradesInPlace() throws Exception {
    // a step whose precondition failed fails too (a skip would hide it); no second long wait
    assertThat(install.exitCode())
        .as(
            "the first installation never became ready (exit 3), so the upgrade cannot be"
                + " checked; see installScriptSucceeds")
        .isNotEqualTo(3);
    ProcessResult again =
        time("install-rtds.sh (re-run, redeploy)", EarOnPayaraServerIT::runInstallScript);
    assertThat(again.exitCode())
        .as("exit status of the re-run; its output:%n%s", again.output())
        .isZero();
    assertThat(again.output()).contains("disabling it while its resources are replaced");
    HttpResponse<String> ready = awaitReady(Duration.ofSeconds(30));
    assertThat(ready.statusCode())
        .as("GET /health/ready after the re-run: %s", ready.body())
        .isEqualTo(200);
    HttpResponse<String> me = get("/rtds/api/v1/me", basic("admin", ADMIN_PASSWORD));
    assertThat(me.statusCode())
        .as("GET /rtds/api/v1/me as admin after the re-run: %s", abbreviate(me.body()))
        .isEqualTo(200);
  }

  @Test
  @Order(9)
  void hibernateIsToldTheRealDatabaseVersion() throws IOException {
    // install-rtds.sh sets jakarta.persistence.database-product-version from SELECT VERSION() (on
    // both runs); through connector-j's metadata MariaDB 10.x would read as 5.5.5 (ARCHITECTURE D6)
    String log = Files.readString(serverLog(), StandardCharsets.UTF_8);
    assertThat(log).contains("HHH10001005").doesNotContain("HHH000511");
    assertThat(log).doesNotContainPattern("Database version: 5\\.");
  }

  @AfterAll
  static void removeDomainAndDatabase() {
    long start = System.nanoTime();
    try {
      if (anyFailure) {
        printServerLogTail(250);
      }
      if (domainRunning) {
        ProcessResult undeploy =
            asadmin(Duration.ofSeconds(120), "--port", adminPort, "undeploy", "rtds");
        System.out.println("[rtds-st] undeploy: " + lastLine(undeploy.output()));
        stopDomain();
      }
      if (domainCreated) {
        ProcessResult deleted = asadmin(ASADMIN_TIMEOUT, "delete-domain", DOMAIN);
        if (deleted.exitCode() != 0) {
          System.out.println("[rtds-st] delete-domain failed: " + deleted.output());
        }
      }
    } finally {
      dropDatabase();
      deleteRecursively(dataDir);
      if (shutdownHook != null && !domainRunning) {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      }
      timings.put("tear-down", Duration.ofNanos(System.nanoTime() - start));
      StringBuilder report = new StringBuilder("[rtds-st] timings:");
      timings.forEach(
          (step, d) ->
              report.append(String.format("%n  %-40s %6.1f s", step, d.toMillis() / 1000.0)));
      System.out.println(report);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  private static HttpRequest request(String path, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(20))
            .GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  private static HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    return http.send(
        request(path, authorization), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Polls /health/ready until it answers UP or the time is up; returns the last answer. */
  private static HttpResponse<String> awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = null;
    IOException lastError = null;
    while (true) {
      try {
        last = get("/health/ready", null);
        lastError = null;
        if (last.statusCode() == 200 && STATUS_UP.matcher(last.body()).find()) {
          return last;
        }
      } catch (IOException e) {
        lastError = e;
      }
      if (System.nanoTime() > deadline) {
        if (last == null) {
          fail(
              "no answer from http://127.0.0.1:" + httpPort + "/health/ready within " + timeout,
              lastError);
        }
        return last;
      }
      Thread.sleep(1000);
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + " …";
  }

  // ---------------------------------------------------------------------------------------------
  // the Payara domain

  /** A port base whose derived ports are all free, below Linux's ephemeral range (32768+). */
  private static int freePortBase() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(120);
      boolean free = true;
      for (int offset : PORT_OFFSETS) {
        free &= isFree(base + offset);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free port base found between 20000 and 32000");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A domain left by an aborted earlier run (the port base differs each run, so ask it by its
   * files).
   */
  private static void removeLeftoverDomain() {
    if (Files.isDirectory(payaraHome.resolve("glassfish/domains").resolve(DOMAIN))) {
      System.out.println("[rtds-st] removing the domain " + DOMAIN + " left by an earlier run");
      asadmin(ASADMIN_TIMEOUT, "stop-domain", "--kill=true", DOMAIN);
      asadminOk("delete-domain", DOMAIN);
    }
  }

  private static void stopDomain() {
    ProcessResult stopped = asadmin(ASADMIN_TIMEOUT, "stop-domain", DOMAIN);
    if (stopped.exitCode() != 0) {
      System.out.println("[rtds-st] stop-domain failed, killing the server: " + stopped.output());
      asadmin(ASADMIN_TIMEOUT, "stop-domain", "--kill=true", DOMAIN);
    }
    domainRunning = false;
  }

  private static void killDomain() {
    if (domainRunning) {
      asadmin(Duration.ofSeconds(60), "stop-domain", "--kill=true", DOMAIN);
    }
  }

  private static Path serverLog() {
    return payaraHome.resolve("glassfish/domains").resolve(DOMAIN).resolve("logs/server.log");
  }

  private static void printServerLogTail(int lines) {
    if (payaraHome == null) {
      return;
    }
    Path log = serverLog();
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      System.out.println(
          "[rtds-st] a test failed; the last " + tail.size() + " lines of " + log + ":");
      tail.forEach(System.out::println);
      System.out.println("[rtds-st] end of " + log);
    } catch (IOException e) {
      System.out.println("[rtds-st] a test failed; no server log to show (" + e + ")");
    }
  }

  private static ProcessResult runInstallScript() {
    Map<String, String> env = new HashMap<>();
    env.put("RTDS_DB_PASSWORD", DB_PASSWORD);
    env.put("RTDS_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("RTDS_DICOM_PORT", String.valueOf(portBase + DICOM_PORT_OFFSET));
    ProcessResult result = run(installCommand, env, INSTALL_TIMEOUT);
    System.out.println(
        "[rtds-st] install-rtds.sh exited with " + result.exitCode() + ":\n" + result.output());
    return result;
  }

  private static void asadminOk(Object... args) {
    ProcessResult result = asadmin(ASADMIN_TIMEOUT, args);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("asadmin " + List.of(args) + " failed:\n" + result.output());
    }
  }

  private static ProcessResult asadmin(Duration timeout, Object... args) {
    List<String> command = new ArrayList<>();
    command.add(asadmin.toString());
    command.add("--interactive=false");
    for (Object arg : args) {
      command.add(String.valueOf(arg));
    }
    return run(command, Map.of(), timeout);
  }

  /**
   * Runs a command with the JDK of this JVM as asadmin's Java; output goes to a file, then to the
   * result.
   */
  private static ProcessResult run(
      List<String> command, Map<String, String> extraEnv, Duration timeout) {
    try {
      Path output = Files.createTempFile(workDir, "process-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      String javaHome = System.getProperty("java.home");
      builder.environment().put("AS_JAVA", javaHome);
      builder.environment().put("JAVA_HOME", javaHome);
      builder.environment().put("TERM", "dumb");
      builder.environment().putAll(extraEnv);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      return new ProcessResult(
          finished ? process.exitValue() : -1,
          finished ? text : text + "\n[timed out after " + timeout + "]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record ProcessResult(int exitCode, String output) {}

  // ---------------------------------------------------------------------------------------------
  // the throwaway database

  private static void createDatabase() throws SQLException {
    String suffix = randomToken(8).toLowerCase(Locale.ROOT);
    dbName = "rtds_st_" + suffix;
    dbUser = "rtds_st_" + suffix;
    try (Connection c = adminConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      try (PreparedStatement create =
          c.prepareStatement("CREATE USER '" + dbUser + "'@'%' IDENTIFIED BY ?")) {
        create.setString(1, DB_PASSWORD);
        create.execute();
      }
      s.execute("GRANT ALL PRIVILEGES ON " + dbName + ".* TO '" + dbUser + "'@'%'");
    }
    System.out.println(
        "[rtds-st] database "
            + dbName
            + " and user "
            + dbUser
            + " on "
            + dbHost()
            + ":"
            + dbPort());
  }

  private static void dropDatabase() {
    if (dbName == null) {
      return;
    }
    try (Connection c = adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + dbName);
      s.execute("DROP USER IF EXISTS '" + dbUser + "'@'%'");
    } catch (SQLException e) {
      System.out.println("[rtds-st] could not drop the database " + dbName + ": " + e);
    }
  }

  private static Connection adminConnection() throws SQLException {
    String url =
        "jdbc:mysql://"
            + dbHost()
            + ":"
            + dbPort()
            + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    return DriverManager.getConnection(
        url, property("rtds.test.db.user"), System.getProperty("rtds.test.db.password", ""));
  }

  private static String dbHost() {
    return System.getProperty("rtds.test.db.host", "127.0.0.1");
  }

  private static int dbPort() {
    return Integer.parseInt(System.getProperty("rtds.test.db.port", "3306"));
  }

  // ---------------------------------------------------------------------------------------------
  // small helpers

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + name
              + " is not set (run with: mvn -pl rtds-st -Psystem-tests verify)");
    }
    return value;
  }

  private static Path existing(String name) {
    Path path = Path.of(property(name));
    if (!Files.exists(path)) {
      throw new IllegalStateException(name + " = " + path + " does not exist");
    }
    return path;
  }

  private static String randomToken(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.out.println("[rtds-st] could not delete " + dir + ": " + e);
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  @FunctionalInterface
  private interface Step<T> {
    T run() throws Exception;
  }

  private static <T> T time(String step, Step<T> body) throws Exception {
    long start = System.nanoTime();
    try {
      return body.run();
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      timings.merge(step, took, Duration::plus);
      System.out.printf("[rtds-st] %s took %.1f s%n", step, took.toMillis() / 1000.0);
    }
  }

  private static void time(String step, Runnable body) throws Exception {
    time(
        step,
        () -> {
          body.run();
          return null;
        });
  }
}

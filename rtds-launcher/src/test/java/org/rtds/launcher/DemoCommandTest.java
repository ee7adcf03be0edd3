package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rtds demo} against a fake RTDS: the import, the wait for the features (each study's
 * answers are scripted, one per poll) and the summary with the achievable-dose check. The clock is
 * fake and advanced by the (non-sleeping) sleeper, so the timeout costs no time.
 */
class DemoCommandTest {

  private static final String PASSWORD = "correct-horse";

  @TempDir Path dataDir;

  private HttpServer server;
  private final List<String> uploads = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Per study UID: the feature answers still to give (the last one is repeated). */
  private final Map<String, List<String>> featureAnswers = new ConcurrentHashMap<>();

  /** Per study UID: the /qc answer body; absent: 404. */
  private final Map<String, String> qcAnswers = new ConcurrentHashMap<>();

  private final Map<String, Integer> polls = new ConcurrentHashMap<>();

  /** One small file per member; the StudyInstanceUID is 1.2.826.0.9.{index}. */
  private final DemoFolder.MemberWriter writer =
      (dir, member, seed) -> {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("CT.1.dcm"), "member " + member.patientId());
        return uid(member.index());
      };

  private static String uid(int index) {
    return "1.2.826.0.9." + index;
  }

  @BeforeEach
  void startFakeRtds() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/rtds/api/v1/", this::answer);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stopFakeRtds() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
      return;
    }
    String path = exchange.getRequestURI().getPath().substring("/rtds/api/v1/".length());
    if (path.equals("me")) {
      send(exchange, 200, "{\"username\":\"admin\"}");
    } else if (path.equals("instances") && exchange.getRequestMethod().equals("POST")) {
      uploads.add(body);
      send(
          exchange,
          200,
          "[{\"sopInstanceUid\":\"1.2."
              + Math.abs(body.hashCode())
              + "\",\"status\":\"STORED\",\"reason\":null,\"reasonCode\":null}]");
    } else if (path.startsWith("studies/") && path.endsWith("/qc")) {
      String uid = path.substring("studies/".length(), path.length() - "/qc".length());
      String qc = qcAnswers.get(uid);
      if (qc == null) {
        send(exchange, 404, "{\"status\":404,\"detail\":\"HTTP 404 Not Found\"}");
      } else {
        send(exchange, 200, qc);
      }
    } else if (path.startsWith("studies/")) {
      String uid = path.substring("studies/".length());
      List<String> answers = featureAnswers.get(uid);
      if (answers == null) {
        send(exchange, 404, "{\"status\":404,\"detail\":\"no study " + uid + "\"}");
        return;
      }
      int n = polls.merge(uid, 1, Integer::sum);
      String[] answer = answers.get(Math.min(n, answers.size()) - 1).split(":", 2);
      send(
          exchange,
          200,
          "{\"studyInstanceUid\":\""
              + uid
              + "\",\"patientId\":\"x\",\"features\":{\"status\":\""
              + answer[0]
              + "\",\"detail\":"
              + (answer.length > 1 ? "\"" + answer[1] + "\"" : "null")
              + "}}");
    } else {
      send(exchange, 404, "{\"detail\":\"nothing here\"}");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rtds";
  }

  private int runDemo(String url, String password, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--url", url));
    all.addAll(List.of(args));
    DemoOptions options =
        DemoOptions.parse(
            all.toArray(String[]::new),
            Map.of("RTDS_PASSWORD", password, "RTDS_DATA_DIR", dataDir.toString()),
            prompt -> Optional.empty());
    return new DemoCommand(
            options,
            writer,
            ImportClient.defaultHttpClient(),
            d -> {
              waits.add(d);
              clock.addAndGet(d.toNanos());
            },
            clock::get,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false)
        .execute();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The summary line of one member. */
  private String line(String patientId) {
    return stdout()
        .lines()
        .filter(l -> l.startsWith("  " + patientId + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no summary line for " + patientId + ":\n" + out));
  }

  private static String qcEntry(String oar, double excess, boolean flagged) {
    return "{\"ptv\":\"PTV_High\",\"oar\":\""
        + oar
        + "\",\"oarRoi\":\""
        + oar.replace('_', ' ')
        + "\",\"metric\":\"Dmean\",\"achievedGy\":30.0,\"achievableGy\":"
        + (30.0 - excess)
        + ",\"thresholdGy\":2.0,\"excessGy\":"
        + excess
        + ",\"flagged\":"
        + flagged
        + ",\"rule\":\"achieved > achievable + threshold\",\"evidence\":[\"k1\",\"k2\"],"
        + "\"evidenceStudyKey\":\"k1\"}";
  }

  @Test
  void loadsWaitsAndSummarisesWithTheOrgansTheCheckFlagged() throws Exception {
    for (int i = 0; i < 8; i++) {
      featureAnswers.put(uid(i), List.of("PENDING:no feature job yet", "RUNNING", "DONE"));
      qcAnswers.put(uid(i), "[" + qcEntry("Parotid_L", 0.4, false) + "]");
    }
    // DEMO-008 (index 7) is the over-dosed member: two PTV levels flag the left parotid, the
    // larger excess is shown; the spinal cord is flagged too
    qcAnswers.put(
        uid(7),
        "["
            + qcEntry("Parotid_L", 6.5, true)
            + ","
            + qcEntry("Parotid_L", 9.13, true)
            + ","
            + qcEntry("SpinalCord", 3.0, true)
            + ","
            + qcEntry("Larynx", 0.1, false)
            + "]");

    int exit = runDemo(url(), PASSWORD, "--size", "8", "--threads", "2");

    assertThat(exit).as(stdout() + stderr()).isZero();
    assertThat(stderr()).isEmpty();
    assertThat(uploads).hasSize(8).contains("member DEMO-008");
    // three answers per study: two waits of the poll interval between three rounds
    assertThat(waits).containsExactly(DemoCommand.POLL_INTERVAL, DemoCommand.POLL_INTERVAL);
    assertThat(stdout())
        .contains("rtds: features 0/8 DONE, 8 PENDING (0s)")
        .contains("rtds: features 0/8 DONE, 8 RUNNING (5s)")
        .contains("rtds: features 8/8 DONE (10s)");
    assertThat(line("DEMO-008"))
        .contains("DONE")
        .contains("Parotid_L Dmean +9.1 Gy, SpinalCord Dmean +3.0 Gy")
        .doesNotContain("Larynx")
        .contains("deliberately over-dosed");
    assertThat(line("DEMO-001")).contains("DONE").contains("none").doesNotContain("over-dosed");
    assertThat(stdout())
        .contains(
            "the achievable-dose check flagged 1 of the 1 deliberately over-dosed members and"
                + " 0 of the 7 others")
        .contains("Look further at DEMO-008 (deliberately over-dosed)")
        .contains(url() + "/api/v1/studies/" + uid(7) + "/similar")
        .contains(url() + "/api/v1/studies/" + uid(7) + "/qc")
        .contains("in a browser: " + url() + "/")
        .doesNotContain(PASSWORD);
  }

  @Test
  void runningTheDemoAgainReusesTheFolderAndOnlyReadsTheStatus() throws Exception {
    for (int i = 0; i < 2; i++) {
      featureAnswers.put(uid(i), List.of("DONE"));
    }
    assertThat(runDemo(url(), PASSWORD, "--size", "2")).isZero();
    out.reset();

    assertThat(runDemo(url(), PASSWORD, "--size", "2")).isZero();

    assertThat(stdout())
        .contains("rtds: reusing the demo cohort")
        .doesNotContain("rtds: generated");
    assertThat(uploads).hasSize(4); // sent again; a real RTDS answers DUPLICATE
    assertThat(waits).isEmpty();
  }

  @Test
  void failedFeaturesAreReportedWithTheirDetailAndAMissingQcIsADash() throws Exception {
    featureAnswers.put(uid(0), List.of("DONE"));
    featureAnswers.put(uid(1), List.of("RUNNING", "FAILED:the RT Dose grid does not cover the CT"));

    int exit = runDemo(url(), PASSWORD, "--size", "2");

    assertThat(exit).isEqualTo(1);
    assertThat(line("DEMO-001")).containsPattern("DEMO-001 +DONE +- ");
    assertThat(line("DEMO-002")).containsPattern("DEMO-002 +FAILED +- ");
    assertThat(stdout())
        .contains("/qc): not available in this RTDS version (HTTP 404); shown as '-'")
        .contains(
            "rtds: features of DEMO-002 FAILED: the RT Dose grid does not cover the CT [study "
                + uid(1)
                + "]")
        .doesNotContain("the achievable-dose check flagged");
  }

  @Test
  void studiesStillRunningAtTheTimeoutAreNamedAndTheWaitIsBounded() throws Exception {
    featureAnswers.put(uid(0), List.of("DONE"));
    featureAnswers.put(uid(1), List.of("RUNNING"));

    int exit = runDemo(url(), PASSWORD, "--size", "2", "--timeout-min", "1");

    assertThat(exit).isEqualTo(1);
    // 60 s of 5 s polls: 12 waits, then the deadline has passed
    assertThat(waits).hasSize(12);
    assertThat(polls.get(uid(0))).isEqualTo(1); // a final status is not asked again
    assertThat(polls.get(uid(1))).isEqualTo(13);
    assertThat(stdout())
        .contains("rtds: features not done within 1 min: DEMO-002 RUNNING")
        .contains("run ./rtds demo again later");
    assertThat(line("DEMO-002")).containsPattern("DEMO-002 +RUNNING +- ");
  }

  @Test
  void noRtdsRunningSaysHowToStartItBeforeGeneratingAnything() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    assertThat(runDemo("http://127.0.0.1:" + port + "/rtds", PASSWORD, "--size", "2")).isEqualTo(2);

    assertThat(stderr())
        .contains("no RTDS is running at http://127.0.0.1:" + port + "/rtds")
        .contains("start it with ./rtds run in another terminal")
        .contains("then run ./rtds demo again");
    assertThat(dataDir.resolve("demo")).doesNotExist();
  }

  @Test
  void wrongCredentialsStopTheDemoWithExitStatus2() throws Exception {
    assertThat(runDemo(url(), "wrong", "--size", "2")).isEqualTo(2);

    assertThat(stderr()).contains("refused the credentials of 'admin' (HTTP 401)");
    assertThat(uploads).isEmpty();
  }

  // ---- starting RTDS when none answers (the default, local URL) ----

  /** A fake {@link DemoCommand.Starter}: "starts" a fake RTDS on the given port. */
  private final class FakeStarter implements DemoCommand.Starter {
    final int port;
    final boolean fresh;
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    Optional<String> adminSetting;
    HttpServer started;

    FakeStarter(int port, boolean fresh) {
      this.port = port;
      this.fresh = fresh;
    }

    @Override
    public boolean freshDatabase() {
      return fresh;
    }

    @Override
    public DemoCommand.Started start(Optional<String> adminPassword) throws IOException {
      events.add("start");
      adminSetting = adminPassword;
      started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      started.createContext("/rtds/api/v1/", DemoCommandTest.this::answer);
      started.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      started.start();
      return new DemoCommand.Started() {
        @Override
        public String url() {
          return "http://localhost:" + port + "/rtds/";
        }

        @Override
        public int awaitTermination() {
          events.add("awaitTermination"); // as if Ctrl-C came at once
          started.stop(0);
          return 0;
        }

        @Override
        public void stop() {
          events.add("stop");
          started.stop(0);
        }
      };
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private int runDemo(Map<String, String> env, DemoCommand.Starter starter, String... args)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("RTDS_DATA_DIR", dataDir.toString());
    DemoOptions options = DemoOptions.parse(args, all, prompt -> Optional.empty());
    return new DemoCommand(
            options,
            writer,
            ImportClient.defaultHttpClient(),
            d -> {
              waits.add(d);
              clock.addAndGet(d.toNanos());
            },
            clock::get,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            prompt -> Optional.empty(),
            starter,
            () -> PASSWORD)
        .execute();
  }

  @Test
  void withNoRtdsAtTheDefaultUrlItStartsOneOnANewDatabaseWithAGeneratedAdminPassword()
      throws Exception {
    featureAnswers.put(uid(0), List.of("RUNNING", "DONE"));
    featureAnswers.put(uid(1), List.of("DONE"));
    int port = freePort();
    FakeStarter starter = new FakeStarter(port, true);

    int exit = runDemo(Map.of("RTDS_HTTP_PORT", Integer.toString(port)), starter, "--size", "2");

    assertThat(exit).as(stdout() + stderr()).isZero();
    assertThat(starter.events).containsExactly("start", "awaitTermination");
    // the generated password is admin's first password and the one the demo signs in with
    assertThat(starter.adminSetting).contains(PASSWORD);
    assertThat(uploads).hasSize(2);
    assertThat(stdout())
        .contains("no RTDS answers at http://localhost:" + port + "/rtds: starting it")
        .contains("the new account 'admin' has the generated password [" + PASSWORD + "]")
        .contains("rtds: features 2/2 DONE")
        .contains("Look further at DEMO-001")
        .endsWith(
            "RTDS keeps running at http://localhost:"
                + port
                + "/rtds/ \u2014 Ctrl-C stops it"
                + System.lineSeparator());
    assertThat(line("DEMO-002")).contains("DONE");
  }

  @Test
  void aRunningRtdsIsUsedAndNothingIsStarted() throws Exception {
    featureAnswers.put(uid(0), List.of("DONE"));
    featureAnswers.put(uid(1), List.of("DONE"));
    int port = server.getAddress().getPort();
    FakeStarter starter = new FakeStarter(freePort(), true);

    int exit =
        runDemo(
            Map.of("RTDS_HTTP_PORT", Integer.toString(port), "RTDS_PASSWORD", PASSWORD),
            starter,
            "--size",
            "2");

    assertThat(exit).as(stdout() + stderr()).isZero();
    assertThat(starter.events).isEmpty();
    assertThat(stdout()).doesNotContain("RTDS keeps running").doesNotContain("generated password");
  }

  @Test
  void noStartKeepsTheOldBehaviour() throws Exception {
    int port = freePort();
    FakeStarter starter = new FakeStarter(port, true);

    int exit =
        runDemo(
            Map.of("RTDS_HTTP_PORT", Integer.toString(port), "RTDS_PASSWORD", PASSWORD),
            starter,
            "--size",
            "2",
            "--no-start");

    assertThat(exit).isEqualTo(2);
    assertThat(starter.events).isEmpty();
    assertThat(stderr()).contains("no RTDS is running at http://localhost:" + port + "/rtds");
    assertThat(dataDir.resolve("demo")).doesNotExist();
  }

  @Test
  void anExplicitUrlElsewhereNeverStartsAnything() throws Exception {
    int port = freePort();
    FakeStarter starter = new FakeStarter(port, true);

    // another port than RTDS_HTTP_PORT (default 8080): not what ./rtds run would serve
    int exit =
        runDemo(
            Map.of("RTDS_PASSWORD", PASSWORD),
            starter,
            "--size",
            "2",
            "--url",
            "http://127.0.0.1:" + port + "/rtds");

    assertThat(exit).isEqualTo(2);
    assertThat(starter.events).isEmpty();
    assertThat(stderr()).contains("no RTDS is running at http://127.0.0.1:" + port + "/rtds");
  }

  @Test
  void anExistingDatabaseWhoseAdminPasswordIsUnknownSaysWhatToSetAndStartsNothing()
      throws Exception {
    int port = freePort();
    FakeStarter starter = new FakeStarter(port, false);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> runDemo(Map.of("RTDS_HTTP_PORT", Integer.toString(port)), starter, "--size", "2"))
        .isInstanceOf(LauncherException.class) // exit status 2
        .hasMessageContaining("the demo would start RTDS on its existing database")
        .hasMessageContaining("Nothing was started")
        .hasMessageContaining("set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD)");
    assertThat(starter.events).isEmpty();
    assertThat(dataDir.resolve("demo")).doesNotExist();
  }

  @Test
  void refusedCredentialsAfterStartingStopRtdsWithExitStatus2() throws Exception {
    int port = freePort();
    FakeStarter starter = new FakeStarter(port, false);

    int exit =
        runDemo(
            Map.of("RTDS_HTTP_PORT", Integer.toString(port), "RTDS_PASSWORD", "wrong-password"),
            starter,
            "--size",
            "2");

    assertThat(exit).isEqualTo(2);
    assertThat(starter.events).containsExactly("start", "stop");
    assertThat(stderr())
        .contains("refused the credentials of 'admin' (HTTP 401)")
        .contains("stopping the RTDS the demo started");
    assertThat(uploads).isEmpty();
  }

  private static DemoOptions options(Map<String, String> env, String... args) {
    return DemoOptions.parse(args, env, prompt -> Optional.empty());
  }

  @Test
  void theCredentialsOfAStartedRtds() {
    java.util.function.Function<String, Optional<String>> none = p -> Optional.empty();
    // new database, nothing set: generated, admin's first password and the login
    DemoCommand.StartCredentials generated =
        DemoCommand.startCredentials(options(Map.of()), true, () -> "generated-1", none);
    assertThat(generated.login()).isEqualTo("generated-1");
    assertThat(generated.adminSetting()).contains("generated-1");
    assertThat(generated.generated()).isTrue();
    assertThat(generated.toString()).doesNotContain("generated-1");

    // RTDS_ADMIN_PASSWORD: admin's first password and, for admin, the login
    DemoCommand.StartCredentials configured =
        DemoCommand.startCredentials(
            options(Map.of("RTDS_ADMIN_PASSWORD", "first-admin-pw")), true, () -> "x", none);
    assertThat(configured.login()).isEqualTo("first-admin-pw");
    assertThat(configured.adminSetting()).contains("first-admin-pw");
    assertThat(configured.generated()).isFalse();

    // RTDS_PASSWORD wins for the login; RTDS_ADMIN_PASSWORD stays admin's first password
    DemoCommand.StartCredentials both =
        DemoCommand.startCredentials(
            options(Map.of("RTDS_ADMIN_PASSWORD", "first-admin-pw", "RTDS_PASSWORD", "current-pw")),
            false,
            () -> "x",
            none);
    assertThat(both.login()).isEqualTo("current-pw");
    assertThat(both.adminSetting()).contains("first-admin-pw");

    // RTDS_PASSWORD alone on a new database: admin is created with it, so the login works
    DemoCommand.StartCredentials fromLogin =
        DemoCommand.startCredentials(
            options(Map.of("RTDS_PASSWORD", "login-pw-1")), true, () -> "x", none);
    assertThat(fromLogin.adminSetting()).contains("login-pw-1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                DemoCommand.startCredentials(
                    options(Map.of("RTDS_PASSWORD", "short")), true, () -> "x", none))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("at least 8 characters; RTDS_PASSWORD has 5");
    // on an existing database a short one is simply not offered as a first password
    assertThat(
            DemoCommand.startCredentials(
                    options(Map.of("RTDS_PASSWORD", "short")), false, () -> "x", none)
                .adminSetting())
        .isEmpty();

    // existing database, nothing set: asked for on a terminal, else a clear refusal
    DemoCommand.StartCredentials asked =
        DemoCommand.startCredentials(
            options(Map.of()), false, () -> "x", p -> Optional.of("typed-password"));
    assertThat(asked.login()).isEqualTo("typed-password");
    assertThat(asked.generated()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DemoCommand.startCredentials(options(Map.of()), false, () -> "x", none))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD)");

    // another account: its own password, admin's first password only from RTDS_ADMIN_PASSWORD
    assertThat(
            DemoCommand.startCredentials(
                    options(Map.of("RTDS_PASSWORD", "physicist-pw"), "--user", "physicist"),
                    true,
                    () -> "x",
                    none)
                .adminSetting())
        .isEmpty();
  }
}

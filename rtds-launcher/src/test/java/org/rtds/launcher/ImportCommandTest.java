package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rtds import} against a fake RTDS that answers like the ingest contract
 * (docs/interfaces.md): the file's content says what the fake answers.
 */
class ImportCommandTest {

  private static final String PASSWORD = "correct-horse";

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> busyAnswered = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unavailableAnswers = new AtomicInteger();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startFakeRtds() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/rtds/api/v1/instances", this::answer);
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
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "application/problem+json", "{\"detail\":\"POST only\"}");
      return;
    }
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"RTDS\"");
      send(
          exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
      return;
    }
    contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
    bodies.add(body);
    if (body.startsWith("down")) {
      unavailableAnswers.incrementAndGet();
      exchange.getResponseHeaders().add("Retry-After", "15");
      send(
          exchange,
          503,
          "application/problem+json",
          "{\"detail\":\"the database is not reachable\"}");
    } else if (body.startsWith("busy-once") && busyAnswered.add(body)) {
      exchange.getResponseHeaders().add("Retry-After", "7");
      send(
          exchange,
          503,
          "application/problem+json",
          "{\"detail\":\"the database is not reachable\"}");
    } else if (body.startsWith("stored") || body.startsWith("busy-once") || body.startsWith("PK")) {
      send(
          exchange,
          200,
          "application/json",
          object("1.2." + Math.abs(body.hashCode()), "STORED", null, null));
    } else if (body.startsWith("duplicate")) {
      send(exchange, 200, "application/json", object("1.2.99", "DUPLICATE", null, null));
    } else if (body.startsWith("conflict")) {
      send(
          exchange,
          200,
          "application/json",
          object("1.2.77", "REJECTED", "CONFLICT", "different content under the same UID"));
    } else if (body.startsWith("huge")) {
      send(exchange, 413, "application/problem+json", "{\"detail\":\"larger than 4096 MB\"}");
    } else {
      send(
          exchange,
          400,
          "application/problem+json",
          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
              + "\"detail\":\"nothing in the request was readable\",\"results\":[{"
              + "\"sopInstanceUid\":null,\"sopClass\":null,\"status\":\"REJECTED\","
              + "\"reasonCode\":\"NOT_DICOM\",\"reason\":\"not a DICOM file (no DICM prefix)\"}]}");
    }
  }

  private static String object(String uid, String status, String code, String reason) {
    return "[{\"sopInstanceUid\":\""
        + uid
        + "\",\"sopClass\":\"1.2.840.10008.5.1.4.1.1.2\",\"status\":\""
        + status
        + "\",\"reason\":"
        + (reason == null ? "null" : "\"" + reason + "\"")
        + ",\"reasonCode\":"
        + (code == null ? "null" : "\"" + code + "\"")
        + "}]";
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private int runImport(URI url, String password, int threads) throws Exception {
    ImportOptions options =
        ImportOptions.parse(
            new String[] {
              "--url", url.toString(), "--threads", Integer.toString(threads), dir.toString()
            },
            Map.of("RTDS_PASSWORD", password),
            prompt -> java.util.Optional.empty());
    ImportClient client = new ImportClient(options, ImportClient.defaultHttpClient(), waits::add);
    return new ImportCommand(
            options,
            client,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false)
        .execute();
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rtds/");
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.ISO_8859_1);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void storedDuplicateAndRejectedFilesAreSummarisedAndRejectionsGiveExitCode1() throws Exception {
    write("study/CT.1.dcm", "stored 1");
    write("study/CT.2.dcm", "stored 2");
    write("study/sub/CT.3.dcm", "busy-once 3");
    write("again/CT.1.dcm", "duplicate");
    write("notes.txt", "garbage");
    write("RS-corrected.dcm", "conflict");
    write("big.dcm", "huge");
    write(".DS_Store", "stored hidden");
    write("DICOMDIR", "stored index");

    int exit = runImport(url(), PASSWORD, 3);

    assertThat(exit).isEqualTo(1);
    assertThat(bodies).hasSize(8).noneMatch(b -> b.contains("hidden") || b.contains("index"));
    assertThat(contentTypes).containsOnly("application/dicom");
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    String text = stdout();
    assertThat(text)
        .contains("rtds: importing 7 files")
        .contains("imported 7 of 7 files")
        .containsPattern("stored +3")
        .containsPattern("duplicate +1")
        .containsPattern("rejected +3")
        .containsPattern("skipped +2")
        .contains("  RS-corrected.dcm: CONFLICT - different content under the same UID [1.2.77]")
        .contains("  big.dcm: TOO_LARGE - larger than 4096 MB")
        .contains("  notes.txt: NOT_DICOM - not a DICOM file (no DICM prefix)");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void everythingStoredOrDuplicateGivesExitCode0AndZipFilesGoAsZip() throws Exception {
    write("a/CT.1.dcm", "stored 1");
    write("a/CT.2.dcm", "duplicate");
    Files.write(dir.resolve("study.zip"), new byte[] {'P', 'K', 3, 4, 1, 2});

    assertThat(runImport(url(), PASSWORD, 1)).isZero();

    assertThat(contentTypes)
        .containsExactlyInAnyOrder("application/dicom", "application/dicom", "application/zip");
    assertThat(stdout()).containsPattern("stored +2").containsPattern("rejected +0");
  }

  @Test
  void wrongCredentialsStopTheImportWithExitCode2() throws Exception {
    write("CT.1.dcm", "stored 1");
    write("CT.2.dcm", "stored 2");

    assertThat(runImport(url(), "wrong", 2)).isEqualTo(2);

    assertThat(stderr())
        .contains("refused the credentials of 'admin' (HTTP 401)")
        .contains("RTDS_PASSWORD");
    assertThat(bodies).isEmpty();
  }

  @Test
  void noRtdsRunningSaysHowToStartIt() throws Exception {
    write("CT.1.dcm", "stored 1");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    assertThat(runImport(URI.create("http://127.0.0.1:" + port + "/rtds"), PASSWORD, 1))
        .isEqualTo(2);

    assertThat(stderr())
        .contains("no RTDS is running at http://127.0.0.1:" + port + "/rtds")
        .contains("start it with ./rtds run in another terminal");
  }

  @Test
  void anRtdsThatStaysUnavailableEndsTheImportAfterBoundedRetries() throws Exception {
    write("CT.1.dcm", "down 1");

    assertThat(runImport(url(), PASSWORD, 1)).isEqualTo(2);

    assertThat(unavailableAnswers).hasValue(ImportClient.UNAVAILABLE_ATTEMPTS);
    assertThat(waits)
        .hasSize(ImportClient.UNAVAILABLE_ATTEMPTS - 1)
        .containsOnly(Duration.ofSeconds(15));
    assertThat(stderr()).contains("stayed unavailable (HTTP 503: the database is not reachable)");
  }

  @Test
  void aWrongUrlIsReportedAsSuch() throws Exception {
    write("CT.1.dcm", "stored 1");

    assertThat(runImport(URI.create(url() + "nothing-here"), PASSWORD, 1)).isEqualTo(2);

    assertThat(stderr()).contains("there is no RTDS ingest API at").contains("HTTP 404");
  }

  @Test
  void anEmptyFolderIsNothingToDo() throws Exception {
    assertThat(runImport(url(), PASSWORD, 1)).isZero();
    assertThat(stdout()).contains("no files to import");
  }
}

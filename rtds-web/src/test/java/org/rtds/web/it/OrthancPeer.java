package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Orthanc (Debian packages {@code orthanc} and {@code orthanc-dicomweb}, installed by {@code
 * scripts/ensure-orthanc.sh}) as a child process for the DICOMweb interoperability test: its own
 * storage in a temporary folder, free HTTP and DICOM ports on the loopback only ({@code
 * RemoteAccessAllowed} false), no authentication, the DICOMweb plugin only, and one DICOMweb server
 * (RTDS) with HTTP Basic credentials. Stopped (and its folder deleted) by {@link #close()}.
 *
 * <p>Absent Orthanc: the test is skipped with a message, except on CI ({@code CI=true}) where it
 * fails, like the DCMTK tests.
 */
final class OrthancPeer implements AutoCloseable {

  static final String SERVER_NAME = "rtds";

  private static final Path PLUGIN =
      Path.of(
          System.getProperty(
              "rtds.orthanc.dicomweb.plugin", "/usr/share/orthanc/plugins/libOrthancDicomWeb.so"));

  private final Path directory;
  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private OrthancPeer(Path directory, Process process, Path log, int httpPort) {
    this.directory = directory;
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + httpPort + "/");
  }

  /** The Orthanc executable, if installed (Debian: /usr/sbin/Orthanc). */
  static Path executable() {
    return Stream.concat(
            Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
            Stream.of("/usr/sbin", "/usr/bin", "/usr/local/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "Orthanc"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /** Skips the test without Orthanc and its DICOMweb plugin; fails instead on CI. */
  static void requireInstalled() {
    boolean installed = executable() != null && Files.isRegularFile(PLUGIN);
    String what =
        "Orthanc with its DICOMweb plugin ("
            + PLUGIN
            + "; Debian: apt-get install orthanc orthanc-dicomweb, scripts/ensure-orthanc.sh)";
    if ("true".equalsIgnoreCase(System.getenv("CI")) && !installed) {
      throw new IllegalStateException(what + " is not installed, and CI=true: not skipped");
    }
    assumeThat(installed).as(what + " is installed").isTrue();
  }

  /**
   * Starts Orthanc with RTDS's STOW-RS service as the DICOMweb server {@value #SERVER_NAME}.
   *
   * @param dicomWebUrl e.g. {@code http://localhost:8080/rtds/dicomweb/} (Orthanc appends {@code
   *     studies})
   */
  static OrthancPeer start(String dicomWebUrl, String user, String password) throws Exception {
    Path directory = Files.createTempDirectory("rtds-orthanc-");
    int httpPort = freePort();
    int dicomPort = freePort();
    JsonObject configuration =
        Json.createObjectBuilder()
            .add("Name", "RTDS-IT")
            .add("StorageDirectory", directory.resolve("storage").toString())
            .add("IndexDirectory", directory.resolve("index").toString())
            .add("HttpPort", httpPort)
            .add("DicomPort", dicomPort)
            .add("DicomAet", "ORTHANCIT")
            .add("RemoteAccessAllowed", false)
            .add("AuthenticationEnabled", false)
            .add("SaveJobs", false)
            // Orthanc closes idle keep-alive connections after 1 s: a request the JDK client sends
            // on
            // such a connection meanwhile fails ("header parser received no bytes")
            .add("KeepAlive", false)
            .add("Plugins", Json.createArrayBuilder().add(PLUGIN.toString()))
            .add(
                "DicomWeb",
                Json.createObjectBuilder()
                    .add("Enable", true)
                    .add("Root", "/dicom-web/")
                    .add(
                        "Servers",
                        Json.createObjectBuilder()
                            .add(
                                SERVER_NAME,
                                Json.createArrayBuilder()
                                    .add(dicomWebUrl)
                                    .add(user)
                                    .add(password))))
            .build();
    Path config = directory.resolve("orthanc.json");
    Files.writeString(config, configuration.toString());
    Path log = directory.resolve("orthanc.log");
    Process process =
        new ProcessBuilder(executable().toString(), "--verbose", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OrthancPeer peer = new OrthancPeer(directory, process, log, httpPort);
    peer.awaitStarted();
    return peer;
  }

  private void awaitStarted() throws Exception {
    for (int i = 0; i < 120; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Orthanc ended at start-up:\n" + logTail());
      }
      try {
        HttpResponse<String> system = get("system");
        if (system.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Orthanc did not answer within 30 s:\n" + logTail());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Stores one DICOM file in Orthanc ({@code POST /instances}); answers Orthanc's study id. */
  String store(Path file) throws Exception {
    HttpResponse<String> stored = post("instances", "application/dicom", Files.readAllBytes(file));
    assertThat(stored.statusCode()).as(file + ": " + stored.body()).isEqualTo(200);
    JsonObject answer = object(stored.body());
    assertThat(answer.getString("Status")).as(stored.body()).isIn("Success", "AlreadyStored");
    return answer.getString("ParentStudy");
  }

  /**
   * Waits for an Orthanc job to end.
   *
   * @return the job as Orthanc describes it ({@code State}: Success or Failure, {@code Content})
   */
  JsonObject awaitJob(String id) throws Exception {
    JsonObject job = null;
    for (int i = 0; i < 600; i++) {
      job = object(get("jobs/" + id).body());
      if (List.of("Success", "Failure").contains(job.getString("State"))) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Orthanc job " + id + " did not end within 150 s: " + job);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static JsonObject object(String json) {
    JsonValue value = Json.createReader(new StringReader(json)).readValue();
    return value.asJsonObject();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

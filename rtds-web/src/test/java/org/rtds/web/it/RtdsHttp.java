package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A small HTTP client for the container tests: the deployed RTDS at {@code base}, as the first
 * administrator of {@link ApplicationWiringIT}.
 */
final class RtdsHttp {

  private final URL base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String credentials;

  RtdsHttp(URL base) {
    this(base, "admin", ApplicationWiringIT.ADMIN_PASSWORD);
  }

  RtdsHttp(URL base, String user, String password) {
    this.base = base;
    this.credentials = user + ":" + password;
  }

  /** Waits up to two minutes for {@code /health/ready} to answer 200. */
  void awaitReady() throws Exception {
    for (int i = 0; i < 240; i++) {
      if (send(HttpRequest.newBuilder(uri("/health/ready")).GET()).statusCode() == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("RTDS did not become ready within two minutes");
  }

  /** POSTs files as multipart/form-data to {@code api/v1/instances}; expects 200. */
  JsonArray upload(List<Path> files) throws Exception {
    String boundary = "rtds-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
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
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("api/v1/instances"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** Polls the study view until its features are DONE or FAILED (three minutes at most). */
  JsonObject awaitFeatures(String studyInstanceUid) throws Exception {
    return awaitFeatures(studyInstanceUid, 180);
  }

  /** Polls the study view until its features are DONE or FAILED (at most {@code seconds}). */
  JsonObject awaitFeatures(String studyInstanceUid, int seconds) throws Exception {
    JsonObject features = null;
    for (int i = 0; i < seconds; i++) {
      features =
          json("api/v1/studies/" + studyInstanceUid).asJsonObject().getJsonObject("features");
      if (List.of("DONE", "FAILED").contains(features.getString("status"))) {
        return features;
      }
      Thread.sleep(1000);
    }
    return features;
  }

  /** GETs JSON; expects 200. */
  jakarta.json.JsonValue json(String path) throws Exception {
    HttpResponse<String> response = get(path, "application/json");
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readValue();
  }

  /** POSTs an empty body; returns the response whatever its status. */
  HttpResponse<String> post(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** GETs with an Accept header. */
  HttpResponse<String> get(String path, String accept) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return client.send(
        request.timeout(Duration.ofMinutes(3)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) throws Exception {
    return base.toURI().resolve(path);
  }
}

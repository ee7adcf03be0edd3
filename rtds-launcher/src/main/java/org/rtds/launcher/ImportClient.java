package org.rtds.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rtds.launcher.ImportSummary.Result;
import org.rtds.launcher.ImportSummary.Status;

/**
 * Sends one file to {@code POST URL/api/v1/instances} and reads the per-object results (contract:
 * docs/interfaces.md, "HTTP"). Waits and retries while RTDS answers 503 (honouring {@code
 * Retry-After}, bounded); stops the whole import ({@link Aborted}) when no RTDS answers, the
 * credentials are refused or the URL has no ingest API. Thread-safe.
 */
final class ImportClient {

  /** Attempts of one file while RTDS answers 503. */
  static final int UNAVAILABLE_ATTEMPTS = 10;

  /** Longest wait between them, whatever Retry-After says. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Wait when a 503 has no Retry-After. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  /** Attempts after a broken connection (server restarting). */
  static final int IO_ATTEMPTS = 3;

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /** Waits between attempts (a test passes one that does not sleep). */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Ends the whole import: retrying other files cannot help. */
  static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Aborted(String message) {
      super(message);
    }
  }

  private final ImportOptions options;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final String authorization;

  ImportClient(ImportOptions options, HttpClient http, Sleeper sleeper) {
    this.options = options;
    this.http = http;
    this.sleeper = sleeper;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
  }

  static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Uploads one file.
   *
   * @param relativeName its name relative to the imported folder, for the summary
   * @return a result per object in it (one for a DICOM file)
   * @throws Aborted when the import cannot go on
   */
  List<Result> upload(Path file, String relativeName) throws InterruptedException {
    URI target = options.instancesUrl();
    int unavailable = 0;
    int broken = 0;
    while (true) {
      HttpResponse<String> response;
      try {
        HttpRequest request =
            HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", isZip(file) ? "application/zip" : "application/dicom")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (ConnectException | HttpConnectTimeoutException e) {
        throw new Aborted(
            "no RTDS is running at "
                + options.url()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                + "; start it with ./rtds run in another terminal, or give its address with"
                + " --url or RTDS_URL");
      } catch (IOException e) {
        if (!Files.isReadable(file)) {
          return List.of(failed(relativeName, "cannot read the file: " + describe(e)));
        }
        if (++broken >= IO_ATTEMPTS) {
          throw new Aborted(
              "the connection to RTDS at " + options.url() + " keeps failing: " + describe(e));
        }
        sleeper.sleep(Duration.ofSeconds(2L * broken));
        continue;
      }
      int code = response.statusCode();
      switch (code) {
        case 200, 201 -> {
          return results(relativeName, response.body(), Status.STORED)
              .orElseGet(
                  () ->
                      List.of(
                          failed(
                              relativeName,
                              "RTDS answered HTTP " + code + " without per-object results")));
        }
        case 400 -> {
          Optional<List<Result>> listed = problemResults(relativeName, response.body());
          if (listed.isPresent() && !listed.get().isEmpty()) {
            return listed.get();
          }
          return List.of(
              rejected(
                  relativeName,
                  null,
                  detail(response.body()).orElse("RTDS could not read anything in the file")));
        }
        case 413 -> {
          return List.of(
              rejected(
                  relativeName,
                  "TOO_LARGE",
                  detail(response.body())
                      .orElse("larger than RTDS accepts in one request (RTDS_MAX_REQUEST_MB)")));
        }
        case 401 ->
            throw new Aborted(
                "RTDS at "
                    + options.url()
                    + " refused the credentials of '"
                    + options.user()
                    + "' (HTTP 401); check --user and RTDS_PASSWORD"
                    + (options.user().equals("admin") ? " (or RTDS_ADMIN_PASSWORD)" : ""));
        case 403 ->
            throw new Aborted(
                "the account '"
                    + options.user()
                    + "' may not import into RTDS (HTTP 403"
                    + detail(response.body()).map(d -> ": " + d).orElse("")
                    + ")");
        case 404, 405 ->
            throw new Aborted(
                "there is no RTDS ingest API at "
                    + target
                    + " (HTTP "
                    + code
                    + "); check --url or RTDS_URL (e.g. http://localhost:8080/rtds)");
        case 503 -> {
          unavailable++;
          if (unavailable >= UNAVAILABLE_ATTEMPTS) {
            throw new Aborted(
                "RTDS at "
                    + options.url()
                    + " stayed unavailable (HTTP 503"
                    + detail(response.body()).map(d -> ": " + d).orElse("")
                    + ") after "
                    + unavailable
                    + " attempts; the files not yet imported can be imported later with the same"
                    + " command (what is already in RTDS becomes a duplicate)");
          }
          sleeper.sleep(retryAfter(response.headers().firstValue("Retry-After")));
        }
        default -> {
          return List.of(
              failed(
                  relativeName,
                  "RTDS answered HTTP "
                      + code
                      + detail(response.body()).map(d -> ": " + d).orElse("")));
        }
      }
    }
  }

  /** How long to wait after a 503: Retry-After (seconds or an HTTP date), bounded. */
  static Duration retryAfter(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return DEFAULT_WAIT;
    }
    String value = header.get().trim();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      try {
        wait =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (RuntimeException notADate) {
        return DEFAULT_WAIT;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /** The per-object results of a 200 answer. */
  static Optional<List<Result>> results(String file, String body, Status fallback) {
    Object json;
    try {
      json = Json.parse(body);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (json instanceof Map<?, ?> map && map.get("results") instanceof List<?> list) {
      json = list;
    }
    if (!(json instanceof List<?> list)) {
      return Optional.empty();
    }
    List<Result> results = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> object) {
        results.add(result(file, object, fallback));
      }
    }
    return Optional.of(results);
  }

  private static Optional<List<Result>> problemResults(String file, String body) {
    try {
      if (Json.parse(body) instanceof Map<?, ?> problem
          && problem.get("results") instanceof List<?>) {
        return results(file, body, Status.REJECTED);
      }
    } catch (IllegalArgumentException e) {
      // not JSON
    }
    return Optional.empty();
  }

  private static Result result(String file, Map<?, ?> object, Status fallback) {
    Status status;
    try {
      status = Status.valueOf(String.valueOf(object.get("status")));
    } catch (IllegalArgumentException e) {
      status = fallback;
    }
    String reason = text(object.get("reason"));
    if (status == Status.REJECTED && reason == null) {
      reason = "(no reason given)";
    }
    return new Result(
        file, text(object.get("sopInstanceUid")), status, text(object.get("reasonCode")), reason);
  }

  /** {@code detail} (else {@code title}) of a problem document. */
  static Optional<String> detail(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      if (Json.parse(body) instanceof Map<?, ?> problem) {
        return Optional.ofNullable(text(problem.get("detail")))
            .or(() -> Optional.ofNullable(text(problem.get("title"))));
      }
    } catch (IllegalArgumentException e) {
      // a plain-text or HTML error page
    }
    String plain = body.strip();
    return plain.length() <= 200 && !plain.startsWith("<") ? Optional.of(plain) : Optional.empty();
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static Result rejected(String file, String code, String reason) {
    return new Result(file, null, Status.REJECTED, code, reason);
  }

  private static Result failed(String file, String reason) {
    return new Result(file, null, Status.FAILED, null, reason);
  }

  private static boolean isZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

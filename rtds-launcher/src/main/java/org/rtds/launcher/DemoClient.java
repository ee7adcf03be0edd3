package org.rtds.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ./rtds demo} reads from RTDS (contract: docs/interfaces.md, "Read API"): the account
 * ({@code GET URL/api/v1/me}), a study's feature status ({@code GET URL/api/v1/studies/{uid}}) and
 * its achievable-dose check ({@code GET URL/api/v1/studies/{uid}/qc}). Thread-safe.
 */
final class DemoClient {

  /** Feature states after which nothing changes by waiting. */
  static final List<String> FINAL = List.of("DONE", "FAILED", "MISSING");

  /**
   * A study's feature status.
   *
   * @param status PENDING, RUNNING, DONE or FAILED as RTDS says; MISSING when RTDS does not know
   *     the study (for this account); UNKNOWN when RTDS did not answer usefully this time
   * @param detail RTDS's words (e.g. why features FAILED), or ours; may be null
   */
  record Features(String status, String detail) {
    boolean isFinal() {
      return FINAL.contains(status);
    }
  }

  /**
   * One organ flagged by the achievable-dose check: the largest excess over its PTV levels.
   *
   * @param oar the organ's TG-263 name (else its ROI name)
   * @param metric the dose metric checked, e.g. {@code Dmean}
   * @param excessGy achieved minus achievable dose (Gy), NaN when RTDS did not say
   */
  record Flag(String oar, String metric, double excessGy) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(oar);
      if (metric != null && !metric.isBlank()) {
        s.append(' ').append(metric);
      }
      if (!Double.isNaN(excessGy)) {
        s.append(String.format(Locale.ROOT, " %+.1f Gy", excessGy));
      }
      return s.toString();
    }
  }

  /**
   * The achievable-dose check of one study.
   *
   * @param available false when this RTDS has no {@code /qc} (HTTP 404) or could not answer
   * @param flagged the flagged organs, worst first (empty when none, or not available)
   * @param problem why it is not available, in words (null when available)
   */
  record Qc(boolean available, List<Flag> flagged, String problem) {
    Qc {
      flagged = List.copyOf(flagged);
    }

    static Qc notAvailable(String problem) {
      return new Qc(false, List.of(), problem);
    }
  }

  private final URI base;
  private final String user;
  private final HttpClient http;
  private final String authorization;

  DemoClient(DemoOptions options, HttpClient http) {
    this.base = options.url();
    this.user = options.user();
    this.http = http;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks that an RTDS answers at the URL and accepts the credentials ({@code GET URL/api/v1/me}).
   *
   * @throws ImportClient.Aborted saying what is wrong and what to do
   */
  void checkReachable() throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = get(URI.create(base + "/api/v1/me"));
    } catch (IOException e) {
      throw new ImportClient.Aborted(
          "the connection to RTDS at " + base + " failed: " + describe(e));
    }
    int code = response.statusCode();
    if (code == 401) {
      throw new ImportClient.Aborted(
          "RTDS at "
              + base
              + " refused the credentials of '"
              + user
              + "' (HTTP 401); check --user and RTDS_PASSWORD"
              + (user.equals("admin") ? " (or RTDS_ADMIN_PASSWORD)" : ""));
    }
    if (code == 404 || code == 405) {
      throw new ImportClient.Aborted(
          "there is no RTDS API at "
              + base
              + " (HTTP "
              + code
              + " for /api/v1/me); check --url or RTDS_URL (e.g. http://localhost:8080/rtds)");
    }
    // anything else (503 while RTDS starts, ...) the import deals with, bounded
  }

  /**
   * Whether anything answers HTTP at the URL ({@code GET URL/api/v1/me} without credentials; any
   * answer counts, {@link #checkReachable()} then says whether it is RTDS).
   */
  static boolean answers(URI base, HttpClient http) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // something listens; the checks that follow say what is wrong
    }
  }

  /** The feature status of one study. */
  Features features(String studyInstanceUid) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = get(URI.create(base + "/api/v1/studies/" + studyInstanceUid));
    } catch (IOException e) {
      return new Features("UNKNOWN", describe(e)); // asked again at the next round
    }
    int code = response.statusCode();
    if (code == 404) {
      return new Features(
          "MISSING", "RTDS has no such study for '" + user + "' (were its files rejected?)");
    }
    if (code == 401) {
      throw new ImportClient.Aborted(
          "RTDS at " + base + " refused the credentials of '" + user + "' (HTTP 401)");
    }
    if (code != 200) {
      return new Features("UNKNOWN", "HTTP " + code + detail(response.body()));
    }
    try {
      if (Json.parse(response.body()) instanceof Map<?, ?> study
          && study.get("features") instanceof Map<?, ?> features
          && features.get("status") != null) {
        Object detail = features.get("detail");
        return new Features(
            String.valueOf(features.get("status")), detail == null ? null : detail.toString());
      }
    } catch (IllegalArgumentException notJson) {
      // below
    }
    return new Features("UNKNOWN", "RTDS's answer has no features.status");
  }

  /** The achievable-dose check of one study; not available (no failure) when RTDS has none. */
  Qc qc(String studyInstanceUid) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = get(URI.create(base + "/api/v1/studies/" + studyInstanceUid + "/qc"));
    } catch (IOException e) {
      return Qc.notAvailable(describe(e));
    }
    int code = response.statusCode();
    if (code == 404) {
      return Qc.notAvailable("not available in this RTDS version (HTTP 404)");
    }
    if (code != 200) {
      return Qc.notAvailable("HTTP " + code + detail(response.body()));
    }
    Object json;
    try {
      json = Json.parse(response.body());
    } catch (IllegalArgumentException e) {
      return Qc.notAvailable("the answer is not JSON");
    }
    if (!(json instanceof List<?> entries)) {
      return Qc.notAvailable("the answer is not a list");
    }
    return new Qc(true, flagged(entries), null);
  }

  /** The flagged entries, one per organ (its largest excess), worst first. */
  static List<Flag> flagged(List<?> entries) {
    Map<String, Flag> byOrgan = new LinkedHashMap<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> e) || !Boolean.TRUE.equals(e.get("flagged"))) {
        continue;
      }
      Object organ = e.get("oar") != null ? e.get("oar") : e.get("oarRoi");
      String name = organ == null ? "(unnamed organ)" : organ.toString();
      double excess = e.get("excessGy") instanceof Number n ? n.doubleValue() : Double.NaN;
      Flag flag =
          new Flag(name, e.get("metric") == null ? null : e.get("metric").toString(), excess);
      byOrgan.merge(name, flag, (a, b) -> b.excessGy() > a.excessGy() ? b : a);
    }
    List<Flag> flags = new ArrayList<>(byOrgan.values());
    flags.sort(
        (a, b) ->
            Double.compare(
                Double.isNaN(b.excessGy()) ? -1 : b.excessGy(),
                Double.isNaN(a.excessGy()) ? -1 : a.excessGy()));
    return flags;
  }

  /**
   * One GET.
   *
   * @throws ImportClient.Aborted when no RTDS answers at all
   * @throws IOException when the connection broke (worth another try)
   */
  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", authorization)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new ImportClient.Aborted(
          "no RTDS is running at "
              + base
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
              + "; start it with ./rtds run in another terminal, wait for \"RTDS ready at"
              + " ...\", then run ./rtds demo again (or give its address with --url or"
              + " RTDS_URL)");
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String detail(String body) {
    return ImportClient.detail(body).map(d -> ": " + d).orElse("");
  }
}

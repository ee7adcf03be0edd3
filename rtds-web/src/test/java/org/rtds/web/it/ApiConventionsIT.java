package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtds.web.it.ApplicationWiringIT.ADMIN_PASSWORD;
import static org.rtds.web.it.ApplicationWiringIT.DB;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conventions every API resource shares, against the running application (Payara Micro, its
 * test configuration sets {@code RTDS_TOKEN_RATE_LIMIT=300} and {@code
 * RTDS_CORS_ORIGINS=https://viewer.example.org}): entity tags and {@code 304}, paging {@code Link}
 * headers, JSON or CSV by {@code Accept}, CORS, and the per-token rate limit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiConventionsIT {

  static final String VIEWER = "https://viewer.example.org";

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @Test
  void readResourcesCarryAnEntityTagAndAnswer304WhenItStillMatches() throws Exception {
    HttpResponse<String> first = send(admin("api/v1/me"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(send(admin("api/v1/me")).headers().firstValue("ETag")).hasValue(tag);

    HttpResponse<String> same = send(admin("api/v1/me").header("If-None-Match", tag));
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(tag);
    assertThat(send(admin("api/v1/me").header("If-None-Match", "\"x\", W/" + tag)).statusCode())
        .isEqualTo(304);
    assertThat(send(admin("api/v1/me").header("If-None-Match", "*")).statusCode()).isEqualTo(304);

    HttpResponse<String> other = send(admin("api/v1/me").header("If-None-Match", "\"stale\""));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).isEqualTo(first.body());

    // another representation of the same resource has another tag
    HttpResponse<String> csv = send(admin("api/v1/audit?size=5").header("Accept", "text/csv"));
    HttpResponse<String> json = send(admin("api/v1/audit?size=5"));
    assertThat(csv.headers().firstValue("ETag")).isNotEqualTo(json.headers().firstValue("ETag"));
    assertThat(csv.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));
    // errors carry none
    assertThat(send(admin("api/v1/patients/999999")).headers().firstValue("ETag")).isEmpty();
  }

  @Test
  void listsArePagedWithLinkHeadersAndATotal() throws Exception {
    for (int i = 0; i < 4; i++) {
      send(admin("api/v1/patients")); // audit entries to page through
    }
    HttpResponse<String> page = send(admin("api/v1/audit?type=patient-read&size=1&page=2"));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
    long total = body.getJsonNumber("total").longValue();
    assertThat(total).isGreaterThanOrEqualTo(3);
    assertThat(page.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(total));
    java.util.Map<String, String> links = new java.util.HashMap<>();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("<([^>]*)>; rel=\"(\\w+)\"")
            .matcher(String.join(",", page.headers().allValues("Link")));
    while (link.find()) {
      links.put(link.group(2), link.group(1));
    }
    assertThat(links).containsOnlyKeys("first", "prev", "next", "last");
    java.util.Map<String, Long> pages =
        java.util.Map.of("first", 1L, "prev", 1L, "next", 3L, "last", total);
    pages.forEach(
        (rel, number) ->
            assertThat(links.get(rel))
                .as(rel)
                .contains("/rtds/api/v1/audit?")
                .containsPattern("[?&]page=" + number + "(&|$)")
                .contains("type=patient-read")
                .contains("size=1"));
  }

  @Test
  void tablesAreJsonUnlessTheCallerAsksForCsv() throws Exception {
    HttpResponse<String> json = send(admin("api/v1/audit?size=2"));
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    HttpResponse<String> any = send(admin("api/v1/audit?size=2").header("Accept", "*/*"));
    assertThat(any.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    HttpResponse<String> csv = send(admin("api/v1/audit?size=2").header("Accept", "text/csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    String[] lines = csv.body().split("\n");
    assertThat(lines[0]).startsWith("id,time_utc,event_id,event_type,action,outcome,username");
    assertThat(lines).hasSize(3);
    HttpResponse<String> patients =
        send(admin("api/v1/patients?q=nobody-is-called-this").header("Accept", "text/csv"));
    assertThat(patients.body())
        .isEqualTo("id,patient_id,patient_name,birth_date,sex,studies,last_received_at\n");

    HttpResponse<String> notTabular = send(admin("api/v1/me").header("Accept", "text/csv"));
    assertThat(notTabular.statusCode()).isEqualTo(406);
    assertThat(notTabular.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
  }

  @Test
  void crossOriginAccessOnlyForConfiguredOriginsAndNeverWithoutAnAccount() throws Exception {
    HttpResponse<String> preflight =
        send(
            request("api/v1/patients")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", VIEWER)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(VIEWER);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(h -> assertThat(h).contains("Authorization"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

    HttpResponse<String> stranger =
        send(
            request("dicomweb/studies")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET"));
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(stranger.body()).contains("https://evil.example.com");
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> read = send(admin("api/v1/me").header("Origin", VIEWER));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(VIEWER);
    assertThat(read.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(h -> assertThat(h).contains("ETag").contains("Link"));
    HttpResponse<String> foreign =
        send(admin("api/v1/me").header("Origin", "https://evil.example.com"));
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // only OPTIONS is open: every other method still needs an account
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("api/v1/patients", "api/v1/admin/users", "dicomweb/studies")) {
        HttpResponse<String> anonymous =
            send(
                request(path)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .header("Origin", VIEWER));
        assertThat(anonymous.statusCode()).as(method + " " + path).isEqualTo(401);
      }
    }
    HttpResponse<String> head =
        send(request("api/v1/patients").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenOverItsRateGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
    String token = token("rate-limited");
    String other = token("neighbour");
    HttpResponse<String> refused = null;
    for (int i = 0; i < 2 * 300 + 2 && refused == null; i++) {
      HttpResponse<String> r = send(bearer("api/v1/me", token));
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
    }
    assertThat(refused).as("no 429 after 601 requests with a limit of 300 a minute").isNotNull();
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("RTDS_TOKEN_RATE_LIMIT");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(send(bearer("api/v1/me", other)).statusCode()).isEqualTo(200);
    assertThat(send(admin("api/v1/me")).statusCode()).isEqualTo(200);
    List<List<String>> rows =
        ApplicationWiringIT.query(
            "SELECT requests FROM `" + DB + "`.rtds_api_rate ORDER BY requests DESC LIMIT 1");
    assertThat(Integer.parseInt(rows.get(0).get(0))).isGreaterThan(300);
  }

  @Test
  void invalidBodiesAre400NamingEveryFieldAndMalformedJsonSaysWhere() throws Exception {
    HttpResponse<String> invalid =
        send(
            admin("api/v1/admin/tokens")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"name\":\" \",\"days\":0}")));
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    String detail =
        Json.createReader(new StringReader(invalid.body())).readObject().getString("detail");
    assertThat(detail).contains("days: ").contains("name: ").doesNotContain("arg0");

    HttpResponse<String> malformed =
        send(
            admin("api/v1/admin/tokens")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": ")));
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.body()).contains("not JSON this operation reads");

    HttpResponse<String> wrongType =
        send(
            admin("api/v1/admin/tokens")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"name\":\"x\",\"days\":\"many\"}")));
    assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
    assertThat(wrongType.body()).contains("days");
  }

  private String token(String name) throws Exception {
    HttpResponse<String> made =
        send(
            request("api/v1/admin/tokens")
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"name\":\"" + name + "\",\"days\":1}")));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return Json.createReader(new StringReader(made.body())).readObject().getString("token");
  }

  private HttpRequest.Builder request(String path) throws Exception {
    URI uri = base.toURI().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }

  private HttpRequest.Builder admin(String path) throws Exception {
    return request(path).header("Authorization", basic("admin", ADMIN_PASSWORD));
  }

  private HttpRequest.Builder bearer(String path, String token) throws Exception {
    return request(path).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

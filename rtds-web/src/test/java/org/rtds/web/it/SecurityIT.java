package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rtds.security.control.DjangoPasswordHasher;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * Hospitals, permissions and legacy Django accounts against the running application: a legacy dsrt
 * database with two hospitals' users, groups and patients (rtds-domain's sql/legacy-django-dsrt.sql
 * plus sql/legacy-two-hospitals.sql) is adopted at deployment; then every user logs in with the
 * hash Django made for it and sees exactly its hospital's patients.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  private static final String DB = ApplicationWiringIT.DB;
  private static final String HORSE = "correct horse battery staple";
  private static final String UNICODE = "Jürgen-Müller 2017 ☢";
  private static final String AUDITOR = "auditor-password-1";

  @ArquillianResource URL base;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment
  static WebArchive deployment() throws SQLException, IOException {
    String account = "'" + ApplicationWiringIT.DB_USER + "'@'%'";
    String local = "'" + ApplicationWiringIT.DB_USER + "'@'localhost'";
    ApplicationWiringIT.database(
        "DROP DATABASE IF EXISTS `" + DB + "`",
        "CREATE DATABASE `" + DB + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        "CREATE USER IF NOT EXISTS "
            + account
            + " IDENTIFIED BY '"
            + ApplicationWiringIT.DB_PASSWORD
            + "'",
        "CREATE USER IF NOT EXISTS "
            + local
            + " IDENTIFIED BY '"
            + ApplicationWiringIT.DB_PASSWORD
            + "'",
        "GRANT ALL PRIVILEGES ON `" + DB + "`.* TO " + account,
        "GRANT ALL PRIVILEGES ON `" + DB + "`.* TO " + local);
    try (Connection c = legacyConnection();
        Statement s = c.createStatement()) {
      s.execute(resource("sql/legacy-django-dsrt.sql"));
      s.execute(resource("sql/legacy-two-hospitals.sql"));
    }
    return DeploymentBuilder.rtdsWar(SecurityIT.class, DeploymentBuilder.class);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (System.getProperty("payara.microJar") == null) {
      return; // inside the container: the client JVM drops it
    }
    ApplicationWiringIT.database(
        "DROP DATABASE IF EXISTS `" + DB + "`",
        "DROP USER IF EXISTS '" + ApplicationWiringIT.DB_USER + "'@'%'",
        "DROP USER IF EXISTS '" + ApplicationWiringIT.DB_USER + "'@'localhost'");
  }

  @BeforeEach
  void ready() throws Exception {
    new RtdsHttp(base).awaitReady();
  }

  @Test
  void afterAdoptionEachUserSeesExactlyItsHospitalsPatients() throws Exception {
    // UCLA: jdoe (legacy 'UCLA doctors': change_patient) and ucla2 (profile ' ucla ')
    assertThat(patientNames("jdoe", HORSE)).containsExactly("Lee^Second_Patient", "Müller^Hans");
    assertThat(patientNames("ucla2", UNICODE)).containsExactly("Lee^Second_Patient", "Müller^Hans");
    // TUM: tum1 through a legacy view_patient of another app label
    assertThat(patientNames("tum1", HORSE))
        .containsExactly("<script>alert(1)</script>", "Schmidt^Anna");
    // the first administrator (superuser) sees every hospital's (and what other tests sent)
    assertThat(patientNames("admin", ApplicationWiringIT.ADMIN_PASSWORD))
        .contains(
            "UCLA_PR_5",
            "Müller^Hans",
            "Schmidt^Anna",
            "Lee^Second_Patient",
            "<script>alert(1)</script>");
  }

  @Test
  void anotherHospitalsPatientAndStudyAreNotFound() throws Exception {
    HttpResponse<String> own = get("api/v1/patients/3", "tum1", HORSE);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    JsonObject patient = Json.createReader(new StringReader(own.body())).readObject();
    assertThat(patient.getString("patientName")).isEqualTo("Schmidt^Anna");
    assertThat(patient.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid"))
        .isEqualTo("1.2.826.0.1.3680043.8.498.3");

    HttpResponse<String> other = get("api/v1/patients/4", "tum1", HORSE);
    HttpResponse<String> none = get("api/v1/patients/999999", "tum1", HORSE);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Lee");
    assertThat(get("api/v1/patients/abc", "tum1", HORSE).statusCode()).isEqualTo(404);

    assertThat(get("api/v1/studies/1.2.826.0.1.3680043.8.498.4", "tum1", HORSE).statusCode())
        .isEqualTo(404);
    // a colleague's study (ucla2 sent it) is the hospital's
    HttpResponse<String> colleague =
        get("api/v1/studies/1.2.826.0.1.3680043.8.498.4", "jdoe", HORSE);
    assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);
  }

  /**
   * ARCHITECTURE D51: a signed-in page reads the API with its session only when it says so in
   * {@code X-RTDS-Session: page} (which another site cannot send without a CORS preflight RTDS does
   * not grant); the cookie alone opens nothing, and nothing but GET and HEAD is done with it.
   */
  @Test
  void theSessionCookieReadsTheApiOnlyWithThePageHeaderAndNeverWrites() throws Exception {
    HttpClient browser = FormLogin.browser();
    FormLogin.signIn(browser, base.toURI(), "tum1", HORSE);
    URI patient = base.toURI().resolve("api/v1/patients/3");

    HttpResponse<String> cookieOnly = withSession(browser, patient, null, null);
    assertThat(cookieOnly.statusCode()).as(cookieOnly.body()).isEqualTo(401);
    HttpResponse<String> page = withSession(browser, patient, "page", null);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Schmidt^Anna");
    assertThat(withSession(browser, patient, "yes", null).statusCode()).isEqualTo(401);
    HttpResponse<String> write =
        withSession(browser, base.toURI().resolve("api/v1/constraints"), "page", "{}");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(401);

    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(base.toURI().resolve("index.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    FormLogin.signOut(browser, base.toURI(), home.body());
    assertThat(withSession(browser, patient, "page", null).statusCode()).isEqualTo(401);
  }

  /** An API request with the signed-in browser's cookie, the page header's value and a body. */
  private static HttpResponse<String> withSession(
      HttpClient browser, URI target, String pageHeader, String jsonBody) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target).header("Accept", "application/json");
    if (pageHeader != null) {
      request.header("X-RTDS-Session", pageHeader);
    }
    if (jsonBody != null) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void legacyDjangoHashesLogInAndAreUpgradedToPbkdf2Sha256() throws Exception {
    for (String[] user :
        new String[][] {
          {"jdoe", HORSE, "pbkdf2_sha1$"},
          {"ucla2", UNICODE, "argon2$argon2id$"},
          {"tum1", HORSE, "bcrypt_sha256$"},
          {"tum2", "p", "bcrypt$"},
          {"reader", HORSE, "argon2$argon2i$"}
        }) {
      String before = password(user[0]);
      HttpResponse<String> me = get("api/v1/me", user[0], user[1]);
      assertThat(me.statusCode()).as(user[0] + ": " + me.body()).isEqualTo(200);
      String after = password(user[0]);
      if (before.startsWith(user[2])) {
        // the first login in this run: the hash is replaced by today's Django default
        assertThat(after)
            .as(user[0])
            .startsWith("pbkdf2_sha256$" + DjangoPasswordHasher.DEFAULT_ITERATIONS + "$");
      }
      assertThat(new DjangoPasswordHasher().verify(user[1].toCharArray(), after)).isTrue();
      assertThat(get("api/v1/me", user[0], user[1] + "x").statusCode()).isEqualTo(401);
    }
    // inactive, with an unusable password
    assertThat(get("api/v1/me", "former", "anything").statusCode()).isEqualTo(401);
  }

  @Test
  void meShowsTheHospitalGroupsAndPermissions() throws Exception {
    JsonObject tum1 = json(get("api/v1/me", "tum1", HORSE));
    assertThat(tum1.getString("hospital")).isEqualTo("TUM");
    assertThat(strings(tum1.getJsonArray("groups"))).containsExactly("TUM doctors");
    assertThat(strings(tum1.getJsonArray("roles"))).containsExactly("user", "view_patient");

    JsonObject ucla2 = json(get("api/v1/me", "ucla2", UNICODE));
    assertThat(ucla2.getString("hospital")).isEqualTo("ucla");
    assertThat(strings(ucla2.getJsonArray("roles")))
        .containsExactlyInAnyOrder("user", "view_patient", "add_instance");

    JsonObject admin = json(get("api/v1/me", "admin", ApplicationWiringIT.ADMIN_PASSWORD));
    assertThat(strings(admin.getJsonArray("roles")))
        .contains("admin", "view_patient", "view_knowledgebase", "view_auditevent");
  }

  @Test
  void accountsWithoutThePermissionAreRefused() throws Exception {
    // tum2: an account of TUM without any group or permission
    for (String path :
        List.of(
            "api/v1/patients",
            "api/v1/patients/3",
            "api/v1/studies/1.2.826.0.1.3680043.8.498.3",
            "api/v1/studies/1.2.826.0.1.3680043.8.498.3/similar",
            "api/v1/features",
            "api/v1/system")) {
      HttpResponse<String> r = get(path, "tum2", "p");
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
    assertThat(get("api/v1/me", "tum2", "p").statusCode()).isEqualTo(200);
    assertThat(get("api/v1/constraints", "tum2", "p").statusCode()).isEqualTo(200);
    assertThat(post("api/v1/instances", "tum2", "p").statusCode()).isEqualTo(403);
    HttpResponse<String> stow = post("dicomweb/studies", "tum2", "p");
    assertThat(stow.statusCode()).as(stow.body()).isEqualTo(403);
    assertThat(stow.body()).contains("add_instance");

    // tum1 may see patients but neither use the knowledge base nor send objects
    assertThat(
            get("api/v1/studies/1.2.826.0.1.3680043.8.498.3/similar", "tum1", HORSE).statusCode())
        .isEqualTo(403);
    assertThat(post("api/v1/instances", "tum1", HORSE).statusCode()).isEqualTo(403);

    // a member of the V10 job role 'RTDS read-only' of UCLA: sees UCLA's patients, sends nothing
    ApplicationWiringIT.database(
        "INSERT IGNORE INTO `"
            + DB
            + "`.auth_user_groups (user_id, group_id) SELECT u.id, g.id FROM `"
            + DB
            + "`.auth_user u, `"
            + DB
            + "`.auth_group g WHERE u.username = 'reader' AND g.name = 'RTDS read-only'");
    assertThat(patientNames("reader", HORSE)).containsExactly("Lee^Second_Patient", "Müller^Hans");
    assertThat(post("api/v1/instances", "reader", HORSE).statusCode()).isEqualTo(403);
  }

  @Test
  void filtersAreParametersNotQueryText() throws Exception {
    // SQL/JPQL in the search text is searched for literally and never leaves the hospital
    for (String q : List.of("' OR '1'='1", "%' OR 1=1 -- ", "\") or (1=1", "%", "_")) {
      HttpResponse<String> r =
          get("api/v1/patients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "tum1", HORSE);
      assertThat(r.statusCode()).as(q).isEqualTo(200);
      assertThat(names(json(r))).as(q).isEmpty();
    }
    assertThat(names(json(get("api/v1/patients?q=schmidt", "tum1", HORSE))))
        .containsExactly("Schmidt^Anna");
    assertThat(names(json(get("api/v1/patients?q=second_p", "jdoe", HORSE))))
        .containsExactly("Lee^Second_Patient");
    for (String bad : List.of("page=0", "page=x", "size=0", "size=501", "size=1e3")) {
      HttpResponse<String> r = get("api/v1/patients?" + bad, "tum1", HORSE);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains("must be a whole number");
    }
    JsonObject page = json(get("api/v1/patients?size=1&page=2", "tum1", HORSE));
    assertThat(page.getInt("total")).isEqualTo(2);
    assertThat(names(page)).containsExactly("Schmidt^Anna");
    assertThat(page.getInt("page")).isEqualTo(2);

    // the audit trail's filters compare whole values as parameters: an injection finds nothing,
    // while the plain value it wraps does
    auditorAccount();
    String admin = ApplicationWiringIT.ADMIN_PASSWORD;
    assertThat(get("api/v1/patients", "tum1", HORSE).statusCode()).isEqualTo(200);
    assertThat(auditTotal("user=tum1")).isPositive();
    assertThat(auditTotal("type=patient-read")).isPositive();
    String address =
        json(get("api/v1/audit?user=tum1&size=1", "auditor", AUDITOR))
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("sourceAddress");
    assertThat(auditTotal("address=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
        .isPositive();
    for (String attack :
        List.of(
            "' OR '1'='1",
            "tum1' -- ",
            "tum1' OR 1=1 #",
            "x' UNION SELECT username FROM auth_user -- ",
            "e.username or 1=1",
            "%",
            "\\' OR 1=1")) {
      String value = URLEncoder.encode(attack, StandardCharsets.UTF_8);
      for (String filter : List.of("user", "study", "type", "address")) {
        assertThat(auditTotal(filter + "=" + value)).as(filter + "=" + attack).isZero();
      }
      // the accounts search is a LIKE whose wildcards are literal
      HttpResponse<String> users = get("api/v1/admin/users?q=" + value, "admin", admin);
      assertThat(users.statusCode()).as(attack).isEqualTo(200);
      assertThat(users.body()).as(attack).isEqualTo("[]");
    }
    for (String bad : List.of("patient=1 OR 1=1", "outcome=0 OR 1=1", "from=2026-01-01' OR '1")) {
      HttpResponse<String> r =
          get("api/v1/audit?" + bad.replace(" ", "%20").replace("'", "%27"), "auditor", AUDITOR);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(get("api/v1/admin/users?q=tum", "admin", admin).body())
        .contains("\"tum1\"")
        .doesNotContain("jdoe");
  }

  /** The account "auditor" (RTDS auditors), made by the first test that needs it. */
  private static void auditorAccount() throws SQLException {
    try (Connection c = legacyConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from auth_user where username = 'auditor'")) {
      r.next();
      if (r.getInt(1) > 0) {
        return;
      }
    }
    ApplicationWiringIT.createAccount("auditor", AUDITOR, "RTDS auditors", null);
  }

  private int auditTotal(String filter) throws Exception {
    return json(get("api/v1/audit?" + filter, "auditor", AUDITOR)).getInt("total");
  }

  @Test
  void apiTokensActWithinTheirScopeUntilRevokedOrExpired() throws Exception {
    String admin = basic("admin", ApplicationWiringIT.ADMIN_PASSWORD);
    HttpResponse<String> made =
        send(
            "POST",
            "api/v1/admin/tokens",
            admin,
            "{\"username\": \"ucla2\", \"name\": \"TPS export\","
                + " \"scope\": \"view_patient\", \"days\": 30}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonObject created = Json.createReader(new StringReader(made.body())).readObject();
    String token = created.getString("token");
    assertThat(token).matches("rtds_[0-9A-Za-z]{43}");
    int id = created.getJsonObject("view").getInt("id");

    // the token reads UCLA's patients as ucla2 would, but only what its scope allows
    HttpResponse<String> patients = send("GET", "api/v1/patients", "Bearer " + token, null);
    assertThat(names(json(patients))).containsExactly("Lee^Second_Patient", "Müller^Hans");
    assertThat(
            strings(json(send("GET", "api/v1/me", "Bearer " + token, null)).getJsonArray("roles")))
        .containsExactly("user", "view_patient");
    assertThat(send("POST", "api/v1/instances", "Bearer " + token, "x").statusCode())
        .isEqualTo(403);

    // listed without the token itself
    HttpResponse<String> list = send("GET", "api/v1/admin/tokens", admin, null);
    assertThat(list.body())
        .contains("TPS export")
        .contains(token.substring(0, 12))
        .doesNotContain(token);
    assertThat(send("GET", "api/v1/admin/tokens", "Bearer " + token, null).statusCode())
        .isEqualTo(403);

    // revoked: refused at once, saying why
    assertThat(send("DELETE", "api/v1/admin/tokens/" + id, admin, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> revoked = send("GET", "api/v1/patients", "Bearer " + token, null);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("revoked");
    assertThat(revoked.headers().allValues("WWW-Authenticate"))
        .as("RFC 6750: the presented token is named invalid")
        .contains("Bearer realm=\"RTDS\", error=\"invalid_token\"");

    // expired: a second token whose expiry has passed
    JsonObject second =
        Json.createReader(
                new StringReader(
                    send(
                            "POST",
                            "api/v1/admin/tokens",
                            admin,
                            "{\"username\": \"tum1\", \"name\": \"short\"}")
                        .body()))
            .readObject();
    String secondToken = second.getString("token");
    assertThat(send("GET", "api/v1/patients", "Bearer " + secondToken, null).statusCode())
        .isEqualTo(200);
    ApplicationWiringIT.database(
        "UPDATE `"
            + DB
            + "`.rtds_api_token SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE"
            + " WHERE id = "
            + second.getJsonObject("view").getInt("id"));
    HttpResponse<String> expired = send("GET", "api/v1/patients", "Bearer " + secondToken, null);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");

    // unknown and malformed tokens; a superuser's token never administers
    assertThat(send("GET", "api/v1/me", "Bearer rtds_" + "A".repeat(43), null).body())
        .contains("unknown API token");
    assertThat(send("GET", "api/v1/me", "Bearer nonsense", null).body()).contains("malformed");
    String adminToken =
        Json.createReader(
                new StringReader(
                    send(
                            "POST",
                            "api/v1/admin/tokens",
                            admin,
                            "{\"username\": \"admin\", \"name\": \"automation\"}")
                        .body()))
            .readObject()
            .getString("token");
    assertThat(send("GET", "api/v1/system", "Bearer " + adminToken, null).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "api/v1/patients", "Bearer " + adminToken, null).statusCode())
        .isEqualTo(200);

    // bad requests say what was wrong
    for (String bad :
        List.of(
            "{\"username\": \"nobody\", \"name\": \"x\"}",
            "{\"username\": \"tum1\", \"name\": \"\"}",
            "{\"username\": \"tum1\", \"name\": \"x\", \"days\": 0}",
            "{\"username\": \"tum1\", \"name\": \"x\", \"scope\": \"drop_table\"}")) {
      HttpResponse<String> r = send("POST", "api/v1/admin/tokens", admin, bad);
      assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
    }
  }

  @Test
  void repeatedFailedLoginsAreThrottledPerAccountAndAddressAndTheThrottleExpires()
      throws Exception {
    ApplicationWiringIT.createAccount("lockme", "lockme-password-1", "RTDS read-only", "UCLA");
    for (int i = 0; i < 5; i++) {
      assertThat(get("api/v1/me", "lockme", "wrong-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = get("api/v1/me", "lockme", "lockme-password-1");
    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
    assertThat(locked.body()).contains("too many failed logins");
    // other accounts from the same address are not locked out
    assertThat(get("api/v1/me", "tum1", HORSE).statusCode()).isEqualTo(200);
    // the throttle ends by itself once the failures are older than the window
    ApplicationWiringIT.database(
        "UPDATE `"
            + DB
            + "`.rtds_audit_event SET event_time = event_time - INTERVAL 16 MINUTE"
            + " WHERE username = 'lockme'");
    assertThat(get("api/v1/me", "lockme", "lockme-password-1").statusCode()).isEqualTo(200);
  }

  @Test
  void theAuditTrailRecordsReadsLoginsAndRefusalsForAuditorsOnly() throws Exception {
    get("api/v1/patients/3", "tum1", HORSE);
    get("api/v1/patients/4", "tum1", HORSE);
    get("api/v1/me", "tum1", "not-the-password");
    // the pages' reads too (D54): a patient page, and another hospital's study (404)
    HttpClient pages = FormLogin.browser();
    FormLogin.signIn(pages, base.toURI(), "tum1", HORSE);
    for (String page :
        List.of("patient.xhtml?id=3", "study.xhtml?uid=1.2.826.0.1.3680043.8.498.4")) {
      pages.send(
          HttpRequest.newBuilder(base.toURI().resolve(page)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    auditorAccount();

    assertThat(get("api/v1/audit", "tum1", HORSE).statusCode()).isEqualTo(403);
    JsonObject reads = json(get("api/v1/audit?user=tum1&type=patient-read", "auditor", AUDITOR));
    List<JsonObject> entries = reads.getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.getInt("patientId")).isEqualTo(3);
              assertThat(e.getInt("outcome")).isZero();
              assertThat(e.getString("hospital")).isEqualTo("TUM");
              assertThat(e.getString("request")).isEqualTo("GET /rtds/api/v1/patients/3");
              assertThat(e.getString("eventId")).isEqualTo("Patient Record");
            })
        .anySatisfy(
            e -> {
              // another hospital's patient: refused, and recorded as refused
              assertThat(e.getInt("patientId")).isEqualTo(4);
              assertThat(e.getInt("outcome")).isEqualTo(4);
            });
    assertThat(reads.toString()).doesNotContain("Schmidt").doesNotContain("Lee^");
    JsonObject pageReads =
        json(get("api/v1/audit?user=tum1&type=patient-page", "auditor", AUDITOR));
    assertThat(pageReads.getJsonArray("items").getValuesAs(JsonObject.class))
        .anySatisfy(
            e -> {
              assertThat(e.getInt("patientId")).isEqualTo(3);
              assertThat(e.getInt("outcome")).isZero();
              assertThat(e.getString("eventId")).isEqualTo("Patient Record");
              assertThat(e.getString("request")).isEqualTo("GET /rtds/patient.xhtml?id=3");
            });
    JsonObject refusedPage =
        json(get("api/v1/audit?user=tum1&type=study-page", "auditor", AUDITOR));
    assertThat(refusedPage.getJsonArray("items").getValuesAs(JsonObject.class))
        .anySatisfy(
            e -> {
              assertThat(e.getString("request")).endsWith("uid=1.2.826.0.1.3680043.8.498.4");
              assertThat(e.getInt("outcome")).isEqualTo(4);
            });

    JsonObject failures =
        json(get("api/v1/audit?user=tum1&type=login&outcome=4", "auditor", AUDITOR));
    assertThat(failures.getInt("total")).isPositive();
    assertThat(failures.toString()).doesNotContain("not-the-password");

    HttpResponse<String> csv = get("api/v1/audit?user=tum1", "auditor", AUDITOR, "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("id,time_utc,event_id,event_type,action,outcome,username");
    assertThat(csv.body()).contains(",patient-read,R,0,tum1,TUM,");
    // reading the trail is in the trail
    assertThat(
            json(get("api/v1/audit?user=auditor&type=audit-read", "auditor", AUDITOR))
                .getInt("total"))
        .isPositive();
    assertThat(get("api/v1/audit?from=yesterday", "auditor", AUDITOR).statusCode()).isEqualTo(400);

    // DICOM sent into this adopted legacy database: every stored object is in the trail
    HttpResponse<String> sent =
        client.send(
            HttpRequest.newBuilder(base.toURI().resolve("api/v1/instances"))
                .header("Authorization", basic("admin", ApplicationWiringIT.ADMIN_PASSWORD))
                .header("Content-Type", "application/dicom")
                .POST(
                    HttpRequest.BodyPublishers.ofFile(
                        IngestionIT.dataDir().resolve("pydicom-rt").resolve("CT_small.dcm")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).contains("STORED");
    assertThat(auditTotal("user=admin&type=instance-create")).isPositive();
  }

  @Test
  void aPlanSentIntoTheAdoptedDatabaseIsStoredComputedAndSharedWithinItsHospital()
      throws Exception {
    // Django made patients.EnthicGroup, studies.StudyDate, rt_dose.DoseSummationType, ... NOT NULL;
    // V12 relaxed them, so a real plan without Ethnic Group is stored as it is (NULL, not '')
    ApplicationWiringIT.createAccount("charite1", HORSE, "RTDS dosimetrists", "Charité");
    ApplicationWiringIT.createAccount("charite2", HORSE, "RTDS read-only", "charité ");
    Path folder = Files.createTempDirectory("rtds-security-plan");
    try {
      StudyManifest plan = ClinicalStudy.write(folder, KnowledgeBaseIT.tenthOfTheData(41));
      RtdsHttp sender = new RtdsHttp(base, "charite1", HORSE);
      JsonArray stored = sender.upload(plan.allFiles().stream().map(DicomFile::path).toList());
      assertThat(stored.getValuesAs(JsonObject.class))
          .hasSize(plan.allFiles().size())
          .allSatisfy(o -> assertThat(o.getString("status")).as(o.toString()).isEqualTo("STORED"));
      JsonObject features = sender.awaitFeatures(plan.studyInstanceUid());
      assertThat(features.getString("status")).as(features.toString()).isEqualTo("DONE");

      try (Connection c = legacyConnection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "select p.EnthicGroup, p.PatientName from patients p join studies s on"
                      + " s.fk_patient_id_id = p.id where s.StudyInstanceUID = '"
                      + plan.studyInstanceUid()
                      + "'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isNull();
        String name = r.getString(2);
        // the hospital's colleague sees it, the other hospitals do not
        assertThat(patientNames("charite2", HORSE)).containsExactly(name);
        assertThat(patientNames("jdoe", HORSE)).doesNotContain(name);
        assertThat(patientNames("tum1", HORSE)).doesNotContain(name);
      }
      assertThat(get("api/v1/studies/" + plan.studyInstanceUid(), "charite2", HORSE).statusCode())
          .isEqualTo(200);
      assertThat(get("api/v1/studies/" + plan.studyInstanceUid(), "jdoe", HORSE).statusCode())
          .isEqualTo(404);

      // WADO-RS: the colleague retrieves the study, each object as it was sent; others cannot
      HttpResponse<byte[]> whole =
          retrieve("dicomweb/studies/" + plan.studyInstanceUid(), "charite2", "*/*");
      assertThat(whole.statusCode()).isEqualTo(200);
      String wholeText = new String(whole.body(), StandardCharsets.ISO_8859_1);
      assertThat(wholeText.split("Content-Type: application/dicom", -1))
          .hasSize(plan.allFiles().size() + 1);
      DicomFile slice = plan.ctImages().get(0);
      HttpResponse<byte[]> one =
          retrieve(
              "dicomweb/studies/"
                  + plan.studyInstanceUid()
                  + "/series/"
                  + slice.seriesInstanceUid()
                  + "/instances/"
                  + slice.sopInstanceUid(),
              "charite2",
              "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
      assertThat(one.headers().firstValue("Content-Type").orElse(""))
          .startsWith("multipart/related; type=\"application/dicom\"; boundary=");
      assertThat(new String(one.body(), StandardCharsets.ISO_8859_1))
          .contains(
              new String(
                  java.nio.file.Files.readAllBytes(slice.path()), StandardCharsets.ISO_8859_1))
          .contains("transfer-syntax=" + slice.transferSyntaxUid());
      assertThat(
              retrieve("dicomweb/studies/" + plan.studyInstanceUid(), "jdoe", "*/*").statusCode())
          .isEqualTo(404);
      // bulk data: the CT's pixels (256 × 256 × 2 bytes, too large to inline) by their URI
      String sliceUrl =
          "dicomweb/studies/"
              + plan.studyInstanceUid()
              + "/series/"
              + slice.seriesInstanceUid()
              + "/instances/"
              + slice.sopInstanceUid();
      JsonObject sliceMetadata =
          Json.createReader(
                  new StringReader(
                      new String(
                          retrieve(sliceUrl + "/metadata", "charite2", "application/dicom+json")
                              .body(),
                          StandardCharsets.UTF_8)))
              .readArray()
              .getJsonObject(0);
      String bulk = sliceMetadata.getJsonObject("7FE00010").getString("BulkDataURI");
      assertThat(bulk).endsWith(sliceUrl + "/bulkdata/7FE00010").startsWith("http");
      HttpResponse<byte[]> pixels =
          retrieve(
              bulk.substring(bulk.indexOf("dicomweb/")),
              "charite2",
              "multipart/related; type=\"application/octet-stream\"");
      assertThat(pixels.statusCode()).isEqualTo(200);
      assertThat(pixels.headers().firstValue("Content-Type").orElse(""))
          .startsWith("multipart/related; type=\"application/octet-stream\"; boundary=");
      int rows = sliceMetadata.getJsonObject("00280010").getJsonArray("Value").getInt(0);
      int columns = sliceMetadata.getJsonObject("00280011").getJsonArray("Value").getInt(0);
      assertThat(new String(pixels.body(), StandardCharsets.ISO_8859_1))
          .contains("Content-Length: " + rows * columns * 2 + "\r\n");
      assertThat(pixels.body().length).isGreaterThan(rows * columns * 2);
      assertThat(retrieve(bulk.substring(bulk.indexOf("dicomweb/")), "jdoe", "*/*").statusCode())
          .isEqualTo(404);
      assertThat(retrieve(sliceUrl + "/bulkdata/00280010", "charite2", "*/*").statusCode())
          .isEqualTo(404);

      // metadata: the structure set's attributes as DICOM JSON, sequences and numbers typed
      DicomFile structures = plan.structureSet();
      HttpResponse<byte[]> metadata =
          retrieve(
              "dicomweb/studies/"
                  + plan.studyInstanceUid()
                  + "/series/"
                  + structures.seriesInstanceUid()
                  + "/instances/"
                  + structures.sopInstanceUid()
                  + "/metadata",
              "charite2",
              "application/dicom+json");
      assertThat(metadata.statusCode()).isEqualTo(200);
      JsonArray described =
          Json.createReader(new StringReader(new String(metadata.body(), StandardCharsets.UTF_8)))
              .readArray();
      assertThat(described).hasSize(1);
      JsonObject rtstruct = described.getJsonObject(0);
      assertThat(rtstruct.getJsonObject("00080018").getJsonArray("Value").getString(0))
          .isEqualTo(structures.sopInstanceUid());
      assertThat(rtstruct.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0))
          .containsKey("Alphabetic");
      JsonObject firstContour =
          rtstruct
              .getJsonObject("30060039")
              .getJsonArray("Value")
              .getJsonObject(0)
              .getJsonObject("30060040")
              .getJsonArray("Value")
              .getJsonObject(0);
      assertThat(firstContour.getJsonObject("30060050").getString("vr")).isEqualTo("DS");
      assertThat(firstContour.getJsonObject("30060050").getJsonArray("Value").get(0))
          .isInstanceOf(jakarta.json.JsonNumber.class);
      assertThat(
              retrieve(
                      "dicomweb/studies/" + plan.studyInstanceUid() + "/metadata",
                      "charite2",
                      "application/json")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              retrieve(
                      "dicomweb/studies/" + plan.studyInstanceUid(),
                      "charite2",
                      "multipart/related; type=\"application/dicom+xml\"")
                  .statusCode())
          .isEqualTo(406);
      assertThat(
              retrieve(
                      "dicomweb/studies/" + plan.studyInstanceUid(),
                      "charite2",
                      "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50")
                  .statusCode())
          .as("no transcoding")
          .isEqualTo(406);
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void administratorsManageAccountsGroupsAndHospitalsAndDjangoSeesTheHistory() throws Exception {
    String admin = basic("admin", ApplicationWiringIT.ADMIN_PASSWORD);
    assertThat(send("GET", "api/v1/admin/users", basic("tum1", HORSE), null).statusCode())
        .isEqualTo(403);

    HttpResponse<String> made =
        send(
            "POST",
            "api/v1/admin/users",
            admin,
            "{\"username\": \"newdoc\", \"firstName\": \"Nora\", \"lastName\": \"Doc\","
                + " \"hospital\": \"TUM\", \"groups\": [\"RTDS physicians\"]}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonObject created = Json.createReader(new StringReader(made.body())).readObject();
    String password = created.getString("generatedPassword");
    int id = created.getJsonObject("user").getInt("id");
    assertThat(created.getJsonObject("user").getString("hospital")).isEqualTo("TUM");
    assertThat(patientNames("newdoc", password))
        .containsExactly("<script>alert(1)</script>", "Schmidt^Anna");
    assertThat(strings(json(get("api/v1/me", "newdoc", password)).getJsonArray("roles")))
        .containsExactly("user", "view_knowledgebase", "view_patient");

    // moved to UCLA: sees UCLA's patients at once
    HttpResponse<String> moved =
        send("PUT", "api/v1/admin/users/" + id, admin, "{\"hospital\": \"UCLA\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(patientNames("newdoc", password))
        .containsExactly("Lee^Second_Patient", "Müller^Hans");

    // the account changes its own password: the current one is checked, the new one must be good
    String change = "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}";
    assertThat(
            send(
                    "POST",
                    "api/v1/me/password",
                    basic("newdoc", password),
                    String.format(change, "wrong-password-1", "linac-beam-7-Gantry"))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> weak =
        send(
            "POST",
            "api/v1/me/password",
            basic("newdoc", password),
            String.format(change, password, "short1"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("at least 10 characters");
    assertThat(
            send(
                    "POST",
                    "api/v1/me/password",
                    basic("newdoc", password),
                    String.format(change, password, "linac-beam-7-Gantry"))
                .statusCode())
        .isEqualTo(204);
    assertThat(get("api/v1/me", "newdoc", password).statusCode()).isEqualTo(401);
    assertThat(get("api/v1/me", "newdoc", "linac-beam-7-Gantry").statusCode()).isEqualTo(200);

    // deactivated: refused at once; accounts are never deleted
    assertThat(send("PUT", "api/v1/admin/users/" + id, admin, "{\"active\": false}").statusCode())
        .isEqualTo(200);
    assertThat(get("api/v1/me", "newdoc", "linac-beam-7-Gantry").statusCode()).isEqualTo(401);

    // an administrator cannot lock itself out; bad drafts say what is wrong
    int adminId =
        Json.createReader(
                new StringReader(send("GET", "api/v1/admin/users?q=admin", admin, null).body()))
            .readArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(u -> u.getString("username").equals("admin"))
            .findFirst()
            .orElseThrow()
            .getInt("id");
    HttpResponse<String> self =
        send("PUT", "api/v1/admin/users/" + adminId, admin, "{\"active\": false}");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("your own account");
    for (String bad :
        List.of(
            "{\"username\": \"newdoc\"}",
            "{\"username\": \"bad name!\"}",
            "{\"username\": \"x2\", \"password\": \"short\"}",
            "{\"username\": \"x3\", \"groups\": [\"no such group\"]}",
            "{\"username\": \"x4\", \"hospital\": \"" + "H".repeat(31) + "\"}")) {
      HttpResponse<String> r = send("POST", "api/v1/admin/users", admin, bad);
      assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
    }
    assertThat(send("PUT", "api/v1/admin/users/999999", admin, "{}").statusCode()).isEqualTo(404);

    // groups with RTDS permissions
    HttpResponse<String> group =
        send(
            "POST",
            "api/v1/admin/groups",
            admin,
            "{\"name\": \"TUM dosimetrists\", \"permissions\": [\"view_patient\", \"add_instance\"]}");
    assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
    assertThat(group.body()).contains("add_instance").contains("view_patient");
    assertThat(
            send(
                    "POST",
                    "api/v1/admin/groups",
                    admin,
                    "{\"name\": \"x\", \"permissions\": [\"drop_table\"]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "api/v1/admin/groups", admin, null).body())
        .contains("RTDS physicists")
        .contains("change_doseconstraint")
        .contains("UCLA doctors");

    // hospitals, with their accounts and patients
    String hospitals = send("GET", "api/v1/admin/hospitals", admin, null).body();
    assertThat(hospitals)
        .containsIgnoringCase("\"name\":\"TUM\"")
        .containsIgnoringCase("\"name\":\"UCLA\"");

    // a hospital renamed: its accounts keep sharing its patients under the new name
    HttpResponse<String> renamed =
        send("PUT", "api/v1/admin/hospitals/TUM", admin, "{\"name\": \"TU Muenchen\"}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.body()).contains("\"name\":\"TU Muenchen\"").contains("\"patients\":2");
    assertThat(json(get("api/v1/me", "tum1", HORSE)).getString("hospital"))
        .isEqualTo("TU Muenchen");
    assertThat(patientNames("tum1", HORSE))
        .containsExactly("<script>alert(1)</script>", "Schmidt^Anna");
    assertThat(
            send("PUT", "api/v1/admin/hospitals/TU%20Muenchen", admin, "{\"name\": \"TUM\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send("PUT", "api/v1/admin/hospitals/Nowhere", admin, "{\"name\": \"X\"}").statusCode())
        .isEqualTo(404);

    // Django's admin history: the additions and changes, as Django's admin writes them
    try (Connection c = ApplicationWiringIT.connect();
        Statement st = c.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT l.action_flag, l.change_message, t.app_label, t.model, u.username FROM `"
                    + DB
                    + "`.django_admin_log l JOIN `"
                    + DB
                    + "`.django_content_type t ON t.id = l.content_type_id"
                    + " JOIN `"
                    + DB
                    + "`.auth_user u ON u.id = l.user_id WHERE l.object_repr = 'newdoc'"
                    + " ORDER BY l.id")) {
      List<String> rows = new java.util.ArrayList<>();
      while (r.next()) {
        rows.add(
            r.getInt(1)
                + " "
                + r.getString(2)
                + " "
                + r.getString(3)
                + "."
                + r.getString(4)
                + " by "
                + r.getString(5));
      }
      assertThat(rows)
          .containsExactly(
              "1 [{\"added\": {}}] auth.user by admin",
              "2 [{\"changed\": {\"fields\": [\"Institution\"]}}] auth.user by admin",
              "2 [{\"changed\": {\"fields\": [\"password\"]}}] auth.user by newdoc",
              "2 [{\"changed\": {\"fields\": [\"Active\"]}}] auth.user by admin");
    }
  }

  /**
   * Who may call what: every endpoint of the deployed application's OpenAPI document, every page
   * and the DICOMweb servlet × every role × own/other hospital × anonymous. An endpoint or page
   * without a rule here fails the test.
   */
  @Test
  void authorisationMatrix() throws Exception {
    Map<String, Set<String>> personas = new LinkedHashMap<>();
    personas.put("anonymous", null);
    personas.put("m_none", Set.of("user"));
    personas.put("m_read", Set.of("user", "view_patient"));
    personas.put(
        "m_phys",
        Set.of(
            "user",
            "view_patient",
            "view_knowledgebase",
            "add_instance",
            "change_doseconstraint",
            "change_featurejob"));
    personas.put("m_audit", Set.of("user", "view_auditevent"));
    personas.put("admin", Set.of("*"));
    String[][] accounts = {
      {"m_none", null},
      {"m_read", "RTDS read-only"},
      {"m_phys", "RTDS physicists"},
      {"m_audit", "RTDS auditors"}
    };
    for (String[] a : accounts) {
      ApplicationWiringIT.createAccount(a[0], a[0] + "-password-1", a[1], "UCLA");
    }

    // the rules: "METHOD path" -> roles needed (all of them), and whether the path names one
    // hospital's patient or study
    Map<String, Rule> rules = new LinkedHashMap<>();
    rules.put("GET /api/v1/me", new Rule(Scope.NONE, "user"));
    rules.put("POST /api/v1/me/password", new Rule(Scope.NONE, "user"));
    rules.put("GET /api/v1/patients", new Rule(Scope.NONE, "view_patient"));
    rules.put("GET /api/v1/patients/{id}", new Rule(Scope.PATIENT, "view_patient"));
    for (String sub :
        List.of(
            "",
            "/series/{seriesUid}",
            "/rois",
            "/dvhs",
            "/dvhs/{roiNumber}",
            "/isodoses/{ctSopInstanceUid}",
            "/ct",
            "/ct/{ctSopInstanceUid}",
            "/contours",
            "/dose",
            "/constraints",
            "/ovh",
            "/sts")) {
      rules.put("GET /api/v1/studies/{uid}" + sub, new Rule(Scope.STUDY, "view_patient"));
    }
    for (String sub : List.of("/similar", "/qc", "/similar/dvh-band")) {
      rules.put(
          "GET /api/v1/studies/{uid}" + sub,
          new Rule(Scope.STUDY, "view_patient", "view_knowledgebase"));
    }
    rules.put("GET /api/v1/constraints", new Rule(Scope.NONE, "user"));
    rules.put("POST /api/v1/constraints", new Rule(Scope.NONE, "change_doseconstraint"));
    rules.put("PUT /api/v1/constraints/{id}", new Rule(Scope.NONE, "change_doseconstraint"));
    rules.put("DELETE /api/v1/constraints/{id}", new Rule(Scope.NONE, "change_doseconstraint"));
    rules.put("GET /api/v1/features", new Rule(Scope.NONE, "change_featurejob"));
    rules.put("POST /api/v1/features/recompute", new Rule(Scope.NONE, "admin"));
    rules.put("POST /api/v1/instances", new Rule(Scope.NONE, "add_instance"));
    rules.put("GET /api/v1/system", new Rule(Scope.NONE, "admin"));
    rules.put("GET /api/v1/audit", new Rule(Scope.NONE, "view_auditevent"));
    for (String admin :
        List.of(
            "GET /api/v1/admin/users",
            "POST /api/v1/admin/users",
            "GET /api/v1/admin/users/{id}",
            "PUT /api/v1/admin/users/{id}",
            "POST /api/v1/admin/users/{id}/password",
            "GET /api/v1/admin/groups",
            "POST /api/v1/admin/groups",
            "PUT /api/v1/admin/groups/{id}",
            "GET /api/v1/admin/hospitals",
            "PUT /api/v1/admin/hospitals/{name}",
            "GET /api/v1/admin/permissions",
            "GET /api/v1/admin/tokens",
            "POST /api/v1/admin/tokens",
            "DELETE /api/v1/admin/tokens/{id}")) {
      rules.put(admin, new Rule(Scope.NONE, "admin"));
    }
    // outside the OpenAPI document: the DICOMweb servlet and the pages
    rules.put("POST /dicomweb/studies", new Rule(Scope.NONE, "add_instance"));
    // QIDO-RS searches (another hospital's study just matches nothing) and WADO-RS retrievals
    for (String search : QIDO_SEARCHES) {
      rules.put(search, new Rule(Scope.NONE, "view_patient"));
    }
    rules.put("GET /index.xhtml", new Rule(Scope.NONE, "user"));
    rules.put("GET /password.xhtml", new Rule(Scope.NONE, "user"));
    rules.put("GET /upload.xhtml", new Rule(Scope.NONE, "add_instance"));
    rules.put("GET /patients.xhtml", new Rule(Scope.NONE, "view_patient"));
    rules.put("GET /patient.xhtml", new Rule(Scope.NONE, "view_patient"));
    rules.put("GET /study.xhtml", new Rule(Scope.NONE, "view_patient"));
    rules.put("GET /qc.xhtml", new Rule(Scope.NONE, "view_patient"));
    rules.put("GET /similar.xhtml", new Rule(Scope.NONE, "view_patient", "view_knowledgebase"));
    rules.put("GET /login.xhtml", new Rule(Scope.NONE));
    rules.put("GET /audit.xhtml", new Rule(Scope.NONE, "view_auditevent"));
    for (String page : List.of("users", "groups", "hospitals", "tokens")) {
      rules.put("GET /admin/" + page + ".xhtml", new Rule(Scope.NONE, "admin"));
    }

    // what the deployed application serves
    JsonObject openapi =
        Json.createReader(
                new StringReader(
                    client
                        .send(
                            HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                                .header("Accept", "application/json")
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()))
            .readObject();
    List<String> served = new java.util.ArrayList<>();
    openapi
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject().keySet().stream()
                    .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                    .forEach(
                        m ->
                            served.add(
                                m.toUpperCase(java.util.Locale.ROOT)
                                    + " "
                                    + path.replaceFirst("^/rtds", ""))));
    java.nio.file.Path webapp = java.nio.file.Path.of("target/rtds-web");
    try (var pages = java.nio.file.Files.walk(webapp)) {
      pages
          .map(f -> webapp.relativize(f).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/"))
          .forEach(n -> served.add("GET /" + n));
    }
    served.add("POST /dicomweb/studies");
    served.addAll(QIDO_SEARCHES);
    assertThat(served)
        .as("every endpoint and page has a rule")
        .allSatisfy(e -> assertThat(rules).containsKey(e));
    assertThat(served)
        .as("the OpenAPI document lists the API")
        .contains("GET /api/v1/patients/{id}");

    List<String> wrong = new java.util.ArrayList<>();
    int calls = 0;
    for (String endpoint : served) {
      Rule rule = rules.get(endpoint);
      for (Map.Entry<String, Set<String>> persona : personas.entrySet()) {
        for (boolean own : rule.scope() == Scope.NONE ? List.of(true) : List.of(true, false)) {
          HttpResponse<String> r = call(endpoint, persona.getKey(), own);
          calls++;
          String expected = expected(rule, persona.getValue(), own, endpoint);
          String actual = outcome(r, endpoint);
          if (!expected.equals(actual)) {
            wrong.add(
                endpoint
                    + " as "
                    + persona.getKey()
                    + (own ? " (own hospital)" : " (other hospital)")
                    + ": expected "
                    + expected
                    + ", got "
                    + r.statusCode()
                    + " "
                    + r.body().substring(0, Math.min(160, r.body().length())));
          }
        }
      }
    }
    assertThat(wrong).as("of " + calls + " calls").isEmpty();
  }

  private static final List<String> QIDO_SEARCHES =
      List.of(
          "GET /dicomweb/studies",
          "GET /dicomweb/series",
          "GET /dicomweb/instances",
          "GET /dicomweb/studies/{uid}/series",
          "GET /dicomweb/studies/{uid}/instances",
          "GET /dicomweb/studies/{uid}/series/{uid}/instances",
          // WADO-RS retrievals (no files in this legacy database: a clear 404 when allowed)
          "GET /dicomweb/studies/{uid}",
          "GET /dicomweb/studies/{uid}/series/{uid}",
          "GET /dicomweb/studies/{uid}/series/{uid}/instances/{uid}",
          "GET /dicomweb/studies/{uid}/series/{uid}/instances/{uid}/bulkdata/7FE00010");

  @Test
  void dicomWebSearchesFindOnlyTheHospitalsStudiesAndMatchAsPs34Says() throws Exception {
    String tum3 = "1.2.826.0.1.3680043.8.498.3";
    String ucla4 = "1.2.826.0.1.3680043.8.498.4";
    String tum5 = "1.2.826.0.1.3680043.8.498.5";
    assertThat(qidoStudies("tum1", "")).containsExactly(tum5, tum3);
    assertThat(qidoStudies("jdoe", "")).contains(ucla4).doesNotContain(tum3, tum5);
    // names: wildcards, without regard to case; dates: ranges
    assertThat(qidoStudies("tum1", "?PatientName=schm*")).containsExactly(tum3);
    assertThat(qidoStudies("tum1", "?00100010=SCHMIDT%5EANNA")).containsExactly(tum3);
    assertThat(qidoStudies("tum1", "?PatientName=*")).containsExactly(tum5, tum3);
    assertThat(qidoStudies("tum1", "?StudyDate=20130101-20131231")).containsExactly(tum3);
    assertThat(qidoStudies("tum1", "?StudyDate=20150101-")).containsExactly(tum5);
    assertThat(qidoStudies("tum1", "?PatientSex=F&PatientBirthDate=-19501231"))
        .containsExactly(tum3);
    // another hospital's study matches nothing, at every level
    assertThat(qidoStudies("tum1", "?StudyInstanceUID=" + ucla4)).isEmpty();
    for (String path :
        List.of(
            "dicomweb/studies/" + ucla4 + "/series",
            "dicomweb/studies/" + ucla4 + "/instances",
            "dicomweb/series?StudyInstanceUID=" + ucla4)) {
      HttpResponse<String> r = get(path, "tum1", HORSE, "application/dicom+json");
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEqualTo("[]");
    }
    // injections are values: nothing beyond the hospital, and SQL wildcards are literal
    for (String attack :
        List.of("' OR '1'='1", "%", "_%", "*' OR 1=1 -- ", "schmidt%' or '1'='1")) {
      String value = URLEncoder.encode(attack, StandardCharsets.UTF_8);
      assertThat(qidoStudies("tum1", "?PatientName=" + value)).as(attack).isEmpty();
      assertThat(qidoStudies("tum1", "?StudyDescription=" + value)).as(attack).isEmpty();
    }
    // the answer itself: DICOM JSON with the stored attributes, markup only as a JSON string
    HttpResponse<String> one =
        get("dicomweb/studies?StudyInstanceUID=" + tum5, "tum1", HORSE, "application/dicom+json");
    assertThat(one.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/dicom+json");
    JsonObject study = Json.createReader(new StringReader(one.body())).readArray().getJsonObject(0);
    assertThat(study.getJsonObject("00081030").getJsonArray("Value").getString(0))
        .isEqualTo("<img src=x onerror=alert(2)>");
    assertThat(
            study
                .getJsonObject("00100010")
                .getJsonArray("Value")
                .getJsonObject(0)
                .getString("Alphabetic"))
        .isEqualTo("<script>alert(1)</script>");
    assertThat(study.getJsonObject("00201208").getJsonArray("Value").getInt(0)).isZero();
    assertThat(study.getJsonObject("00080050").containsKey("Value")).isFalse();
    // pages and what was ignored are said in Warning headers
    HttpResponse<String> page = get("dicomweb/studies?limit=1", "tum1", HORSE, "application/json");
    assertThat(Json.createReader(new StringReader(page.body())).readArray()).hasSize(1);
    assertThat(page.headers().allValues("Warning")).anyMatch(w -> w.contains("offset=1"));
    assertThat(
            get("dicomweb/studies?AccessionNumber=A1", "tum1", HORSE, "application/json")
                .headers()
                .allValues("Warning"))
        .anyMatch(w -> w.contains("AccessionNumber is not stored by RTDS"));
    // what cannot be meant is a 400 problem that says why; XML is not offered
    HttpResponse<String> badDate =
        get("dicomweb/studies?StudyDate=2013-05-02", "tum1", HORSE, "application/json");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("StudyDate must be a date YYYYMMDD");
    assertThat(
            get(
                    "dicomweb/studies",
                    "tum1",
                    HORSE,
                    "multipart/related; type=\"application/dicom+xml\"")
                .statusCode())
        .isEqualTo(406);
    // WADO-RS: a legacy study has no stored files; another hospital's study is not found either
    for (String uid : List.of(tum3, ucla4)) {
      HttpResponse<String> r = get("dicomweb/studies/" + uid, "tum1", HORSE, "*/*");
      assertThat(r.statusCode()).as(uid).isEqualTo(404);
      assertThat(r.body()).contains("no stored DICOM object of study " + uid);
    }
    // each search is in the audit trail
    auditorAccount();
    assertThat(auditTotal("user=tum1&type=dicomweb-query")).isPositive();
  }

  private HttpResponse<byte[]> retrieve(String path, String user, String accept) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", basic(user, HORSE))
            .header("Accept", accept)
            .timeout(Duration.ofMinutes(2))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private List<String> qidoStudies(String user, String query) throws Exception {
    HttpResponse<String> r = get("dicomweb/studies" + query, user, HORSE, "application/dicom+json");
    assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
    return Json.createReader(new StringReader(r.body())).readArray().stream()
        .map(v -> v.asJsonObject().getJsonObject("0020000D").getJsonArray("Value").getString(0))
        .toList();
  }

  private enum Scope {
    NONE,
    STUDY,
    PATIENT
  }

  private record Rule(Scope scope, String... roles) {}

  private static String expected(Rule rule, Set<String> roles, boolean own, String endpoint) {
    boolean page = endpoint.endsWith(".xhtml");
    if (rule.roles().length == 0) {
      return "allowed";
    }
    if (roles == null) {
      return page ? "sign-in" : "unauthenticated";
    }
    boolean superuser = roles.contains("*");
    for (String needed : rule.roles()) {
      if (!superuser && !roles.contains(needed)) {
        return "forbidden";
      }
    }
    return own || superuser ? "allowed" : "hidden";
  }

  /** What a response means for the matrix. */
  private static String outcome(HttpResponse<String> r, String endpoint) {
    int status = r.statusCode();
    if (status == 401) {
      return "unauthenticated";
    }
    if (status == 302 && r.headers().firstValue("Location").orElse("").contains("login.xhtml")) {
      return "sign-in";
    }
    if (status == 403) {
      return "forbidden";
    }
    if (status == 404 && r.body().contains("visible to this account")) {
      return "hidden";
    }
    return status >= 500 ? "server error " + status : "allowed";
  }

  private HttpResponse<String> call(String endpoint, String persona, boolean own) throws Exception {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String path =
        endpoint
            .substring(endpoint.indexOf(' ') + 1)
            .replace("{uid}", own ? "1.2.826.0.1.3680043.8.498.4" : "1.2.826.0.1.3680043.8.498.3")
            .replace(
                "{id}",
                path(endpoint).startsWith("/api/v1/patients") ? (own ? "4" : "3") : "999999")
            .replace("{roiNumber}", "1")
            .replace("{name}", "no-such-hospital")
            .replace("{ctSopInstanceUid}", "1.2.3")
            .replace("{seriesUid}", "1.2.3");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve(path.substring(1)))
            .timeout(Duration.ofMinutes(2));
    if (path.endsWith(".xhtml")) {
      // pages: a browser session signed in through the form (pages take no HTTP Basic)
      return browsers
          .computeIfAbsent(persona, this::signedIn)
          .send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
    if (!persona.equals("anonymous")) {
      request.header("Authorization", basic(persona, personaPassword(persona)));
    }
    String type =
        path.startsWith("/dicomweb/")
            ? "multipart/related; type=\"application/dicom\"; boundary=rtds"
            : path.startsWith("/api/v1/instances") ? "application/dicom" : "application/json";
    HttpRequest.BodyPublisher body =
        method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                type.equals("application/json") ? "{}" : "not dicom");
    if (!method.equals("GET") && !method.equals("DELETE")) {
      request.header("Content-Type", type);
    }
    return client.send(
        request.header("Accept", "application/json").method(method, body).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private final Map<String, HttpClient> browsers = new java.util.HashMap<>();

  private HttpClient signedIn(String persona) {
    HttpClient browser = FormLogin.browser();
    if (!persona.equals("anonymous")) {
      try {
        HttpResponse<String> signIn =
            FormLogin.signIn(browser, base.toURI(), persona, personaPassword(persona));
        assertThat(signIn.headers().firstValue("Location").orElse(""))
            .as(persona + " signs in")
            .doesNotContain("error")
            .doesNotContain("locked");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return browser;
  }

  private static String personaPassword(String persona) {
    return persona.equals("admin") ? ApplicationWiringIT.ADMIN_PASSWORD : persona + "-password-1";
  }

  private static String path(String endpoint) {
    return endpoint.substring(endpoint.indexOf(' ') + 1);
  }

  @Test
  void markupInPatientDataIsShownAsTextAndPathTricksFindNothing() throws Exception {
    // a feature job puts the study with a script for a patient name on TUM's overview page
    ApplicationWiringIT.database(
        "INSERT INTO `"
            + DB
            + "`.rtds_feature_job (Status, Detail, RequestedGeneration,"
            + " ComputedGeneration, Attempts, UpdatedAt, fk_study_id_id)"
            + " VALUES ('DONE', 'computed', 1, 1, 1, UTC_TIMESTAMP(), 5)");
    HttpClient browser = FormLogin.browser();
    FormLogin.signIn(browser, base.toURI(), "tum1", HORSE);
    String page =
        browser
            .send(
                HttpRequest.newBuilder(base.toURI().resolve("index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    // and as JSON, escaped by the JSON writer
    assertThat(get("api/v1/patients?q=script", "tum1", HORSE).body())
        .contains("\"<script>alert(1)</script>\"");

    for (String tricky :
        List.of(
            "api/v1/studies/..%2F..%2F..%2Fetc%2Fpasswd",
            "api/v1/studies/%2e%2e/%2e%2e/WEB-INF/web.xml",
            "WEB-INF/web.xml",
            "resources/%2e%2e/WEB-INF/web.xml",
            "jakarta.faces.resource/..%2F..%2FWEB-INF%2Fweb.xml.xhtml",
            "api/v1/patients/1%20OR%201=1")) {
      // API paths with HTTP Basic, pages and files with the signed-in browser
      HttpRequest.Builder request =
          HttpRequest.newBuilder(java.net.URI.create(base.toString() + tricky));
      HttpResponse<String> r =
          tricky.startsWith("api/")
              ? client.send(
                  request.header("Authorization", basic("tum1", HORSE)).build(),
                  HttpResponse.BodyHandlers.ofString())
              : browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(tricky + ": " + r.body()).isIn(400, 404);
      assertThat(r.body()).as(tricky).doesNotContain("<web-app").doesNotContain("root:");
    }
  }

  private List<String> patientNames(String user, String password) throws Exception {
    HttpResponse<String> r = get("api/v1/patients", user, password);
    assertThat(r.statusCode()).as(user + ": " + r.body()).isEqualTo(200);
    return names(json(r));
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(p -> p.getString("patientName"))
        .toList();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return get(path, user, password, "application/json");
  }

  private HttpResponse<String> send(String method, String path, String authorization, String json)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(2))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String user, String password, String accept)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", basic(user, password))
            .header("Accept", accept)
            .timeout(Duration.ofMinutes(2))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** POSTs a body that is not DICOM, so only the permission check can refuse it with 403. */
  private HttpResponse<String> post(String path, String user, String password) throws Exception {
    String type =
        path.startsWith("dicomweb/")
            ? "multipart/related; type=\"application/dicom\"; boundary=rtds"
            : "application/dicom";
    return client.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", type)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String password(String username) throws SQLException {
    try (Connection c = ApplicationWiringIT.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT password FROM `"
                    + DB
                    + "`.auth_user WHERE username = '"
                    + username
                    + "'")) {
      r.next();
      return r.getString(1);
    }
  }

  private static Connection legacyConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + System.getProperty("rtds.test.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("rtds.test.db.port", "3306")
            + "/"
            + DB
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&allowMultiQueries=true"
            + "&characterEncoding=UTF-8",
        System.getProperty("rtds.test.db.user", "root"),
        System.getProperty("rtds.test.db.password", ""));
  }

  private static String resource(String name) {
    try (InputStream in = SecurityIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

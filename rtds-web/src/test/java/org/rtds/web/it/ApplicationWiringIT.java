package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Study;
import org.rtds.security.boundary.AccountAuthenticator;
import org.rtds.security.control.DjangoPasswordHasher;
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.health.ReadinessCheck;

/**
 * The EJB/CDI/JPA wiring on Payara Micro: start-up migrates a new database and creates the admin,
 * accounts authenticate through the JTA persistence unit, entities persist, and the HTTP surface
 * (Basic auth with problem documents, the login form, health) behaves as the interface contract
 * says.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationWiringIT {

  static final String DB = System.getProperty("rtds.it.db.name", "rtds_it_web_arquillian");
  static final String ADMIN_PASSWORD =
      System.getProperty("rtds.it.admin.password", "it-admin-password-1");
  static final String DB_USER = System.getProperty("rtds.it.db.user", "rtds_it_web");
  static final String DB_PASSWORD =
      System.getProperty("rtds.it.db.password", "it-web-db-password-1");

  @Inject ApplicationStartup startup;

  @Inject @Readiness ReadinessCheck readiness;

  @Inject AccountAuthenticator authenticator;

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  @Inject UserTransaction tx;

  @ArquillianResource URL base;

  @Deployment
  static WebArchive deployment() throws SQLException {
    String account = "'" + DB_USER + "'@'%'";
    String local = "'" + DB_USER + "'@'localhost'";
    database(
        "DROP DATABASE IF EXISTS `" + DB + "`",
        "CREATE DATABASE `" + DB + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + DB_PASSWORD + "'",
        "CREATE USER IF NOT EXISTS " + local + " IDENTIFIED BY '" + DB_PASSWORD + "'",
        "GRANT ALL PRIVILEGES ON `" + DB + "`.* TO " + account,
        "GRANT ALL PRIVILEGES ON `" + DB + "`.* TO " + local);
    return DeploymentBuilder.rtdsWar(ApplicationWiringIT.class, DeploymentBuilder.class);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    // JUnit also runs lifecycle methods inside the container around each in-container test: drop
    // only from the
    // client JVM (the one that knows where Payara Micro is), once every test is done
    if (System.getProperty("payara.microJar") != null) {
      database(
          "DROP DATABASE IF EXISTS `" + DB + "`",
          "DROP USER IF EXISTS '" + DB_USER + "'@'%'",
          "DROP USER IF EXISTS '" + DB_USER + "'@'localhost'");
    }
  }

  @Test
  void startupMigratesTheSchemaAndReportsReady() throws InterruptedException {
    awaitReady();
    assertThat(startup.state().schemaVersion()).isNotBlank();
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void adminFromConfigurationAuthenticatesThroughTheJtaPersistenceUnit()
      throws InterruptedException {
    awaitReady();
    var admin = authenticator.authenticate("admin", ADMIN_PASSWORD.toCharArray());
    assertThat(admin).isPresent();
    assertThat(admin.get().roles()).contains("admin", "user");
    assertThat(authenticator.authenticate("admin", "wrong-password".toCharArray())).isEmpty();
  }

  @Test
  void inactiveAccountsAreRefused() throws Exception {
    awaitReady();
    tx.begin();
    AuthUser user = new AuthUser();
    user.setUsername("retired.physicist");
    user.setPassword(new DjangoPasswordHasher(1000).hash("pw-of-retired".toCharArray()));
    user.setActive(false);
    user.setFirstName("");
    user.setLastName("");
    user.setEmail("");
    user.setDateJoined(LocalDateTime.now());
    em.persist(user);
    tx.commit();
    assertThat(authenticator.authenticate("retired.physicist", "pw-of-retired".toCharArray()))
        .isEmpty();
  }

  @Test
  void entitiesPersistInContainerTransactions() throws Exception {
    awaitReady();
    tx.begin();
    Patient patient = new Patient();
    patient.setPatientName("Wiring^Test");
    patient.setBirthDate(LocalDate.of(1950, 1, 2));
    em.persist(patient);
    Study study = new Study();
    study.setStudyInstanceUid("1.2.826.0.1.3680043.8.498.1");
    study.setPatient(patient);
    em.persist(study);
    tx.commit();

    tx.begin(); // a new persistence context: the rows come from the database, the patient through
    // a lazy proxy
    try {
      Study found =
          em.createNamedQuery(Study.FIND_BY_STUDY_UID, Study.class)
              .setParameter("studyInstanceUid", "1.2.826.0.1.3680043.8.498.1")
              .getSingleResult();
      assertThat(found.getPatient().getPatientName()).isEqualTo("Wiring^Test");
    } finally {
      tx.rollback();
    }
  }

  @Test
  @RunAsClient
  void apiRequiresAnAccountAndAnswersProblemDocuments() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> anonymous =
        client.send(get("api/v1/me").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .as("a challenge for each scheme the API accepts")
        .anySatisfy(value -> assertThat(value).startsWith("Basic realm=\"RTDS\""))
        .anySatisfy(value -> assertThat(value).isEqualTo("Bearer realm=\"RTDS\""));
    assertThat(anonymous.body()).contains("\"status\":401").contains("\"detail\"");

    HttpResponse<String> wrong =
        client.send(
            get("api/v1/me").header("Authorization", basic("admin", "nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);

    HttpResponse<String> me =
        client.send(
            get("api/v1/me").header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"admin\"").contains("\"admin\"");

    HttpResponse<String> system =
        client.send(
            get("api/v1/system").header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(system.statusCode()).isEqualTo(200);
    assertThat(system.body()).contains("MariaDB").contains("schemaVersion");

    HttpResponse<String> missing =
        client.send(
            get("api/v1/no-such-thing")
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  @RunAsClient
  void accountsWithoutTheRoleGet403ProblemDocuments() throws Exception {
    String hash = new DjangoPasswordHasher(1000).hash("physicist-pw-1".toCharArray());
    database(
        "INSERT INTO `"
            + DB
            + "`.auth_user (password, is_superuser, username, first_name, last_name, email,"
            + " is_staff, is_active, date_joined) VALUES ('"
            + hash
            + "', 0, 'physicist', 'Marie', 'Curie', '', 0, 1, UTC_TIMESTAMP())");
    HttpClient client = HttpClient.newHttpClient();
    String physicist = basic("physicist", "physicist-pw-1");

    HttpResponse<String> me =
        client.send(
            get("api/v1/me").header("Authorization", physicist).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"superuser\":false")
        .contains("\"user\"")
        .doesNotContain("admin");

    HttpResponse<String> system =
        client.send(
            get("api/v1/system").header("Authorization", physicist).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(system.statusCode()).isEqualTo(403);
    assertThat(system.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(system.body()).contains("\"status\":403").contains("admin");
  }

  @Test
  @RunAsClient
  void requestBodiesOutsideTheUploadsAreLimitedWithOrWithoutALength() throws Exception {
    // HTTP/1.1: a body without a length is sent chunked
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] large = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(large, (byte) ' ');
    large[0] = '{';
    large[large.length - 1] = '}';
    // with Content-Length, and chunked (ofInputStream sends no length)
    for (HttpRequest.BodyPublisher body :
        List.of(
            HttpRequest.BodyPublishers.ofByteArray(large),
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(large)))) {
      HttpResponse<String> refused =
          client.send(tokenDraft(body), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(refused.body()).contains("at most 1048576 bytes");
    }
    // a small chunked body still reaches the application, which reads and judges it
    HttpResponse<String> read =
        client.send(
            tokenDraft(
                HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            "{\"username\":\"no-such-account\",\"name\":\"chunked\",\"days\":30}"
                                .getBytes(StandardCharsets.UTF_8)))),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
    assertThat(read.body()).contains("no active account 'no-such-account'");
  }

  private HttpRequest tokenDraft(HttpRequest.BodyPublisher body) throws Exception {
    return HttpRequest.newBuilder(base.toURI().resolve("api/v1/admin/tokens"))
        .header("Authorization", basic("admin", ADMIN_PASSWORD))
        .header("Content-Type", "application/json")
        .POST(body)
        .build();
  }

  @Test
  @RunAsClient
  void pagesNeedALoginAndTheFormLogsIn() throws Exception {
    HttpClient client = FormLogin.browser();
    URI root = base.toURI();
    HttpResponse<String> anonymous =
        client.send(get("").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml"));

    HttpResponse<String> loginPage =
        client.send(get("login.xhtml").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.body()).contains("Sign in to RTDS").contains("name=\"password\"");
    assertThat(loginPage.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(loginPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(loginPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(loginPage.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("RTDS_CSRF=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));

    HttpResponse<String> bad = FormLogin.signIn(client, root, "admin", "not-it");
    assertThat(bad.statusCode()).isEqualTo(302);
    assertThat(bad.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("error=true"));

    // a sign-in form without the CSRF token (posted from another site) is not even checked
    HttpResponse<String> forged =
        client.send(
            postForm("login", "admin", ADMIN_PASSWORD), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(forged.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("expired=true"));
    assertThat(client.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(302);

    String sessionBefore = sessionCookie(client);
    HttpResponse<String> good = FormLogin.signIn(client, root, "admin", ADMIN_PASSWORD);
    assertThat(good.statusCode()).isEqualTo(302);
    // a new session id once signed in: no session fixation
    assertThat(sessionCookie(client)).isNotEqualTo(sessionBefore);
    assertThat(good.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("JSESSIONID=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
    HttpResponse<String> home = client.send(get("").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Knowledge base").contains("patients").contains("admin");

    HttpResponse<String> apiPage =
        client.send(get("api-docs/").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(apiPage.statusCode()).isEqualTo(200);
    assertThat(apiPage.body()).contains("swagger-ui-bundle.js").doesNotContain("${");
    String bundle = apiPage.body().replaceAll("(?s).*src=\"\\.\\./(webjars/[^\"]+)\".*", "$1");
    assertThat(
            client.send(get(bundle).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
        .as(bundle)
        .isEqualTo(200);

    // a link to /logout (GET, as another site could plant) does not sign out
    client.send(get("logout").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(client.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    // neither does a POST without the token
    FormLogin.post(client, root.resolve("logout"), "_csrf=forged");
    assertThat(client.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    // the page's own sign-out form does
    FormLogin.signOut(client, root, home.body());
    assertThat(client.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(302);
  }

  private static String sessionCookie(HttpClient client) {
    return ((java.net.CookieManager) client.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .map(java.net.HttpCookie::getValue)
            .findFirst()
            .orElse(null);
  }

  @Test
  @RunAsClient
  void healthAndOpenApiAreServed() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI root = base.toURI().resolve("/");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> ready;
    do {
      ready =
          client.send(
              HttpRequest.newBuilder(root.resolve("health/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
    } while (ready.statusCode() != 200 && System.nanoTime() < deadline && sleep());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"UP\"")
        .contains("rtds-database")
        .contains("rtds-file-store");
    HttpResponse<String> openapi =
        client.send(
            HttpRequest.newBuilder(root.resolve("openapi")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/me");
  }

  private void awaitReady() throws InterruptedException {
    for (int i = 0; i < 120 && !startup.state().ready(); i++) {
      Thread.sleep(500);
    }
    assertThat(startup.state().ready()).as(startup.state().detail()).isTrue();
  }

  private HttpRequest.Builder get(String path) throws Exception {
    return HttpRequest.newBuilder(base.toURI().resolve(path)).GET();
  }

  private HttpRequest postForm(String path, String username, String password) throws Exception {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(base.toURI().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean sleep() {
    try {
      Thread.sleep(1000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * An account straight in the database, in Django's hash format, member of the job-role group
   * {@code RTDS physicists} (every clinical permission: patients, sending, knowledge base).
   *
   * @param username the account
   * @param password its password
   * @throws SQLException when the insert fails
   */
  static void createAccount(String username, String password) throws SQLException {
    createAccount(username, password, "RTDS physicists", null);
  }

  /**
   * An account straight in the database, in Django's hash format (1000 PBKDF2 rounds: RTDS upgrades
   * it on the first login).
   *
   * @param group the {@code auth_group} it joins; null for none
   * @param hospital its profile's institution; null for no profile
   */
  static void createAccount(String username, String password, String group, String hospital)
      throws SQLException {
    String hash =
        DjangoPasswordHasher.encode(
            DjangoPasswordHasher.Algorithm.PBKDF2_SHA256,
            password.toCharArray(),
            "it" + username,
            1000);
    List<String> statements = new ArrayList<>();
    statements.add(
        "INSERT INTO `"
            + DB
            + "`.auth_user (password, is_superuser, username, first_name, last_name, email,"
            + " is_staff, is_active, date_joined) VALUES ('"
            + hash
            + "', 0, '"
            + username
            + "', '', '', '', 0, 1, UTC_TIMESTAMP())");
    if (group != null) {
      statements.add(
          "INSERT INTO `"
              + DB
              + "`.auth_user_groups (user_id, group_id) SELECT u.id, g.id FROM `"
              + DB
              + "`.auth_user u, `"
              + DB
              + "`.auth_group g WHERE u.username = '"
              + username
              + "' AND g.name = '"
              + group
              + "'");
    }
    if (hospital != null) {
      statements.add(
          "INSERT INTO `"
              + DB
              + "`.userprofile_userprofile (occupation, institution, location, bio, user_id)"
              + " SELECT '', '"
              + hospital
              + "', '', '', id FROM `"
              + DB
              + "`.auth_user WHERE username = '"
              + username
              + "'");
    }
    database(statements.toArray(String[]::new));
  }

  static void database(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /**
   * Runs a query in the test database and returns its rows as text.
   *
   * @param sql a SELECT over tables of {@link #DB} (write them qualified: `DB`.table)
   * @return each row's columns
   * @throws SQLException when the query fails
   */
  static java.util.List<java.util.List<String>> query(String sql) throws SQLException {
    java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        java.util.List<String> row = new java.util.ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static Connection connect() throws SQLException {
    String url =
        "jdbc:mysql://"
            + System.getProperty("rtds.test.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("rtds.test.db.port", "3306")
            + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    return DriverManager.getConnection(
        url,
        System.getProperty("rtds.test.db.user", "root"),
        System.getProperty("rtds.test.db.password", ""));
  }
}

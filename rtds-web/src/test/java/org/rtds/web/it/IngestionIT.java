package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rtds.testdata.Fixtures;

/**
 * Ingestion through the HTTP channels and the DICOM listener of a deployed RTDS: REST (single
 * object, multipart, zip), DICOMweb STOW-RS, C-STORE with DCMTK's storescu, the study view with
 * what is missing, duplicates and bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IngestionIT {

  private static final String ADMIN = "admin";

  @ArquillianResource URL base;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  /** Null until the first test has waited for readiness. */
  private static Boolean ready;

  @BeforeEach
  void awaitReady() throws Exception {
    if (ready == null) {
      ready = false;
      for (int i = 0; i < 240 && !ready; i++) {
        HttpResponse<String> health =
            send(HttpRequest.newBuilder(uri("/health/ready")).GET(), false);
        ready = health.statusCode() == 200;
        if (!ready) {
          Thread.sleep(500);
        }
      }
    }
    assertThat(ready).as("RTDS became ready (later tests fail at once if not)").isTrue();
  }

  @Test
  void aStudyArrivesByMultipartCompletelyAndAgainAsDuplicates() throws Exception {
    List<Path> files = nelmsFiles();
    // a study that arrives without its dose first: the study view says what is missing
    List<Path> withoutDose = files.stream().filter(f -> !name(f).equals("RD.dcm")).toList();
    JsonArray first = postMultipart("api/v1/instances", withoutDose, "multipart/form-data", 200);
    assertThat(statuses(first)).containsOnlyKeys("STORED").containsEntry("STORED", 43L);
    String study = first.getJsonObject(0).getString("studyInstanceUid");

    JsonObject incomplete = getJson("api/v1/studies/" + study);
    assertThat(incomplete.getJsonArray("missing").getString(0)).isEqualTo("RTDOSE");
    assertThat(incomplete.getJsonObject("features").getString("detail")).contains("RTDOSE");

    JsonArray second = postMultipart("api/v1/instances", files, "multipart/form-data", 200);
    assertThat(statuses(second)).containsEntry("STORED", 1L).containsEntry("DUPLICATE", 43L);

    JsonObject complete = getJson("api/v1/studies/" + study);
    assertThat(complete.getJsonArray("missing")).isEmpty();
    assertThat(complete.getJsonObject("objects").getInt("CT")).isEqualTo(41);
    assertThat(complete.getJsonObject("objects").getInt("RTDOSE")).isEqualTo(1);
    assertThat(complete.getJsonObject("features").getString("status")).isEqualTo("PENDING");
    assertThat(complete.getJsonObject("features").getString("detail"))
        .startsWith("inputs complete");
  }

  @Test
  void featuresAreComputedOnceTheStudyIsCompleteAndAgreeWithAnalyticValues() throws Exception {
    JsonArray results = postMultipart("api/v1/instances", nelmsFiles(), "multipart/form-data", 200);
    String study = results.getJsonObject(0).getString("studyInstanceUid");
    JsonObject features = null;
    for (int i = 0; i < 120; i++) {
      features = getJson("api/v1/studies/" + study).getJsonObject("features");
      if (List.of("DONE", "FAILED").contains(features.getString("status"))) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(features.getString("status")).as(features.toString()).isEqualTo("DONE");
    assertThat(features.getString("detail")).contains("DVHs of").contains("isodoses on");

    Map<String, JsonObject> rois =
        getJsonArray("api/v1/studies/" + study + "/rois").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(r -> r.getString("name"), Function.identity()));
    assertThat(rois.get("PTV").getString("type")).isEqualTo("PTV");
    assertThat(rois.get("PTV").getString("standardName")).isEqualTo("PTV");

    JsonArray dvhs =
        getJsonArray(
            "api/v1/studies/" + study + "/dvhs?metrics=Dmean,D95%25,D50%25,D5%25,V20Gy,D0.03cc");
    int checked = 0;
    for (String line : Fixtures.nelmsLikeExpectedRows()) {
      String[] f = line.split(",", 7);
      if (f.length < 6 || !"analytic".equals(f[5])) {
        continue;
      }
      String roi = f[1];
      String metric = f[2];
      double expected = Double.parseDouble(f[3]);
      if (metric.equals("Volume")) {
        double actual = rois.get(roi).getJsonNumber("volumeCc").doubleValue();
        assertThat(actual).as(roi + " volume (cc)").isCloseTo(expected, within(0.03 * expected));
        checked++;
        continue;
      }
      JsonObject dvh =
          dvhs.stream()
              .map(JsonValue::asJsonObject)
              .filter(d -> d.getString("roiName").equals(roi))
              .filter(d -> d.getString("source").equals("COMPUTED"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no computed DVH of " + roi));
      for (JsonValue m : dvh.getJsonArray("metrics")) {
        JsonObject value = m.asJsonObject();
        if (value.getString("metric").equals(metric)) {
          double actual = value.getJsonNumber("value").doubleValue();
          double tolerance =
              metric.startsWith("V") ? 3.0 : Math.max(0.03 * Math.abs(expected), 0.60);
          assertThat(actual).as(roi + " " + metric).isCloseTo(expected, within(tolerance));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);

    // dose constraints: the administrator adds two for the PTV; the study is checked against them
    HttpResponse<String> upper =
        postJson(
            "api/v1/constraints",
            "{\"standardName\":\"PTV\",\"metric\":\"Dmean\",\"comparator\":\"<\",\"limit\":20}");
    assertThat(upper.statusCode()).as(upper.body()).isEqualTo(201);
    assertThat(object(upper.body()).getString("unit")).isEqualTo("Gy");
    assertThat(
            postJson(
                    "api/v1/constraints",
                    "{\"standardName\":\"PTV\",\"metric\":\"Dmax\",\"comparator\":\"<=\",\"limit\":25}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> malformed =
        postJson(
            "api/v1/constraints",
            "{\"standardName\":\"PTV\",\"metric\":\"D95\",\"comparator\":\"<\",\"limit\":20}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(object(malformed.body()).getString("detail")).contains("D95");
    Map<String, JsonObject> checks =
        getJsonArray("api/v1/studies/" + study + "/constraints").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("roiName").equals("PTV"))
            .collect(Collectors.toMap(c -> c.getString("metric"), Function.identity()));
    assertThat(checks.get("Dmean").getBoolean("passed")).isTrue();
    assertThat(checks.get("Dmean").getJsonNumber("margin").doubleValue())
        .isCloseTo(4.0, within(0.2));
    assertThat(checks.get("Dmax").getBoolean("passed")).isFalse();
    assertThat(checks.get("Dmax").getJsonNumber("margin").doubleValue()).isNegative();

    String middleSlice =
        results.stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("file").equals("CT.0021.dcm"))
            .findFirst()
            .orElseThrow()
            .getString("sopInstanceUid");
    JsonObject isodoses = getJson("api/v1/studies/" + study + "/isodoses/" + middleSlice);
    assertThat(isodoses.getString("reference")).isEqualTo("PRESCRIPTION");
    assertThat(isodoses.getJsonArray("levels")).hasSize(9);
    assertThat(
            isodoses.getJsonArray("levels").stream()
                .mapToInt(l -> l.asJsonObject().getJsonArray("lines").size())
                .sum())
        .as("iso-lines on the central slice")
        .isPositive();

    HttpResponse<String> csv =
        send(
            HttpRequest.newBuilder(uri("api/v1/studies/" + study + "/dvhs?metrics=Dmean"))
                .header("Accept", "text/csv")
                .GET(),
            true);
    assertThat(csv.body()).startsWith("roi_number,roi_name,metric,value,unit");
    HttpResponse<String> badMetric =
        send(
            HttpRequest.newBuilder(uri("api/v1/studies/" + study + "/dvhs?metrics=D95")).GET(),
            true);
    assertThat(badMetric.statusCode()).isEqualTo(400);
    assertThat(object(badMetric.body()).getString("detail")).contains("D95");
  }

  @Test
  void oneObjectAsApplicationDicomAndBadInputWithItsReason() throws Exception {
    HttpResponse<String> stored =
        post("api/v1/instances", "application/dicom", pydicom("rtstruct.dcm"));
    assertThat(stored.statusCode()).isEqualTo(200);
    JsonObject result = array(stored.body()).getJsonObject(0);
    assertThat(result.getString("status")).isIn("STORED", "DUPLICATE");
    assertThat(result.getString("sopClass")).isEqualTo("1.2.840.10008.5.1.4.1.1.481.3");

    HttpResponse<String> text =
        post("api/v1/instances", "application/dicom", "not DICOM".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = object(text.body());
    assertThat(problem.getString("detail")).contains("nothing in the request was a readable");
    assertThat(problem.getJsonArray("results").getJsonObject(0).getString("reasonCode"))
        .isEqualTo("NOT_DICOM");

    HttpResponse<String> truncated =
        post("api/v1/instances", "application/dicom", pydicom("rtplan_truncated.dcm"));
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(
            object(truncated.body()).getJsonArray("results").getJsonObject(0).getString("reason"))
        .containsIgnoringCase("trunc");

    HttpResponse<String> unknownType = post("api/v1/instances", "text/plain", new byte[] {1});
    assertThat(unknownType.statusCode()).isEqualTo(415);
  }

  @Test
  void aZipWithAPathTraversalEntryStoresTheGoodOnesAndRefusesTheBadOne() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : List.of("rtdose.dcm", "rtplan.dcm")) {
        zip.putNextEntry(new ZipEntry("study/" + name));
        zip.write(pydicom(name));
      }
      zip.putNextEntry(new ZipEntry("../../etc/evil.dcm"));
      zip.write(pydicom("CT_small.dcm"));
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> response =
        post("api/v1/instances", "application/zip", bytes.toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonObject> byFile =
        array(response.body()).stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(o -> o.getString("file"), Function.identity()));
    assertThat(byFile.get("study/rtdose.dcm").getString("status")).isIn("STORED", "DUPLICATE");
    assertThat(byFile.get("study/rtplan.dcm").getString("status")).isIn("STORED", "DUPLICATE");
    assertThat(byFile.get("../../etc/evil.dcm").getString("reasonCode")).isEqualTo("UNSAFE_PATH");
    assertThat(byFile.get("readme.txt").getString("reasonCode")).isEqualTo("NOT_DICOM");
  }

  @Test
  void stowRsAnswersWithReferencedAndFailedSopSequences() throws Exception {
    Path notDicom = Files.createTempFile("rtds-stow", ".txt");
    Files.writeString(notDicom, "plain text");
    try {
      HttpResponse<String> response =
          postMultipartRaw(
              "dicomweb/studies",
              List.of(dataDir().resolve("pydicom-rt/rtdose_rle.dcm"), notDicom),
              "multipart/related; type=\"application/dicom\"");
      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/dicom+json");
      JsonObject body = object(response.body());
      assertThat(body.getJsonObject("00081199").getJsonArray("Value")).hasSize(1);
      JsonObject failed = body.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
      assertThat(failed.getJsonObject("00081197").getJsonArray("Value").getInt(0))
          .isEqualTo(0xC000);
      assertThat(response.headers().firstValue("Warning").orElse("")).contains("DICOM");
    } finally {
      Files.deleteIfExists(notDicom);
    }
    HttpResponse<String> wrongType =
        post("dicomweb/studies", "application/dicom", pydicom("rtplan.dcm"));
    assertThat(wrongType.statusCode()).isEqualTo(415);
  }

  @Test
  void theDicomListenerStoresWhatStorescuSendsAndAnswersEcho() throws Exception {
    // a skipped interoperability test on CI would go unnoticed: there it fails
    if (!onPath("storescu") && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("DCMTK storescu is not on the PATH (scripts/ensure-dcmtk.sh)");
    }
    assumeThat(onPath("storescu")).as("DCMTK storescu on PATH (scripts/ensure-dcmtk.sh)").isTrue();
    JsonObject system = getJson("api/v1/system");
    assertThat(system.getString("dicomAeTitle")).isEqualTo("RTDS");
    int port = system.getInt("dicomPort");

    Process echo =
        new ProcessBuilder("echoscu", "-aec", "RTDS", "localhost", String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    assertThat(echo.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(echo.exitValue()).isZero();

    // the plan, then a "corrected" plan under the same SOP Instance UID: refused with a reason
    Path plan = dataDir().resolve("pydicom-rt/rtplan.dcm");
    Path corrected = Files.createTempFile("rtds-corrected-plan", ".dcm");
    String original = new String(Files.readAllBytes(plan), StandardCharsets.ISO_8859_1);
    Files.write(
        corrected,
        original
            .replace("30.8262030000000", "32.0000000000000")
            .getBytes(StandardCharsets.ISO_8859_1));
    try {
      List<String> command =
          new ArrayList<>(List.of("storescu", "-aec", "RTDS", "-aet", "ECLIPSE", "-v"));
      command.add("localhost");
      command.add(String.valueOf(port));
      command.add(dataDir().resolve("pydicom-rt/rtdose.dcm").toString());
      command.add(plan.toString());
      command.add(corrected.toString());
      Process store = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(store.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).contains("Received Store Response (Success)");
      assertThat(output).contains("Error: CannotUnderstand");
    } finally {
      Files.deleteIfExists(corrected);
    }
  }

  @Test
  void theUploadPageIngestsDroppedFilesAndListsTheResults() throws Exception {
    HttpClient browser = signIn(ADMIN, ApplicationWiringIT.ADMIN_PASSWORD);
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("upload.xhtml")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Upload DICOM RT objects").contains("AE title");

    HttpResponse<String> upload =
        dropOnUploadPage(browser, viewState(page.body()), "rtstruct.dcm", pydicom("rtstruct.dcm"));

    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(upload.body())
        .contains("rtstruct.dcm")
        .containsPattern("rtds-status-(STORED|DUPLICATE)")
        .contains("RT Structure Set");

    // a file name chosen by whoever drops the file never becomes markup: PrimeFaces refuses such a
    // name before RTDS sees the file ("File Error"), and nothing of it is echoed unescaped
    String markup = "<img src=x onerror=alert(1)>.dcm";
    HttpResponse<String> hostile =
        dropOnUploadPage(
            browser,
            viewState(page.body()),
            markup,
            "not DICOM at all".getBytes(StandardCharsets.US_ASCII));
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body())
        .contains("File Error")
        .doesNotContain("<img")
        .doesNotContain("onerror");

    // the overview lists the study with its feature status (a structure set alone: waiting)
    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(uri("")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(home.body()).contains("Recent studies").containsPattern("rtds-feature-[A-Z]+");
  }

  /**
   * Every channel stores the nelms-like study completely: each channel sends it under an account of
   * its own (patients and studies are per account), and the study view must then hold all 41 CT
   * images, the structure set, the plan and the dose. Contour points and dose values are checked
   * against the files by the ingest pipeline's integration test, which every channel uses.
   */
  @Test
  void everyChannelStoresTheWholeStudyUnderItsAccount() throws Exception {
    List<Path> files = nelmsFiles();

    // REST, multipart
    createAccount("chan_rest", "rest-password-1");
    HttpResponse<String> rest =
        postMultipartRaw(
            "api/v1/instances", files, "multipart/form-data", "chan_rest", "rest-password-1");
    assertThat(rest.statusCode()).isEqualTo(200);
    String study = array(rest.body()).getJsonObject(0).getString("studyInstanceUid");

    // DICOMweb STOW-RS
    createAccount("chan_stow", "stow-password-1");
    HttpResponse<String> stow =
        postMultipartRaw(
            "dicomweb/studies",
            files,
            "multipart/related; type=\"application/dicom\"",
            "chan_stow",
            "stow-password-1");
    assertThat(stow.statusCode()).as(stow.body()).isEqualTo(200);

    // REST, zip
    createAccount("chan_zip", "zip-password-1");
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry("nelms/" + name(file)));
        zip.write(Files.readAllBytes(file));
      }
    }
    assertThat(
            send(
                    HttpRequest.newBuilder(uri("api/v1/instances"))
                        .header("Content-Type", "application/zip")
                        .header("Authorization", basic("chan_zip", "zip-password-1"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())),
                    false)
                .statusCode())
        .isEqualTo(200);

    // the clinicians' upload page, one dropped file after the other
    createAccount("chan_upload", "upload-password-1");
    HttpClient browser = signIn("chan_upload", "upload-password-1");
    String viewState =
        viewState(
            browser
                .send(
                    HttpRequest.newBuilder(uri("upload.xhtml")).GET().build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (Path file : files) {
      HttpResponse<String> dropped =
          dropOnUploadPage(browser, viewState, name(file), Files.readAllBytes(file));
      assertThat(dropped.body()).as(name(file)).contains("rtds-status-STORED");
    }

    for (String account : List.of("chan_rest", "chan_stow", "chan_zip", "chan_upload")) {
      JsonObject view = studyAs(study, account);
      assertThat(view.getJsonObject("objects").getInt("CT")).as(account).isEqualTo(41);
      assertThat(view.getJsonObject("objects").getInt("RTSTRUCT")).as(account).isEqualTo(1);
      assertThat(view.getJsonObject("objects").getInt("RTPLAN")).as(account).isEqualTo(1);
      assertThat(view.getJsonObject("objects").getInt("RTDOSE")).as(account).isEqualTo(1);
      assertThat(view.getJsonArray("missing")).as(account).isEmpty();
    }
    // every stored object is in the audit trail, with its account, hospital-free sender, channel
    // and study (44 objects per channel)
    assertThat(storedAudit("chan_rest")).containsOnlyKeys("REST").containsEntry("REST", 44L);
    assertThat(storedAudit("chan_stow")).containsOnlyKeys("STOW_RS").containsEntry("STOW_RS", 44L);
    assertThat(storedAudit("chan_zip")).containsOnlyKeys("REST").containsEntry("REST", 44L);
    assertThat(storedAudit("chan_upload")).containsOnlyKeys("UPLOAD").containsEntry("UPLOAD", 44L);

    // DICOM C-STORE: the account is the one named like the calling AE title
    if (onPath("storescu")) {
      createAccount("CHANDIMSE", "dimse-password-1");
      int port = getJson("api/v1/system").getInt("dicomPort");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "storescu",
                  "-aec",
                  "RTDS",
                  "-aet",
                  "CHANDIMSE",
                  "localhost",
                  String.valueOf(port)));
      files.forEach(f -> command.add(f.toString()));
      Process store = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(store.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(store.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(store.exitValue()).as(output).isZero();
      JsonObject view = studyAs(study, "CHANDIMSE");
      assertThat(view.getJsonObject("objects").getInt("CT")).isEqualTo(41);
      assertThat(storedAudit("CHANDIMSE")).containsOnlyKeys("DIMSE").containsEntry("DIMSE", 44L);
      assertThat(view.getJsonArray("missing")).isEmpty();
    }
  }

  /** A browser session signed in through the login form. */
  private HttpClient signIn(String user, String password) throws Exception {
    HttpClient browser = FormLogin.browser();
    FormLogin.signIn(browser, uri(""), user, password);
    return browser;
  }

  private static String viewState(String page) {
    return page.replaceAll("(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");
  }

  /** What PrimeFaces' native uploader posts for one file dropped on the upload page. */
  private HttpResponse<String> dropOnUploadPage(
      HttpClient browser, String viewState, String fileName, byte[] content) throws Exception {
    String boundary = "rtds-upload-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field :
        new String[][] {
          {"upload", "upload"},
          {"jakarta.faces.ViewState", viewState},
          {"jakarta.faces.partial.ajax", "true"},
          {"jakarta.faces.source", "upload:files"},
          {"jakarta.faces.partial.execute", "upload:files"},
          {"jakarta.faces.partial.render", "results messages"},
          {"upload:files_totalFilesCount", "1"}
        }) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field[0]
                  + "\"\r\n\r\n"
                  + field[1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"upload:files\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(uri("upload.xhtml"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Faces-Request", "partial/ajax")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject studyAs(String study, String account) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("api/v1/studies/" + study))
                .header("Authorization", basic(account, passwordOf(account)))
                .GET(),
            false);
    assertThat(response.statusCode()).as(account + ": " + response.body()).isEqualTo(200);
    return object(response.body());
  }

  private static final Map<String, String> PASSWORDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String passwordOf(String account) {
    return PASSWORDS.get(account);
  }

  /** An account straight in the database (there is no account API yet). */
  private static void createAccount(String username, String password) throws SQLException {
    ApplicationWiringIT.createAccount(username, password);
    PASSWORDS.put(username, password);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // --- HTTP helpers ---

  private JsonArray postMultipart(String path, List<Path> files, String type, int expected)
      throws Exception {
    HttpResponse<String> response = postMultipartRaw(path, files, type);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return array(response.body());
  }

  private HttpResponse<String> postMultipartRaw(String path, List<Path> files, String type)
      throws Exception {
    return postMultipartRaw(path, files, type, ADMIN, ApplicationWiringIT.ADMIN_PASSWORD);
  }

  private HttpResponse<String> postMultipartRaw(
      String path, List<Path> files, String type, String user, String password) throws Exception {
    String boundary = "rtds-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path file : files) {
      body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.write(
          ("Content-Disposition: form-data; name=\"file\"; filename=\""
                  + name(file)
                  + "\"\r\nContent-Type: application/dicom\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.write(Files.readAllBytes(file));
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", type + "; boundary=" + boundary)
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
        false);
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        true);
  }

  private JsonObject getJson(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET(), true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return object(response.body());
  }

  private HttpResponse<String> postJson(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        true);
  }

  private JsonArray getJsonArray(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET(), true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return array(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated)
      throws IOException, InterruptedException {
    if (authenticated) {
      String credentials = ADMIN + ":" + ApplicationWiringIT.ADMIN_PASSWORD;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(
        request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) throws Exception {
    return base.toURI().resolve(path);
  }

  private static Map<String, Long> statuses(JsonArray results) {
    return results.stream()
        .map(v -> v.asJsonObject().getString("status"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static JsonArray array(String json) {
    return Json.createReader(new StringReader(json)).readArray();
  }

  private static JsonObject object(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  // --- test data ---

  /** The committed DICOM fixtures of rtds-testdata, copied into a temporary folder. */
  /**
   * The "instance-stored" audit entries of an account's objects, counted by channel; each must name
   * the study and a patient.
   */
  private static java.util.Map<String, Long> storedAudit(String username) throws Exception {
    java.util.Map<String, Long> byChannel = new java.util.TreeMap<>();
    try (java.sql.Connection c = ApplicationWiringIT.connect();
        java.sql.PreparedStatement q =
            c.prepareStatement(
                "SELECT detail, study_instance_uid, patient_id, event_id FROM `"
                    + ApplicationWiringIT.DB
                    + "`.rtds_audit_event WHERE event_type = 'instance-stored' AND username = ?")) {
      q.setString(1, username);
      try (java.sql.ResultSet r = q.executeQuery()) {
        while (r.next()) {
          assertThat(r.getString(2)).as("study of an audit entry").isNotBlank();
          assertThat(r.getInt(3)).as("patient of an audit entry").isPositive();
          assertThat(r.getString(4)).isEqualTo("DICOM Instances Transferred");
          byChannel.merge(r.getString(1).replaceFirst(".* over ", ""), 1L, Long::sum);
        }
      }
    }
    return byChannel;
  }

  static Path dataDir() {
    return Fixtures.folder();
  }

  private static byte[] pydicom(String name) throws IOException {
    return Files.readAllBytes(dataDir().resolve("pydicom-rt").resolve(name));
  }

  private static List<Path> nelmsFiles() throws IOException {
    try (Stream<Path> files = Files.list(dataDir().resolve("nelms-like"))) {
      return files.filter(f -> name(f).endsWith(".dcm")).sorted().toList();
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}

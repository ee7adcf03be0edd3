package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * STOW-RS and the REST multipart channel as real clients use them (issue 9, point 7): a real
 * Orthanc with its DICOMweb plugin stores a whole generated study into RTDS; what Orthanc sends (a
 * 73-character boundary, chunked) reproduced with the JDK's client; and malformed multipart bodies
 * answered 400 with a problem document that says why, on both channels. The client habits are
 * listed in {@code MultipartStreamTest}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StowRsClientsIT {

  private static final String ACCOUNT = "orthanc_stow";
  private static final String PASSWORD = "orthanc-stow-password-1";

  @ArquillianResource URL base;

  @TempDir Path temp;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Boolean ready;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @BeforeEach
  void awaitReady() throws Exception {
    if (ready == null) {
      ready = false;
      for (int i = 0; i < 240 && !ready; i++) {
        ready = send(HttpRequest.newBuilder(uri("/health/ready")).GET(), null).statusCode() == 200;
        if (!ready) {
          Thread.sleep(500);
        }
      }
      if (ready) {
        ApplicationWiringIT.createAccount(ACCOUNT, PASSWORD);
      }
    }
    assertThat(ready).as("RTDS became ready (later tests fail at once if not)").isTrue();
  }

  /**
   * Orthanc 1.10 + DICOMweb plugin: the study goes into Orthanc over its REST API, Orthanc sends it
   * with {@code POST /dicom-web/servers/rtds/stow} (its STOW-RS client: 73-character boundary,
   * chunked), and RTDS must then hold every object. Sent again (as an Orthanc job), the objects are
   * duplicates in RTDS, which Orthanc must see as success: it fails a job whose answer lists fewer
   * objects in the Referenced SOP Sequence than it sent, or any in the Failed SOP Sequence.
   */
  @Test
  void orthancsDicomWebClientStoresAWholeStudyAndASecondSendIsDuplicatesNotErrors()
      throws Exception {
    OrthancPeer.requireInstalled();
    StudyManifest study = study(71);
    List<DicomFile> files = study.allFiles();
    try (OrthancPeer orthanc = OrthancPeer.start(uri("dicomweb/").toString(), ACCOUNT, PASSWORD)) {
      Set<String> orthancStudies = new HashSet<>();
      for (DicomFile file : files) {
        orthancStudies.add(orthanc.store(file.path()));
      }
      assertThat(orthancStudies).hasSize(1);
      String orthancStudy = orthancStudies.iterator().next();

      // synchronous (the plugin's default): Orthanc answers once RTDS has answered
      HttpResponse<String> first =
          orthanc.post(
              "dicom-web/servers/" + OrthancPeer.SERVER_NAME + "/stow",
              "application/json",
              Json.createObjectBuilder()
                  .add("Resources", Json.createArrayBuilder().add(orthancStudy))
                  .build()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(first.statusCode())
          .as("Orthanc's STOW-RS client: %s%n%s", first.body(), orthanc.logTail())
          .isEqualTo(200);

      assertThat(storedSopInstances(study.studyInstanceUid()))
          .as("every object Orthanc sent is in RTDS, under the account Orthanc used")
          .isEqualTo(files.stream().map(DicomFile::sopInstanceUid).collect(Collectors.toSet()));
      JsonObject view = studyView(study.studyInstanceUid());
      assertThat(view.getJsonObject("objects").getInt("CT")).isEqualTo(study.ctSliceCount());
      assertThat(view.getJsonObject("objects").getInt("RTSTRUCT")).isEqualTo(1);
      assertThat(view.getJsonObject("objects").getInt("RTPLAN")).isEqualTo(1);
      assertThat(view.getJsonObject("objects").getInt("RTDOSE")).isEqualTo(study.doses().size());
      assertThat(view.getJsonArray("missing")).isEmpty();

      // Orthanc's DICOMweb client searches RTDS (QIDO-RS): the study by Patient ID and a date
      // range, its series, and the CT series' instances
      JsonArray found =
          orthancQido(
              orthanc,
              "/studies",
              Json.createObjectBuilder()
                  .add("PatientID", study.patientId())
                  .add("StudyDate", "19000101-")
                  .add("includefield", "all"));
      assertThat(found).as("%s%n%s", found, orthanc.logTail()).hasSize(1);
      JsonObject qidoStudy = found.getJsonObject(0);
      assertThat(qidoValue(qidoStudy, "0020000D")).isEqualTo(study.studyInstanceUid());
      // Orthanc passes on a simplified form: the first value of each attribute, and no numbers
      // (RTDS sends IS values as JSON numbers, as PS3.18 F.2.3 says); RTDS's own answer has them
      assertThat(qidoValue(qidoStudy, "00080061")).isIn("CT", "RTDOSE", "RTPLAN", "RTSTRUCT");
      HttpResponse<String> direct =
          send(
              HttpRequest.newBuilder(
                      uri(
                          "dicomweb/studies?StudyInstanceUID="
                              + study.studyInstanceUid()
                              + "&PatientID="
                              + study.patientId()))
                  .GET(),
              ACCOUNT);
      JsonObject rtdsStudy =
          Json.createReader(new java.io.StringReader(direct.body())).readArray().getJsonObject(0);
      assertThat(rtdsStudy.getJsonObject("00201208").getJsonArray("Value").getInt(0))
          .isEqualTo(files.size());
      assertThat(rtdsStudy.getJsonObject("00080061").getJsonArray("Value").toString())
          .isEqualTo("[\"CT\",\"RTDOSE\",\"RTPLAN\",\"RTSTRUCT\"]");
      Set<String> seriesUids =
          files.stream().map(DicomFile::seriesInstanceUid).collect(Collectors.toSet());
      JsonArray series =
          orthancQido(
              orthanc,
              "/studies/" + study.studyInstanceUid() + "/series",
              Json.createObjectBuilder());
      assertThat(
              series.getValuesAs(JsonObject.class).stream()
                  .map(s -> qidoValue(s, "0020000E"))
                  .collect(Collectors.toSet()))
          .isEqualTo(seriesUids);
      String ctSeries = study.ctImages().get(0).seriesInstanceUid();
      JsonArray slices =
          orthancQido(
              orthanc,
              "/studies/" + study.studyInstanceUid() + "/series/" + ctSeries + "/instances",
              Json.createObjectBuilder());
      assertThat(
              slices.getValuesAs(JsonObject.class).stream()
                  .map(i -> qidoValue(i, "00080018"))
                  .collect(Collectors.toSet()))
          .isEqualTo(
              study.ctImages().stream().map(DicomFile::sopInstanceUid).collect(Collectors.toSet()));
      assertThat(
              orthancQido(
                  orthanc,
                  "/studies",
                  Json.createObjectBuilder().add("PatientID", study.patientId() + "-not")))
          .isEmpty();

      // Orthanc's DICOMweb client retrieves the study from RTDS (WADO-RS) after forgetting it:
      // every object comes back byte for byte as it was sent
      assertThat(orthanc.delete("studies/" + orthancStudy).statusCode()).isEqualTo(200);
      HttpResponse<String> retrieved =
          orthanc.post(
              "dicom-web/servers/" + OrthancPeer.SERVER_NAME + "/retrieve",
              "application/json",
              Json.createObjectBuilder()
                  .add(
                      "Resources",
                      Json.createArrayBuilder()
                          .add(Json.createObjectBuilder().add("Study", study.studyInstanceUid())))
                  .build()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(retrieved.statusCode())
          .as("Orthanc's WADO-RS client: %s%n%s", retrieved.body(), orthanc.logTail())
          .isEqualTo(200);
      for (DicomFile file : files) {
        HttpResponse<String> lookup =
            orthanc.post(
                "tools/lookup",
                "text/plain",
                file.sopInstanceUid().getBytes(StandardCharsets.US_ASCII));
        JsonArray ids = Json.createReader(new java.io.StringReader(lookup.body())).readArray();
        assertThat(ids).as(file.sopInstanceUid() + " retrieved into Orthanc").hasSize(1);
        byte[] bytes =
            orthanc.getBytes("instances/" + ids.getJsonObject(0).getString("ID") + "/file").body();
        assertThat(bytes).as(file.sopInstanceUid()).isEqualTo(Files.readAllBytes(file.path()));
      }

      // again, as an asynchronous Orthanc job: every object is a duplicate, the job succeeds
      HttpResponse<String> again =
          orthanc.post(
              "dicom-web/servers/" + OrthancPeer.SERVER_NAME + "/stow",
              "application/json",
              Json.createObjectBuilder()
                  .add("Resources", Json.createArrayBuilder().add(orthancStudy))
                  .add("Asynchronous", true)
                  .build()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      JsonObject job = orthanc.awaitJob(OrthancPeer.object(again.body()).getString("ID"));
      assertThat(job.getString("State")).as("%s%n%s", job, orthanc.logTail()).isEqualTo("Success");
      assertThat(job.getJsonObject("Content").getString("InstancesCount"))
          .isEqualTo(String.valueOf(files.size()));
      assertThat(storedSopInstances(study.studyInstanceUid())).hasSize(files.size());
      assertThat(rejections(study.studyInstanceUid(), files)).isZero();
    }
  }

  /**
   * The first value of an attribute in a search result as Orthanc's QIDO-RS client returns it:
   * DICOM JSON ({@code "Value": [...]}) or Orthanc's simplified form ({@code "Value": "..."}).
   */
  private static String qidoValue(JsonObject result, String tag) {
    jakarta.json.JsonValue value = result.getJsonObject(tag).get("Value");
    if (value instanceof JsonArray array) {
      value = array.get(0);
    }
    return value instanceof jakarta.json.JsonString text ? text.getString() : value.toString();
  }

  /**
   * A search of RTDS through Orthanc's DICOMweb client ({@code POST
   * /dicom-web/servers/{server}/qido}), which sends the QIDO-RS request and returns RTDS's DICOM
   * JSON answer.
   */
  private static JsonArray orthancQido(
      OrthancPeer orthanc, String uri, jakarta.json.JsonObjectBuilder arguments) throws Exception {
    HttpResponse<String> answer =
        orthanc.post(
            "dicom-web/servers/" + OrthancPeer.SERVER_NAME + "/qido",
            "application/json",
            Json.createObjectBuilder()
                .add("Uri", uri)
                .add("Arguments", arguments)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode())
        .as("Orthanc's QIDO-RS client on %s: %s%n%s", uri, answer.body(), orthanc.logTail())
        .isEqualTo(200);
    return Json.createReader(new java.io.StringReader(answer.body())).readArray();
  }

  /**
   * What Orthanc sends, with the JDK's client: {@code BodyPublishers.ofInputStream} has no length,
   * so the request goes out with {@code Transfer-Encoding: chunked}; the boundary is two UUIDs
   * joined by '-' (73 characters). Then the same objects again: duplicates, still 200 and all in
   * the Referenced SOP Sequence.
   */
  @Test
  void aChunked73CharacterBoundaryAsOrthancSendsItIsStored() throws Exception {
    StudyManifest study = study(72);
    List<Path> files = study.allFiles().stream().map(DicomFile::path).toList();
    String boundary = UUID.randomUUID() + "-" + UUID.randomUUID();
    assertThat(boundary).hasSize(73);
    String contentType = "multipart/related; type=\"application/dicom\"; boundary=" + boundary;

    for (int round = 0; round < 2; round++) {
      byte[] body = orthancStyleBody(files, boundary);
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri("dicomweb/studies"))
                  .header("Content-Type", contentType)
                  .header("Accept", "application/dicom+json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () ->
                              new SequenceInputStream(
                                  new ByteArrayInputStream(body, 0, body.length / 2),
                                  new ByteArrayInputStream(
                                      body, body.length / 2, body.length - body.length / 2)))),
              ACCOUNT);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject answer = object(response.body());
      assertThat(answer.getJsonObject("00081199").getJsonArray("Value")).hasSize(files.size());
      assertThat(answer.containsKey("00081198")).isFalse();
    }
    assertThat(storedSopInstances(study.studyInstanceUid())).hasSize(files.size());
  }

  /** Lenient Content-Types on the REST channel, which JAX-RS parses before RTDS sees them. */
  @Test
  void quotedBoundariesWithSpacesAndParametersInAnyCaseOnTheRestApi() throws Exception {
    StudyManifest study = study(73);
    Path plan = study.plan().path();
    String boundary = "rtds it boundary with spaces";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("preamble\r\n--"
                + boundary
                + "\r\ncontent-disposition: form-data; name=\"f\";"
                + " filename=\"plan.dcm\"\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(Files.readAllBytes(plan));
    body.writeBytes(("\r\n--" + boundary + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII));
    for (String contentType :
        List.of(
            "multipart/form-data; Boundary=\"" + boundary + "\"",
            // dicomweb-client's variant: type unquoted (Jersey alone would refuse the '/')
            "multipart/related; type=application/dicom; boundary=\"" + boundary + "\"",
            "Multipart/Related; start=\"<1>\"; BOUNDARY=\""
                + boundary
                + "\"; type=application/dicom")) {
      HttpResponse<String> response = post("api/v1/instances", contentType, body.toByteArray());
      assertThat(response.statusCode()).as(contentType + ": " + response.body()).isEqualTo(200);
      assertThat(
              Json.createReader(new StringReader(response.body()))
                  .readArray()
                  .getJsonObject(0)
                  .getString("status"))
          .isIn("STORED", "DUPLICATE");
    }
  }

  /** Bodies the parser cannot read: 400 with a problem document that says why, never a 500. */
  @Test
  void malformedMultipartIsA400ProblemWithTheReasonOnStowRsAndTheRestApi() throws Exception {
    byte[] dicom = Files.readAllBytes(study(74).plan().path());
    String longBoundary = "b".repeat(1001);
    record Case(String contentType, byte[] body, String reason) {}
    List<Case> cases =
        List.of(
            new Case("", body("b", dicom, true), "without a boundary parameter"),
            new Case("; boundary=" + longBoundary, body("x", dicom, true), "boundary longer than"),
            new Case("; boundary=b", body("b", dicom, false), "before the closing boundary --b--"),
            new Case("; boundary=zzz", body("b", dicom, true), "holds no boundary --zzz"),
            new Case(
                "; boundary=b",
                "--bogus\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.US_ASCII),
                "unexpected text after the boundary --b: ogus"));
    for (String path : List.of("dicomweb/studies", "api/v1/instances")) {
      for (String media :
          List.of("multipart/related; type=\"application/dicom\"", "multipart/form-data")) {
        if (path.startsWith("dicomweb") && media.startsWith("multipart/form-data")) {
          continue; // STOW-RS takes multipart/related only (415, tested in IngestionIT)
        }
        for (Case c : cases) {
          String contentType = media + c.contentType();
          HttpResponse<String> response = post(path, contentType, c.body());
          String what = path + " with " + shorten(contentType);
          assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
          assertThat(response.headers().firstValue("Content-Type"))
              .as(what)
              .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
          JsonObject problem = object(response.body());
          assertThat(problem.getInt("status")).isEqualTo(400);
          assertThat(problem.getString("detail")).as(what).contains(c.reason());
        }
      }
    }
    // a truncated chunked STOW-RS body: the same answer
    HttpResponse<String> chunked =
        send(
            HttpRequest.newBuilder(uri("dicomweb/studies"))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=b")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body("b", dicom, false)))),
            ACCOUNT);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);
    assertThat(object(chunked.body()).getString("detail")).contains("closing boundary --b--");
    // a zip cut off in the middle of an entry: its reason, not a 500
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("plan.dcm"));
      zip.write(dicom);
    }
    byte[] cut = java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
    HttpResponse<String> truncatedZip = post("api/v1/instances", "application/zip", cut);
    assertThat(truncatedZip.statusCode()).as(truncatedZip.body()).isEqualTo(400);
    assertThat(object(truncatedZip.body()).getString("detail")).contains("zip archive is");
    // no part at all is not a store of nothing
    HttpResponse<String> empty =
        post(
            "dicomweb/studies",
            "multipart/related; type=\"application/dicom\"; boundary=b",
            "--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
  }

  // --- helpers ---

  /** A small generated clinical study (CT, RTSTRUCT, RTPLAN, RTDOSE) of its own per seed. */
  private StudyManifest study(long seed) throws Exception {
    return ClinicalStudy.write(
        temp.resolve("study-" + seed),
        ClinicalStudy.Options.defaults()
            .withSlices(12, 3)
            .withSeed(seed)
            .withPatient("STOW-" + seed, "STOW^IT" + seed));
  }

  /** Byte for byte what Orthanc's StowClientJob writes (DicomWebClient.cpp). */
  private static byte[] orthancStyleBody(List<Path> files, String boundary) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path file : files) {
      byte[] dicom = Files.readAllBytes(file);
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Type: application/dicom\r\nContent-Length: "
                  + dicom.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(dicom);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  /** One part; closed with {@code --boundary--} or cut off before it. */
  private static byte[] body(String boundary, byte[] dicom, boolean closed) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(dicom);
    if (closed) {
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return body.toByteArray();
  }

  private static String shorten(String text) {
    return text.length() < 120 ? text : text.substring(0, 100) + "…";
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        ACCOUNT);
  }

  private JsonObject studyView(String uid) throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri("api/v1/studies/" + uid)).GET(), ACCOUNT);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return object(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String account) throws Exception {
    if (account != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(
        request.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) throws Exception {
    return base.toURI().resolve(path);
  }

  private static JsonObject object(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  // --- the database: what RTDS stored or refused ---

  private static Connection connection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + System.getProperty("rtds.test.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("rtds.test.db.port", "3306")
            + "/"
            + ApplicationWiringIT.DB
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true",
        System.getProperty("rtds.test.db.user", "root"),
        System.getProperty("rtds.test.db.password", ""));
  }

  private static Set<String> storedSopInstances(String studyUid) throws SQLException {
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT o.SOPInstanceUID FROM rtds_object o JOIN auth_user u"
                    + " ON u.id = o.fk_user_id_id WHERE o.StudyInstanceUID = ? AND u.username = ?")) {
      s.setString(1, studyUid);
      s.setString(2, ACCOUNT);
      Set<String> uids = new HashSet<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          assertThat(uids.add(rows.getString(1))).as("stored once: " + rows.getString(1)).isTrue();
        }
      }
      return Collections.unmodifiableSet(uids);
    }
  }

  private static int rejections(String studyUid, List<DicomFile> files) throws SQLException {
    List<String> uids = new ArrayList<>(files.stream().map(DicomFile::sopInstanceUid).toList());
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM rtds_rejection WHERE SOPInstanceUID IN ("
                    + String.join(",", Collections.nCopies(uids.size(), "?"))
                    + ")")) {
      for (int i = 0; i < uids.size(); i++) {
        s.setString(i + 1, uids.get(i));
      }
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}

package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rtds.web.it.ApplicationWiringIT.ADMIN_PASSWORD;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.CtGrid;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.RoiSummary;
import org.rtds.testdata.StudyManifest;
import org.rtds.web.api.OpenApiDocument;

/**
 * The contract test: every operation the served OpenAPI document ({@code /openapi}) lists is called
 * against the running application with the document's own examples (request bodies, query
 * parameters) and real data (two generated head-and-neck plans with their features computed), and
 * every answer is checked against the document: the status is one it documents, the media type too,
 * and the body validates against the documented schema ({@link OpenApiSchemas}: a field the
 * document does not describe fails). Each operation's documented errors are provoked where a
 * request can provoke them — 401 without credentials, 403 as an account without permissions, 404
 * with unknown names in the path, 406 for XML, 400 with a malformed parameter or body, 415 for a
 * text body — and must be problem documents. 413, 429 and 503 are provoked by {@code
 * ApplicationWiringIT}, {@code ApiConventionsIT} and the fault tests. The document and the JAX-RS
 * resources must list the same operations, so neither can drift from the other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

  /** The example of {@code POST /me/password} starts from this password. */
  static final String CONTRACT_USER = "contract.user";

  static final String CONTRACT_PASSWORD = "amber-meadow-compass-17";

  static final String NOBODY = "no.permissions";

  static final String NOBODY_PASSWORD = "plain-reader-without-rights-1";

  /** Values that each query parameter refuses with 400. */
  static final Map<String, String> BAD_QUERY =
      Map.ofEntries(
          Map.entry("page", "0"),
          Map.entry("size", "0"),
          Map.entry("limit", "0"),
          Map.entry("k", "0"),
          Map.entry("step", "a-lot"),
          Map.entry("tolerance", "-1"),
          Map.entry("metrics", "Dnonsense"),
          Map.entry("from", "yesterday"),
          Map.entry("to", "31.12.2026"),
          Map.entry("patient", "abc"),
          Map.entry("outcome", "7"),
          Map.entry("sort", "shoe-size"),
          Map.entry("x", "left"));

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Path folder;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @AfterAll
  static void remove() throws Exception {
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One operation of the document. */
  record Op(String method, String path, JsonObject spec) {
    String key() {
      return method + " " + path;
    }

    Set<String> documented() {
      return spec.getJsonObject("responses").keySet();
    }

    JsonObject response(String status) {
      return spec.getJsonObject("responses").getJsonObject(status);
    }

    List<JsonObject> parameters(String in) {
      List<JsonObject> found = new ArrayList<>();
      if (spec.containsKey("parameters")) {
        for (JsonValue p : spec.getJsonArray("parameters")) {
          if (in.equals(p.asJsonObject().getString("in"))) {
            found.add(p.asJsonObject());
          }
        }
      }
      return found;
    }

    boolean hasJsonBody() {
      return spec.containsKey("requestBody")
          && spec.getJsonObject("requestBody").getJsonObject("content").containsKey(JSON);
    }

    /** Makers first (their ids name things later), readers, changers, deleters, recomputation. */
    int order() {
      if (key().equals("POST /api/v1/features/recompute")) {
        return 5;
      }
      int params = (int) path.chars().filter(c -> c == '{').count();
      return switch (method) {
        case "POST" -> params == 0 ? 0 : 1;
        case "GET" -> 2;
        case "PUT" -> 3;
        default -> 4;
      };
    }
  }

  static final String JSON = "application/json";

  private final Map<String, String> created = new LinkedHashMap<>();

  private final List<String> failures = new ArrayList<>();

  private final List<String> exchanged = new ArrayList<>();

  private StudyManifest study;

  /** The contract account's password: the example of {@code POST /me/password} changes it. */
  private String contractPassword = CONTRACT_PASSWORD;

  private String roiNumber;

  @Test
  void everyDocumentedOperationAnswersAsDocumented() throws Exception {
    RtdsHttp rtds = new RtdsHttp(base);
    rtds.awaitReady();
    folder = Files.createTempDirectory("rtds-contract-it");
    study = ClinicalStudy.write(folder, KnowledgeBaseIT.tenthOfTheData(21));
    StudyManifest other =
        ClinicalStudy.write(folder.resolve("other"), KnowledgeBaseIT.tenthOfTheData(22));
    rtds.upload(other.allFiles().stream().map(DicomFile::path).toList());
    rtds.upload(study.allFiles().stream().map(DicomFile::path).toList());
    assertThat(rtds.awaitFeatures(other.studyInstanceUid()).getString("status")).isEqualTo("DONE");
    assertThat(rtds.awaitFeatures(study.studyInstanceUid()).getString("status")).isEqualTo("DONE");
    roiNumber =
        rtds.json("api/v1/studies/" + study.studyInstanceUid() + "/rois")
            .asJsonArray()
            .getJsonObject(0)
            .getString("number");
    assertSeriesListsWhatWasReceived(rtds);
    assertViewerDataIsWhatWasSent(rtds);
    ApplicationWiringIT.createAccount(CONTRACT_USER, CONTRACT_PASSWORD);
    ApplicationWiringIT.createAccount(NOBODY, NOBODY_PASSWORD, null, null);

    HttpResponse<String> served = send(request("/openapi").header("Accept", JSON).GET(), null);
    assertThat(served.statusCode()).isEqualTo(200);
    JsonObject document = Json.createReader(new StringReader(served.body())).readObject();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), served.body());
    OpenApiSchemas schemas = new OpenApiSchemas(document);

    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        ops.add(new Op(op.getKey().toUpperCase(), path.getKey(), op.getValue().asJsonObject()));
      }
    }
    Set<String> documented = new TreeSet<>(ops.stream().map(Op::key).toList());
    assertThat(documented)
        .as("the served document and the JAX-RS resources list the same operations")
        .containsExactlyInAnyOrderElementsOf(OpenApiDocument.roles().keySet());

    ops.sort(Comparator.comparingInt(Op::order).thenComparing(Op::path));
    for (Op op : ops) {
      probeErrors(op, schemas);
      succeed(op, schemas);
      probeConflict(op);
    }
    Path report = Path.of("target", "api-contract.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, exchanged);
    assertThat(failures).as("contract violations").isEmpty();
    assertThat(exchanged.size()).isGreaterThan(ops.size() * 3);
  }

  /** The CT series answer lists exactly the CT images sent, in JSON and as CSV rows. */
  private void assertSeriesListsWhatWasReceived(RtdsHttp rtds) throws Exception {
    String ctSeries = study.ctImages().get(0).seriesInstanceUid();
    String path = "api/v1/studies/" + study.studyInstanceUid() + "/series/" + ctSeries;
    JsonObject series = rtds.json(path).asJsonObject();
    assertThat(series.getString("modality")).isEqualTo("CT");
    assertThat(
            series.getJsonArray("instances").stream()
                .map(i -> i.asJsonObject().getString("sopInstanceUid"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            study.ctImages().stream().map(DicomFile::sopInstanceUid).toList());
    series.getJsonArray("instances").stream()
        .map(JsonValue::asJsonObject)
        .forEach(
            i -> {
              assertThat(i.getString("sopClassUid")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
              assertThat(i.getJsonNumber("sizeBytes").longValue()).isPositive();
              assertThat(i.getString("channel")).isEqualTo("REST");
            });
    assertThat(series.getJsonObject("links").getString("metadata"))
        .isEqualTo(
            "/rtds/dicomweb/studies/"
                + study.studyInstanceUid()
                + "/series/"
                + ctSeries
                + "/metadata");
    HttpResponse<String> csv = rtds.get(path, "text/csv");
    assertThat(csv.body().split("\n"))
        .as("a header and one row per CT image")
        .hasSize(study.ctSliceCount() + 1);
    assertThat(rtds.get(path.replace(ctSeries, ctSeries + ".9"), JSON).statusCode()).isEqualTo(404);
  }

  /**
   * The viewer's data against the files sent: the CT's geometry, one image's Hounsfield units read
   * independently with PixelMed, every ROI's contours by plane, and the dose inside the high-dose
   * target and outside the grid.
   */
  private void assertViewerDataIsWhatWasSent(RtdsHttp rtds) throws Exception {
    String api = "api/v1/studies/" + study.studyInstanceUid();
    JsonObject ct = rtds.json(api + "/ct").asJsonObject();
    CtGrid grid = study.ctGrid();
    assertThat(ct.getInt("rows")).isEqualTo(grid.rows());
    assertThat(ct.getInt("columns")).isEqualTo(grid.columns());
    JsonArray slices = ct.getJsonArray("slices");
    assertThat(slices).hasSize(grid.slices());
    for (int k = 0; k < grid.slices(); k++) {
      JsonObject slice = slices.getJsonObject(k);
      assertThat(slice.getJsonNumber("zMm").doubleValue()).isCloseTo(grid.z(k), within(1e-6));
      assertThat(slice.getString("sopInstanceUid"))
          .isEqualTo(study.ctImages().get(k).sopInstanceUid());
    }

    DicomFile middle = study.ctImages().get(grid.slices() / 2);
    JsonObject image = rtds.json(api + "/ct/" + middle.sopInstanceUid()).asJsonObject();
    assertThat(image.getString("encoding")).isEqualTo("int16le-base64");
    ShortBuffer hu =
        ByteBuffer.wrap(Base64.getDecoder().decode(image.getString("hu")))
            .order(ByteOrder.LITTLE_ENDIAN)
            .asShortBuffer();
    AttributeList file = new AttributeList();
    file.read(middle.path().toFile());
    short[] stored = file.get(TagFromName.PixelData).getShortValues();
    double slope = Attribute.getSingleDoubleValueOrDefault(file, TagFromName.RescaleSlope, 1);
    double intercept =
        Attribute.getSingleDoubleValueOrDefault(file, TagFromName.RescaleIntercept, 0);
    assertThat(hu.remaining()).isEqualTo(stored.length).isEqualTo(grid.rows() * grid.columns());
    for (int i = 0; i < stored.length; i++) {
      assertThat(hu.get(i))
          .as("pixel " + i)
          .isEqualTo((short) Math.round(stored[i] * slope + intercept));
    }
    assertThat(rtds.get(api + "/ct/" + study.structureSet().sopInstanceUid(), JSON).statusCode())
        .as("an object that is not a CT image has no pixels to show")
        .isEqualTo(404);

    Map<String, JsonObject> outlines = new HashMap<>();
    rtds.json(api + "/contours")
        .asJsonArray()
        .forEach(r -> outlines.put(r.asJsonObject().getString("roiNumber"), r.asJsonObject()));
    assertThat(outlines).hasSize(study.rois().size());
    for (RoiSummary roi : study.rois()) {
      JsonObject outline = outlines.get(String.valueOf(roi.number()));
      assertThat(outline.getString("name")).isEqualTo(roi.name());
      List<Double> planes =
          outline.getJsonArray("contours").stream()
              .map(c -> c.asJsonObject().getJsonNumber("zMm").doubleValue())
              .toList();
      assertThat(planes).as(roi.name()).hasSameSizeAs(roi.contourZMm());
      for (int c = 0; c < planes.size(); c++) {
        assertThat(planes.get(c)).isCloseTo(roi.contourZMm().get(c), within(1e-3));
        assertThat(
                outline.getJsonArray("contours").getJsonObject(c).getJsonArray("pointsMm").size())
            .isEqualTo(3 * roi.pointsPerContour().get(c));
      }
    }

    // the centre of the 70 Gy target (the anatomy moves by at most 3 mm): the prescribed dose
    JsonObject inside = rtds.json(api + "/dose?x=-15&y=-30&z=55").asJsonObject();
    assertThat(inside.getJsonNumber("prescriptionGy").doubleValue())
        .isEqualTo(study.prescription().targetPrescriptionDoseGy());
    assertThat(inside.getJsonNumber("doseGy").doubleValue()).isBetween(66.5, 75.0);
    JsonObject outside = rtds.json(api + "/dose?x=0&y=0&z=-5000").asJsonObject();
    assertThat(outside.containsKey("doseGy")).as("no dose outside the grid: " + outside).isFalse();
  }

  private void succeed(Op op, OpenApiSchemas schemas) throws Exception {
    List<String> success = op.documented().stream().filter(s -> s.startsWith("2")).toList();
    if (success.size() != 1) {
      failures.add(op.key() + ": documents " + success + " as success, expected exactly one");
      return;
    }
    String status = success.get(0);
    JsonObject content = op.response(status).getJsonObject("content");
    HttpResponse<String> answer = send(call(op, paths(op, false), query(op, null), true), op);
    if (!String.valueOf(answer.statusCode()).equals(status)) {
      failures.add(
          op.key() + ": expected " + status + ", got " + answer.statusCode() + " " + answer.body());
      return;
    }
    remember(op, answer);
    if (op.key().equals("POST /api/v1/me/password")) {
      contractPassword =
          Json.createReader(new StringReader(example(op))).readObject().getString("newPassword");
    }
    if (content == null || content.isEmpty()) {
      if (!answer.body().isEmpty()) {
        failures.add(op.key() + ": documents no body for " + status + " but sent one");
      }
      return;
    }
    if (!content.containsKey(JSON)) {
      failures.add(op.key() + ": " + status + " documents no application/json content");
      return;
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith(JSON)) {
      failures.add(op.key() + ": answered " + type + " instead of " + JSON);
      return;
    }
    JsonObject schema = content.getJsonObject(JSON).getJsonObject("schema");
    if (schema == null) {
      failures.add(op.key() + ": " + status + " has no schema");
    } else {
      if (!schemas.describes(schema)) {
        failures.add(op.key() + ": " + status + " is described only as " + schema);
      }
      schemas
          .undescribed(schema)
          .forEach(p -> failures.add(op.key() + " " + status + ": " + p + " has no description"));
      JsonValue body = Json.createReader(new StringReader(answer.body())).readValue();
      schemas.check(body, schema).forEach(e -> failures.add(op.key() + " " + status + ": " + e));
    }
    if (content.containsKey("text/csv") && op.method.equals("GET")) {
      HttpResponse<String> csv =
          send(
              call(op, paths(op, false), query(op, null), true).setHeader("Accept", "text/csv"),
              op);
      if (csv.statusCode() != 200
          || !csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")
          || csv.body().isBlank()) {
        failures.add(op.key() + ": documents text/csv but answered " + csv.statusCode());
      }
    }
  }

  private void probeErrors(Op op, OpenApiSchemas schemas) throws Exception {
    for (String status : List.of("401", "403", "404", "406", "400", "415")) {
      if (!op.documented().contains(status)) {
        continue;
      }
      HttpRequest.Builder request;
      switch (status) {
        case "401" -> request = call(op, paths(op, false), query(op, null), false);
        case "403" ->
            request =
                call(op, paths(op, false), query(op, null), false)
                    .setHeader("Authorization", basic(NOBODY, NOBODY_PASSWORD));
        case "404" -> request = call(op, paths(op, true), query(op, null), true);
        case "406" ->
            request =
                call(op, paths(op, false), query(op, null), true)
                    .setHeader("Accept", "application/xml");
        case "415" ->
            request =
                withBody(
                    call(op, paths(op, false), query(op, null), true),
                    op.method,
                    "text/plain",
                    "not JSON");
        default -> {
          request = badRequest(op);
          if (request == null) {
            failures.add(op.key() + ": documents 400 but the test knows no way to provoke it");
            continue;
          }
        }
      }
      if (op.key().equals("POST /api/v1/instances") && !status.equals("415")) {
        // a refusal comes before the body is read: send a small one, not a CT slice
        request = withBody(request, op.method, "application/dicom", "not DICOM");
      }
      HttpResponse<String> answer = send(request, op);
      if (!String.valueOf(answer.statusCode()).equals(status)) {
        failures.add(
            op.key()
                + ": provoking "
                + status
                + " answered "
                + answer.statusCode()
                + " "
                + answer.body());
        continue;
      }
      JsonObject content = op.response(status).getJsonObject("content");
      if (content == null || !content.containsKey("application/problem+json")) {
        failures.add(op.key() + ": " + status + " is not documented as a problem document");
        continue;
      }
      if (!answer
          .headers()
          .firstValue("Content-Type")
          .orElse("")
          .startsWith("application/problem+json")) {
        failures.add(
            op.key() + ": " + status + " answered " + answer.headers().firstValue("Content-Type"));
        continue;
      }
      JsonValue body = Json.createReader(new StringReader(answer.body())).readValue();
      schemas
          .check(body, content.getJsonObject("application/problem+json").getJsonObject("schema"))
          .forEach(e -> failures.add(op.key() + " " + status + ": " + e));
    }
  }

  /** A body that conflicts with a constraint every installation starts with (QUANTEC). */
  static final String SEEDED_CONSTRAINT =
      "{\"standardName\": \"Parotid_L\", \"metric\": \"Dmean\", \"comparator\": \"<\","
          + " \"limit\": 26}";

  /** 409 where documented: the example again after it succeeded, or a body equal to another. */
  private void probeConflict(Op op) throws Exception {
    if (!op.documented().contains("409")) {
      return;
    }
    HttpRequest.Builder request = call(op, paths(op, false), query(op, null), true);
    if (op.key().equals("PUT /api/v1/constraints/{id}")) {
      request = withBody(request, op.method, JSON, SEEDED_CONSTRAINT);
    } else if (!op.method.equals("POST")) {
      failures.add(op.key() + ": documents 409 but the test knows no way to provoke it");
      return;
    }
    HttpResponse<String> answer = send(request, op);
    if (answer.statusCode() != 409
        || !answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json")) {
      failures.add(
          op.key() + ": provoking 409 answered " + answer.statusCode() + " " + answer.body());
    }
  }

  /** A request the operation refuses with 400: a bad query value, else a malformed body. */
  private HttpRequest.Builder badRequest(Op op) throws Exception {
    for (JsonObject p : op.parameters("query")) {
      String bad = BAD_QUERY.get(p.getString("name"));
      if (bad != null) {
        return call(op, paths(op, false), query(op, Map.of(p.getString("name"), bad)), true);
      }
    }
    if (op.hasJsonBody()) {
      return withBody(
          call(op, paths(op, false), query(op, null), true), op.method, JSON, "{\"unclosed\": ");
    }
    if (op.key().equals("POST /api/v1/instances")) {
      return withBody(
          call(op, paths(op, false), query(op, null), true),
          op.method,
          "application/dicom",
          "not DICOM");
    }
    return null;
  }

  private HttpRequest.Builder call(
      Op op, Map<String, String> pathValues, String query, boolean authenticated) throws Exception {
    String path = op.path.substring(1);
    for (Map.Entry<String, String> v : pathValues.entrySet()) {
      path =
          path.replace(
              "{" + v.getKey() + "}",
              URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    HttpRequest.Builder request = request(path + query).header("Accept", JSON);
    if (authenticated) {
      request.header(
          "Authorization",
          op.path.startsWith("/api/v1/me")
              ? basic(CONTRACT_USER, contractPassword)
              : basic("admin", ADMIN_PASSWORD));
    }
    if (op.key().equals("POST /api/v1/instances")) {
      return request
          .header("Content-Type", "application/dicom")
          .POST(HttpRequest.BodyPublishers.ofFile(study.ctImages().get(0).path()));
    }
    if (op.hasJsonBody()) {
      return withBody(request, op.method, JSON, example(op));
    }
    return request.method(op.method, HttpRequest.BodyPublishers.noBody());
  }

  private static HttpRequest.Builder withBody(
      HttpRequest.Builder request, String method, String type, String body) {
    return request
        .setHeader("Content-Type", type)
        .method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  /** The request body example the document gives. */
  private String example(Op op) {
    JsonObject media =
        op.spec.getJsonObject("requestBody").getJsonObject("content").getJsonObject(JSON);
    JsonValue value = null;
    if (media.containsKey("examples") && !media.getJsonObject("examples").isEmpty()) {
      value =
          media.getJsonObject("examples").values().iterator().next().asJsonObject().get("value");
    } else if (media.containsKey("example")) {
      value = media.get("example");
    }
    if (value == null) {
      failures.add(op.key() + ": its request body has no example");
      return "{}";
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  /** The query string from the documented examples, with {@code override} replacing some. */
  private String query(Op op, Map<String, String> override) {
    StringBuilder q = new StringBuilder();
    for (JsonObject p : op.parameters("query")) {
      String name = p.getString("name");
      String value = override != null && override.containsKey(name) ? override.get(name) : null;
      if (value == null && p.containsKey("example")) {
        value =
            p.get("example") instanceof JsonString s ? s.getString() : p.get("example").toString();
      }
      if (value != null) {
        q.append(q.length() == 0 ? "?" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }

  /** Values of the path's parameters: real ones, or ones that name nothing. */
  private Map<String, String> paths(Op op, boolean unknown) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonObject p : op.parameters("path")) {
      String name = p.getString("name");
      values.put(name, unknown ? unknown(name) : known(op, name));
    }
    return values;
  }

  private static String unknown(String name) {
    return switch (name) {
      case "uid", "ctSopInstanceUid", "seriesUid" -> "1.2.826.0.1.3680043.99999";
      case "name" -> "No Such Hospital";
      default -> "999999";
    };
  }

  private String known(Op op, String name) {
    String collection = op.path.substring(0, op.path.indexOf("/{"));
    return switch (name) {
      case "uid" -> study.studyInstanceUid();
      case "ctSopInstanceUid" -> study.ctImages().get(study.ctImages().size() / 2).sopInstanceUid();
      case "seriesUid" -> study.ctImages().get(0).seriesInstanceUid();
      case "roiNumber" -> roiNumber;
      case "name" -> "UCLA";
      default -> {
        String id = created.get(collection);
        if (id == null) {
          failures.add(op.key() + ": no " + collection + " made before it to name");
          yield "0";
        }
        yield id;
      }
    };
  }

  /** Keeps the id of what a POST made, and the patient's id, for the operations after it. */
  private void remember(Op op, HttpResponse<String> answer) {
    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith(JSON)) {
      return;
    }
    JsonValue body = Json.createReader(new StringReader(answer.body())).readValue();
    if (op.method.equals("POST") && body instanceof JsonObject o) {
      JsonObject holder =
          o.containsKey("user")
              ? o.getJsonObject("user")
              : o.containsKey("view") ? o.getJsonObject("view") : o;
      if (holder.containsKey("id")) {
        created.put(op.path, holder.get("id").toString());
      }
    }
    if (op.key().equals("GET /api/v1/patients") && body instanceof JsonObject page) {
      JsonArray items = page.getJsonArray("items");
      if (!items.isEmpty()) {
        created.put("/api/v1/patients", items.getJsonObject(0).get("id").toString());
      }
    }
  }

  private HttpRequest.Builder request(String path) throws Exception {
    URI uri = base.toURI().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Op op) throws Exception {
    HttpRequest built = request.build();
    HttpResponse<String> answer;
    try {
      answer = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      // a second try tells a dropped keep-alive connection from a server that hangs up
      try {
        answer = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.io.IOException again) {
        throw new AssertionError(
            (op == null ? "" : op.key() + ": ")
                + built.method()
                + " "
                + built.uri()
                + " failed twice: "
                + again,
            again);
      }
    }
    exchanged.add(
        built.method()
            + " "
            + built.uri().getRawPath()
            + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery())
            + " [Accept "
            + built.headers().firstValue("Accept").orElse("-")
            + "] -> "
            + answer.statusCode()
            + " "
            + answer.headers().firstValue("Content-Type").orElse(""));
    return answer;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * The knowledge-base features of a deployed RTDS: a generated head-and-neck study (two PTV levels,
 * organs with TG-263 names) is uploaded; once its features are done, every PTV × OAR pair and the
 * union of the PTVs has an OVH and an STS, served as JSON and CSV.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnowledgeBaseIT {

  @ArquillianResource URL base;

  private static Path folder;
  private static StudyManifest study;
  private static StudyManifest other;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @BeforeAll
  static void generate() throws Exception {
    folder = Files.createTempDirectory("rtds-kb-it");
    // 400 mm in 64 slices, 256 × 256 pixels: the standard anatomy at a tenth of the data
    study = ClinicalStudy.write(folder, tenthOfTheData(11));
    // a second patient: the same protocol, the anatomy shifted by the seed
    other = ClinicalStudy.write(folder.resolve("other"), tenthOfTheData(12));
  }

  /** The standard head-and-neck anatomy in 64 slices of 256 × 256 pixels, 4 mm dose grid. */
  static ClinicalStudy.Options tenthOfTheData(long seed) {
    return ClinicalStudy.Options.defaults()
        .withSlices(64, 6.25)
        .withPixelSpacingMm(1.953125)
        .withDoseGridSpacingMm(4)
        .withSeed(seed);
  }

  @AfterAll
  static void remove() throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private RtdsHttp rtds;

  @BeforeEach
  void ready() throws Exception {
    rtds = new RtdsHttp(base);
    rtds.awaitReady();
  }

  @Test
  void aStudyGetsTheOvhAndStsOfEveryPtvOarPair() throws Exception {
    rtds.upload(study.allFiles().stream().map(DicomFile::path).toList());
    String uid = study.studyInstanceUid();
    JsonObject features = rtds.awaitFeatures(uid);
    assertThat(features.getString("status")).as(features.toString()).isEqualTo("DONE");
    assertThat(features.getString("detail"))
        .contains("OVH and STS of")
        .contains("PTV_High = PTV70")
        .contains("PTV_Low = PTV_5600");

    JsonArray ovh = rtds.json("api/v1/studies/" + uid + "/ovh").asJsonArray();
    Map<String, JsonObject> byPair =
        ovh.stream()
            .map(JsonValue::asJsonObject)
            .collect(
                Collectors.toMap(
                    o -> o.getString("ptv") + "/" + o.getString("oar"), Function.identity()));
    // 2 PTVs and their union, each with every organ at risk that has a TG-263 name
    long organs = byPair.keySet().stream().filter(k -> k.startsWith("PTV_High/")).count();
    assertThat(organs).isGreaterThan(15);
    assertThat(byPair.keySet().stream().filter(k -> k.startsWith("PTV_Low/")).count())
        .isEqualTo(organs);
    assertThat(byPair.keySet().stream().filter(k -> k.startsWith("PTV_All/")).count())
        .isEqualTo(organs);
    assertThat(byPair).containsKeys("PTV_High/Parotid_L", "PTV_High/SpinalCord");

    JsonObject parotid = byPair.get("PTV_High/Parotid_L");
    assertThat(parotid.getString("ptvRoi")).isEqualTo("PTV70");
    assertThat(parotid.getString("oarRoi")).isEqualTo("Parotid L");
    // the union is no single ROI (JSON-B leaves null fields out)
    JsonObject union = byPair.get("PTV_All/Parotid_L");
    assertThat(!union.containsKey("ptvRoi") || union.isNull("ptvRoi"))
        .as(union.toString())
        .isTrue();
    for (JsonObject o : byPair.values()) {
      List<Double> fractions = doubles(o.getJsonArray("fractions"));
      List<Double> distances = doubles(o.getJsonArray("distancesMm"));
      assertThat(distances).hasSize(201).startsWith(-50.0).endsWith(150.0);
      assertThat(fractions).hasSameSizeAs(distances).isSorted().endsWith(1.0);
      assertThat(o.getJsonArray("rvMm")).hasSize(20);
      assertThat(o.getJsonNumber("minMm").doubleValue())
          .isLessThanOrEqualTo(o.getJsonNumber("r50Mm").doubleValue());
    }
    // the union of the PTVs is at least as close to every organ as either PTV
    for (String organ : List.of("Parotid_L", "Parotid_R", "SpinalCord", "Brainstem")) {
      double all = byPair.get("PTV_All/" + organ).getJsonNumber("r50Mm").doubleValue();
      double high = byPair.get("PTV_High/" + organ).getJsonNumber("r50Mm").doubleValue();
      double low = byPair.get("PTV_Low/" + organ).getJsonNumber("r50Mm").doubleValue();
      assertThat(all).as(organ).isLessThanOrEqualTo(Math.min(high, low) + 1e-6);
    }

    JsonArray sts = rtds.json("api/v1/studies/" + uid + "/sts").asJsonArray();
    assertThat(sts).hasSameSizeAs(ovh);
    for (JsonValue v : sts) {
      JsonObject s = v.asJsonObject();
      assertThat(s.getJsonArray("amounts")).hasSize(1000);
      assertThat(doubles(s.getJsonArray("amounts")).stream().mapToDouble(d -> d).sum())
          .isCloseTo(1.0, within(1e-3));
      assertThat(doubles(s.getJsonArray("distanceEdgesMm"))).startsWith(0.0, 20.0);
    }

    HttpResponse<String> csv = rtds.get("api/v1/studies/" + uid + "/ovh", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("ptv,ptv_roi,oar,oar_roi,distance_mm,fraction");
    assertThat(lines).hasSize(1 + 201 * ovh.size());
    HttpResponse<String> stsCsv = rtds.get("api/v1/studies/" + uid + "/sts", "text/csv");
    assertThat(stsCsv.body()).startsWith("ptv,ptv_roi,oar,oar_roi,elevation_from_deg");
  }

  @Test
  void runningTheJobAgainReplacesTheRowsInsteadOfAddingSome() throws Exception {
    rtds.upload(study.allFiles().stream().map(DicomFile::path).toList());
    String uid = study.studyInstanceUid();
    assertThat(rtds.awaitFeatures(uid).getString("status")).isEqualTo("DONE");
    String before = rtds.get("api/v1/studies/" + uid + "/ovh", "text/csv").body();
    // a new generation of the study's inputs, as a re-sent object would request
    ApplicationWiringIT.database(
        "UPDATE `"
            + ApplicationWiringIT.DB
            + "`.rtds_feature_job j JOIN `"
            + ApplicationWiringIT.DB
            + "`.studies s ON s.id = j.fk_study_id_id SET j.RequestedGeneration ="
            + " j.RequestedGeneration + 1, j.Status = 'PENDING', j.UpdatedAt = UTC_TIMESTAMP(6)"
            + " WHERE s.StudyInstanceUID = '"
            + uid
            + "'");
    JsonObject again = rtds.awaitFeatures(uid); // PENDING until the scheduler ran it again
    assertThat(again.getString("status")).isEqualTo("DONE");
    assertThat(rtds.get("api/v1/studies/" + uid + "/ovh", "text/csv").body()).isEqualTo(before);
  }

  @Test
  void anAdministratorHasEverythingComputedAgainWithTheSameResult() throws Exception {
    rtds.upload(study.allFiles().stream().map(DicomFile::path).toList());
    String uid = study.studyInstanceUid();
    assertThat(rtds.awaitFeatures(uid).getString("status")).isEqualTo("DONE");
    String before = rtds.get("api/v1/studies/" + uid + "/ovh", "text/csv").body();

    HttpResponse<String> asked = rtds.post("api/v1/features/recompute");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    JsonObject answer =
        jakarta.json.Json.createReader(new java.io.StringReader(asked.body())).readObject();
    assertThat(answer.getInt("requested")).isGreaterThanOrEqualTo(1);
    assertThat(answer.getJsonObject("progress").getInt("upToDate"))
        .isLessThan(answer.getJsonObject("progress").getInt("studies"));
    assertThat(
            rtds.json("api/v1/studies/" + uid)
                .asJsonObject()
                .getJsonObject("features")
                .getString("status"))
        .isIn("PENDING", "RUNNING");

    assertThat(rtds.awaitFeatures(uid).getString("status")).isEqualTo("DONE");
    assertThat(rtds.get("api/v1/studies/" + uid + "/ovh", "text/csv").body()).isEqualTo(before);
    JsonObject progress = rtds.json("api/v1/features").asJsonObject();
    assertThat(progress.getInt("studies")).isGreaterThanOrEqualTo(1);

    // only administrators may ask
    ApplicationWiringIT.createAccount("kb-physicist", "physicist-password-1");
    RtdsHttp physicist = new RtdsHttp(base, "kb-physicist", "physicist-password-1");
    assertThat(physicist.post("api/v1/features/recompute").statusCode()).isEqualTo(403);
  }

  @Test
  void twoStudiesAreComparedInBothDirectionsOnTheirCommonPairs() throws Exception {
    rtds.upload(study.allFiles().stream().map(DicomFile::path).toList());
    assertThat(rtds.awaitFeatures(study.studyInstanceUid()).getString("status")).isEqualTo("DONE");
    rtds.upload(other.allFiles().stream().map(DicomFile::path).toList());
    JsonObject features = rtds.awaitFeatures(other.studyInstanceUid());
    assertThat(features.getString("status")).as(features.toString()).isEqualTo("DONE");
    assertThat(features.getString("detail")).contains("similarity with");

    String db = "`" + ApplicationWiringIT.DB + "`";
    List<List<String>> rows =
        ApplicationWiringIT.query(
            "select q.StudyInstanceUID, h.StudyInstanceUID, p.ROIName, o.ROIName,"
                + " s.OVHDissimilarity, s.STSDissimilarity, s.Similarity, s.DBStudyID = h.id"
                + " from "
                + db
                + ".similarity s join "
                + db
                + ".studies q on q.id = s.fk_study_id_id join "
                + db
                + ".studies h on h.id = s.fk_historical_study_id join "
                + db
                + ".oar_dictionary p on p.id = s.fk_ptv_id join "
                + db
                + ".oar_dictionary o on o.id = s.TargetOAR"
                + " where q.StudyInstanceUID in ('"
                + study.studyInstanceUid()
                + "', '"
                + other.studyInstanceUid()
                + "') and h.StudyInstanceUID in ('"
                + study.studyInstanceUid()
                + "', '"
                + other.studyInstanceUid()
                + "')");
    Map<String, List<String>> byKey =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3),
                    Function.identity()));
    // 2 PTV levels and their union × every organ, in both directions
    long oneWay = rows.stream().filter(r -> r.get(0).equals(other.studyInstanceUid())).count();
    assertThat(oneWay).isGreaterThan(3 * 15);
    assertThat(rows).hasSize((int) (2 * oneWay));
    for (List<String> r : rows) {
      assertThat(r.get(7)).as("DBStudyID names the historical study").isEqualTo("1");
      List<String> back = byKey.get(r.get(1) + "|" + r.get(0) + "|" + r.get(2) + "|" + r.get(3));
      assertThat(back).as("the reverse row of " + r).isNotNull();
      // the distances are symmetric, the target-dose difference changes sign (same Rx: 0)
      assertThat(Double.parseDouble(back.get(4)))
          .isCloseTo(Double.parseDouble(r.get(4)), within(1e-9));
      assertThat(Double.parseDouble(back.get(5)))
          .isCloseTo(Double.parseDouble(r.get(5)), within(1e-9));
      assertThat(Double.parseDouble(r.get(6))).isCloseTo(0.0, within(1e-9));
      // two patients of one protocol, anatomy shifted by a few mm: close, not identical
      assertThat(Double.parseDouble(r.get(4))).as("OVH EMD " + r).isBetween(0.0, 20.0);
    }
    assertThat(rows).anySatisfy(r -> assertThat(Double.parseDouble(r.get(4))).isPositive());
  }

  private static List<Double> doubles(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonNumber.class).stream()
        .map(jakarta.json.JsonNumber::doubleValue)
        .toList();
  }
}

package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.StudyManifest;

/** CSV and JSON forms of the report: header, row set, number format, escaping, JSON validity. */
class OutputFormatTest {
  @TempDir static Path dir;
  private static StudyManifest study;

  @BeforeAll
  static void write() throws IOException {
    study =
        PhantomStudy.write(
            dir,
            PhantomStudy.Options.defaults()
                .withShapes(Shape.SPHERE, Shape.CYLINDER_PARALLEL, Shape.CONE_PARALLEL));
    // an ROI name with CSV and JSON metacharacters: Cyl_Par → Cyl,"P" (same length, LO)
    DicomPatch.replace(study.structureSet().path(), 0x3006, 0x0026, "Cyl_Par", "Cyl,\"P\"");
  }

  @Test
  void csvHasTheExactHeaderAndOneRowPerRoiAndMetric() {
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean, d95% ,D0.03cc,V20Gy,D95%,v2000cGy");
    assertThat(r.status()).as(r.err()).isZero();
    String[] lines = r.out().split("\n", -1);
    assertThat(lines[0]).isEqualTo("roi_number,roi_name,metric,value,unit");
    assertThat(r.out()).endsWith("\n").doesNotContain("\r");
    // BODY + 3 objects; Volume, DvhVolume always first; duplicates (D95%, V2000cGy=V20Gy) once
    List<String> metrics = List.of("Volume", "DvhVolume", "Dmean", "D95%", "D0.03cc", "V20Gy");
    List<List<String>> rows = r.rows();
    assertThat(rows).hasSize(4 * metrics.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      assertThat(row).hasSize(5);
      assertThat(row.get(2)).isEqualTo(metrics.get(i % metrics.size()));
      assertThat(row.get(3)).matches("-?\\d+\\.\\d{4}");
      assertThat(row.get(4))
          .isEqualTo(
              switch (row.get(2)) {
                case "Volume", "DvhVolume" -> "cc";
                case "V20Gy" -> "%";
                default -> "Gy";
              });
    }
    assertThat(rows.stream().map(x -> x.get(0)).distinct()).containsExactly("1", "2", "3", "4");
    assertThat(rows.stream().map(x -> x.get(1)).distinct())
        .containsExactly("BODY", "PTV", "Cyl,\"P\"", "Cone_Par");
    assertThat(r.out()).contains("\n3,\"Cyl,\"\"P\"\"\",Volume,");
  }

  @Test
  void defaultMetricsAreDocumentedOnes() {
    Cli.Result r = Cli.run(dir);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.values().get("PTV").keySet())
        .containsExactly(
            "Volume",
            "DvhVolume",
            "Dmean",
            "Dmin",
            "Dmax",
            "D98%",
            "D95%",
            "D50%",
            "D2%",
            "D0.03cc",
            "V20Gy");
    Cli.Result help = Cli.runArgs("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out())
        .contains("Volume,Dmean,Dmin,Dmax,D98%,D95%,D50%,D2%,D0.03cc,V20Gy")
        .contains("stacked-prism")
        .contains("Exit status");
  }

  @Test
  void undefinedValuesAreEmptyWithTheirUnit() {
    Cli.Result r = Cli.run(dir, "--metrics", "D100cc,D5cc");
    assertThat(r.status()).as(r.err()).isZero();
    // the 7.2 cc sphere has no hottest 100 cc; BODY has
    assertThat(r.out()).contains("\n2,PTV,D100cc,,Gy\n");
    assertThat(r.values().get("BODY").get("D100cc")).isNotEmpty();
  }

  @Test
  void prescriptionMetricsUseThePlan() {
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean[%Rx],V50%Rx,HI,CI_RTOG");
    assertThat(r.status()).as(r.err()).isZero();
    // Rx = 28 Gy: the sphere's Dmean 16 Gy is 57.14 % of Rx; V50%Rx = V14Gy
    assertThat(r.value("PTV", "Dmean[%Rx]"))
        .isCloseTo(100 * 16 / 28.0, org.assertj.core.api.Assertions.within(0.2));
    assertThat(r.values().get("PTV").get("CI_RTOG")).isNotEmpty();
    assertThat(r.rows().stream().filter(x -> x.get(2).equals("HI")).map(x -> x.get(4)))
        .containsOnly("");
  }

  @Test
  void jsonParsesAndHoldsTheSameValues() {
    Cli.Result csv = Cli.run(dir, "--metrics", "Dmean,D95%,D0.03cc,V20Gy,D500cc");
    Cli.Result json = Cli.run(dir, "--metrics", "Dmean,D95%,D0.03cc,V20Gy,D500cc", "--json");
    assertThat(json.status()).as(json.err()).isZero();
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(json.out()))) {
      doc = reader.readObject();
    }
    assertThat(doc.getString("studyInstanceUid")).isEqualTo(study.studyInstanceUid());
    assertThat(doc.getJsonNumber("prescriptionGy").doubleValue()).isEqualTo(28.0);
    JsonArray rois = doc.getJsonArray("rois");
    assertThat(rois).hasSize(4);
    Map<String, Map<String, String>> fromCsv = csv.values();
    for (JsonValue v : rois) {
      JsonObject roi = v.asJsonObject();
      Map<String, String> expected = fromCsv.get(roi.getString("roiName"));
      assertThat(expected).as(roi.getString("roiName")).isNotNull();
      JsonArray metrics = roi.getJsonArray("metrics");
      assertThat(metrics).hasSize(expected.size());
      for (JsonValue mv : metrics) {
        JsonObject m = mv.asJsonObject();
        String csvValue = expected.get(m.getString("metric"));
        if (csvValue.isEmpty()) {
          assertThat(m.isNull("value")).isTrue();
          assertThat(m.getString("note")).isNotBlank();
        } else {
          assertThat(((JsonNumber) m.get("value")).bigDecimalValue().toPlainString())
              .isEqualTo(csvValue);
        }
        assertThat(m.getString("unit")).isNotNull();
      }
    }
    assertThat(rois.getJsonObject(2).getString("roiName")).isEqualTo("Cyl,\"P\"");
  }

  @Test
  void jsonCurveIsCumulativeInCc() {
    Cli.Result json = Cli.run(dir, "--metrics", "Dmean", "--json", "--curve", "--bin-width", "0.5");
    assertThat(json.status()).as(json.err()).isZero();
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(json.out()))) {
      doc = reader.readObject();
    }
    JsonObject ptv = doc.getJsonArray("rois").getJsonObject(1);
    JsonArray dose = ptv.getJsonObject("dvh").getJsonArray("doseGy");
    JsonArray volume = ptv.getJsonObject("dvh").getJsonArray("volumeCc");
    assertThat(dose).hasSameSizeAs(volume);
    assertThat(dose.getJsonNumber(1).doubleValue()).isEqualTo(0.5);
    double dvhVolume =
        ptv.getJsonArray("metrics").getJsonObject(1).getJsonNumber("value").doubleValue();
    assertThat(volume.getJsonNumber(0).doubleValue())
        .isCloseTo(dvhVolume, org.assertj.core.api.Assertions.within(1e-3));
    for (int i = 1; i < volume.size(); i++) {
      assertThat(volume.getJsonNumber(i).doubleValue())
          .isLessThanOrEqualTo(volume.getJsonNumber(i - 1).doubleValue());
    }
  }

  @Test
  void numberAndEscapingHelpers() {
    assertThat(DvhReport.number(1.23456)).isEqualTo("1.2346");
    assertThat(DvhReport.number(-0.00001)).isEqualTo("0.0000");
    assertThat(DvhReport.number(1e-9)).isEqualTo("0.0000");
    assertThat(DvhReport.number(12345678.9)).isEqualTo("12345678.9000");
    assertThat(DvhReport.number(Double.NaN)).isEmpty();
    assertThat(DvhReport.csv("PTV 70")).isEqualTo("PTV 70");
    assertThat(DvhReport.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(DvhReport.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(DvhReport.csv(" lead")).isEqualTo("\" lead\"");
    assertThat(DvhReport.csv("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(DvhReport.json("a\"b\\c\n\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
  }
}

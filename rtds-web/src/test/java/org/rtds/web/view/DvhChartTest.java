package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyDvhs;

class DvhChartTest {

  private static StudyDvhs.Dvh dvh(
      int roiId, String name, String role, String colour, String source, int bins) {
    double[] dose = new double[bins];
    double[] volume = new double[bins];
    for (int i = 0; i < bins; i++) {
      dose[i] = i * 0.01; // Gy
      volume[i] = 100.0 * (bins - 1 - i) / (bins - 1); // % falling linearly to 0
    }
    return new StudyDvhs.Dvh(
        new StudyDvhs.Roi(roiId, String.valueOf(roiId), name, null, role, "ORGAN", 10.0, colour),
        source,
        "1.2.3",
        dose,
        null,
        volume,
        0.0,
        dose[bins - 1],
        dose[bins - 1] / 2,
        List.of());
  }

  private static JsonArray datasets(String json) {
    JsonObject chart = Json.createReader(new StringReader(json)).readObject();
    assertThat(chart.getString("type")).isEqualTo("line");
    return chart.getJsonObject("data").getJsonArray("datasets");
  }

  @Test
  void oneCurvePerRoiInItsDicomColourTheOutlineHidden() {
    JsonArray sets =
        datasets(
            DvhChart.json(
                List.of(
                    dvh(1, "BODY", "EXTERNAL", "0\\255\\0", "COMPUTED", 11),
                    dvh(2, "Parotid L", "OAR", "255\\0\\0", "COMPUTED", 11),
                    dvh(3, "PTV70", "PTV", null, "COMPUTED", 11))));
    assertThat(sets).hasSize(3);
    assertThat(sets.getJsonObject(0).getString("label")).isEqualTo("BODY");
    assertThat(sets.getJsonObject(0).getBoolean("hidden")).isTrue();
    assertThat(sets.getJsonObject(1).getString("borderColor")).isEqualTo("rgb(255,0,0)");
    assertThat(sets.getJsonObject(1).getBoolean("hidden")).isFalse();
    assertThat(sets.getJsonObject(2).getString("borderColor")).startsWith("#");
    JsonObject first = sets.getJsonObject(1).getJsonArray("data").getJsonObject(0);
    assertThat(first.getJsonNumber("x").doubleValue()).isZero();
    assertThat(first.getJsonNumber("y").doubleValue()).isEqualTo(100.0);
  }

  @Test
  void theComputedDvhIsDrawnAndThePlanningSystemsOnlyWhereThereIsNone() {
    List<StudyDvhs.Dvh> shown =
        DvhChart.shown(
            List.of(
                dvh(2, "Parotid L", "OAR", null, "TPS_EMBEDDED", 11),
                dvh(2, "Parotid L", "OAR", null, "COMPUTED", 11),
                dvh(4, "Cord", "OAR", null, "TPS_EMBEDDED", 11)));
    assertThat(shown).extracting(StudyDvhs.Dvh::source).containsExactly("COMPUTED", "TPS_EMBEDDED");
    JsonArray sets = datasets(DvhChart.json(shown));
    assertThat(sets.getJsonObject(0).getJsonArray("borderDash")).isEmpty();
    assertThat(sets.getJsonObject(1).getJsonArray("borderDash")).hasSize(2);
  }

  @Test
  void aLongCurveIsThinnedKeepingItsEnds() {
    JsonArray data =
        datasets(DvhChart.json(List.of(dvh(2, "Cord", "OAR", null, "COMPUTED", 7001))))
            .getJsonObject(0)
            .getJsonArray("data");
    assertThat(data.size()).isLessThanOrEqualTo(DvhChart.MAX_POINTS + 1);
    JsonObject last = data.getJsonObject(data.size() - 1);
    assertThat(last.getJsonNumber("x").doubleValue()).isEqualTo(70.0);
    assertThat(last.getJsonNumber("y").doubleValue()).isZero();
  }

  @Test
  void malformedColoursFallBackToThePalette() {
    assertThat(DvhChart.colour("300\\-5\\12", 0)).isEqualTo("rgb(255,0,12)");
    assertThat(DvhChart.colour("red", 1)).isEqualTo(DvhChart.colour(null, 1));
    assertThat(DvhChart.colour("1\\2\\x", 2)).startsWith("#");
  }

  private static JsonObject chart(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static double x(JsonObject dataset, int point) {
    return dataset.getJsonArray("data").getJsonObject(point).getJsonNumber("x").doubleValue();
  }

  private static double y(JsonObject dataset, int point) {
    return dataset.getJsonArray("data").getJsonObject(point).getJsonNumber("y").doubleValue();
  }

  @Test
  void doseInPercentOfThePrescription() {
    JsonObject c =
        chart(
            DvhChart.json(
                List.of(dvh(2, "Parotid L", "OAR", null, "COMPUTED", 11)),
                new DvhChart.Options(false, false, 0.05),
                null));
    JsonObject curve = c.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
    // 0.10 Gy of a 0.05 Gy prescription is 200 %
    assertThat(x(curve, 10)).isEqualTo(200.0);
    assertThat(y(curve, 0)).isEqualTo(100.0);
    assertThat(
            c.getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("x")
                .getJsonObject("title")
                .getString("text"))
        .isEqualTo("Dose (% of the prescription, 0.05 Gy)");
  }

  @Test
  void absoluteVolumeIsThePercentOfTheStructuresVolume() {
    JsonObject c =
        chart(
            DvhChart.json(
                List.of(dvh(2, "Parotid L", "OAR", null, "COMPUTED", 11)),
                new DvhChart.Options(false, true, null),
                null));
    JsonObject curve = c.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
    // the ROI holds 10 cc: 100 % is 10 cc, 50 % is 5 cc
    assertThat(y(curve, 0)).isEqualTo(10.0);
    assertThat(y(curve, 5)).isEqualTo(5.0);
    JsonObject axis = c.getJsonObject("options").getJsonObject("scales").getJsonObject("y");
    assertThat(axis.containsKey("max")).as("no 100 % ceiling in cc").isFalse();
    assertThat(axis.getJsonObject("title").getString("text")).isEqualTo("Volume (cc)");
  }

  @Test
  void theDifferentialOfALinearlyFallingDvhIsFlat() {
    // 100 % lost over 10 bins of 0.01 Gy: 1000 % per Gy in every bin, at the bins' middles
    double[][] differential =
        DvhChart.curve(
            dvh(2, "Parotid L", "OAR", null, "COMPUTED", 11),
            new DvhChart.Options(true, false, null));
    assertThat(differential[0]).hasSize(10);
    assertThat(differential[0][0]).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
    for (double perGy : differential[1]) {
      assertThat(perGy).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void theAchievableBandIsFilledBetweenItsMinimumAndMaximumOnTheCumulativeDvhOnly() {
    KnowledgeBase.DvhBandView band =
        new KnowledgeBase.DvhBandView(
            "Parotid_L",
            5,
            List.of(new KnowledgeBase.StudyRef("k1", false, null, null, 70.0)),
            new double[] {0, 10, 20},
            new double[] {100, 40, 0},
            new double[] {100, 60, 10},
            new double[] {100, 80, 30},
            null,
            null,
            "rule",
            List.of());
    List<StudyDvhs.Dvh> curves = List.of(dvh(2, "Parotid L", "OAR", null, "COMPUTED", 11));
    JsonArray sets =
        chart(DvhChart.json(curves, DvhChart.Options.DEFAULT, band))
            .getJsonObject("data")
            .getJsonArray("datasets");
    assertThat(sets).hasSize(4);
    assertThat(sets.getJsonObject(1).getString("label")).isEqualTo("Band max");
    assertThat(y(sets.getJsonObject(1), 1)).isEqualTo(80.0);
    assertThat(sets.getJsonObject(2).getString("fill")).isEqualTo("-1");
    assertThat(y(sets.getJsonObject(2), 1)).isEqualTo(40.0);
    assertThat(y(sets.getJsonObject(3), 1)).isEqualTo(60.0);
    assertThat(
            chart(DvhChart.json(curves, new DvhChart.Options(true, false, null), band))
                .getJsonObject("data")
                .getJsonArray("datasets"))
        .as("no band on a differential DVH")
        .hasSize(1);
  }
}

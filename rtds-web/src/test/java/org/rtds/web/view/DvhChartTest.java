package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}

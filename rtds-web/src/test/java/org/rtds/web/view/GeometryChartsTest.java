package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.knowledge.sts.StsBins;

class GeometryChartsTest {

  private static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void theOvhIsTheOrgansShareWithinEachDistanceInPercent() {
    StudyGeometry.OvhView ovh =
        new StudyGeometry.OvhView(
            "PTV_High",
            "PTV70",
            "Parotid_L",
            "Parotid L",
            new double[] {-2, 0, 5, 10},
            new double[] {0.1, 0.25, 0.6, 1.0},
            1000,
            0.1,
            30.0,
            new double[0],
            4.0,
            4.5,
            4.0,
            -2,
            10,
            3.1,
            0.2);
    JsonObject chart = read(GeometryCharts.ovh(ovh));
    assertThat(chart.getString("type")).isEqualTo("line");
    JsonArray data =
        chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
    assertThat(data).hasSize(4);
    assertThat(data.getJsonObject(0).getJsonNumber("x").doubleValue()).isEqualTo(-2.0);
    assertThat(data.getJsonObject(2).getJsonNumber("y").doubleValue()).isEqualTo(60.0);
    assertThat(
            chart
                .getJsonObject("data")
                .getJsonArray("datasets")
                .getJsonObject(0)
                .getString("label"))
        .isEqualTo("Parotid L within distance of PTV70 (PTV_High)");
  }

  @Test
  void theStsViewsSumTheOtherTwoDimensionsInPercentOfTheTarget() {
    double[] amounts = new double[StsBins.SIZE];
    amounts[StsBins.index(2, 0, 5)] = 0.25; // 0–20 mm, azimuth 0–36°
    amounts[StsBins.index(7, 0, 5)] = 0.25; // same distance and azimuth, another elevation
    amounts[StsBins.index(4, 9, 0)] = 0.5; // 180 mm and beyond, azimuth −180–−144°
    StudyGeometry.StsView sts =
        new StudyGeometry.StsView(
            "PTV_All",
            null,
            "SpinalCord",
            "Cord",
            StsBins.elevationEdgesDeg(),
            StsBins.distanceEdgesMm(),
            StsBins.azimuthEdgesDeg(),
            amounts);
    JsonObject byDistance = read(GeometryCharts.stsByDistance(sts));
    assertThat(byDistance.getString("type")).isEqualTo("bar");
    JsonArray labels = byDistance.getJsonObject("data").getJsonArray("labels");
    assertThat(labels.getString(0)).isEqualTo("0–20");
    assertThat(labels.getString(9)).isEqualTo("180+");
    JsonArray d =
        byDistance
            .getJsonObject("data")
            .getJsonArray("datasets")
            .getJsonObject(0)
            .getJsonArray("data");
    assertThat(d.getJsonNumber(0).doubleValue()).isEqualTo(50.0);
    assertThat(d.getJsonNumber(9).doubleValue()).isEqualTo(50.0);
    assertThat(d.getJsonNumber(4).doubleValue()).isZero();

    JsonObject byAzimuth = read(GeometryCharts.stsByAzimuth(sts));
    assertThat(byAzimuth.getString("type")).isEqualTo("polarArea");
    JsonArray a =
        byAzimuth
            .getJsonObject("data")
            .getJsonArray("datasets")
            .getJsonObject(0)
            .getJsonArray("data");
    assertThat(a.getJsonNumber(5).doubleValue()).isEqualTo(50.0);
    assertThat(a.getJsonNumber(0).doubleValue()).isEqualTo(50.0);
    assertThat(byAzimuth.getJsonObject("data").getJsonArray("labels").getString(5))
        .isEqualTo("0° to 36°");
    assertThat(
            byAzimuth
                .getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("r")
                .getJsonObject("pointLabels")
                .getBoolean("display"))
        .as("the sectors are named around the circle")
        .isTrue();
  }
}

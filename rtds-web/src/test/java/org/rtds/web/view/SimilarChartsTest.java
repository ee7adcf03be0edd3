package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.rtds.features.boundary.KnowledgeBase;

class SimilarChartsTest {

  private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.rtds.web.messages");

  private static SimilarPlans.Row row(int rank, Double r50, Double dmean) {
    return new SimilarPlans.Row(
        rank,
        0.1 * rank,
        false,
        "KB-" + rank,
        null,
        null,
        null,
        false,
        70.0,
        100.0,
        r50,
        dmean,
        dmean,
        0);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static JsonArray datasets(JsonObject chart) {
    return chart.getJsonObject("data").getJsonArray("datasets");
  }

  private static List<String> roles(JsonArray sets) {
    return sets.stream().map(v -> v.asJsonObject().getString("rtdsRole")).toList();
  }

  @Test
  void theScatterHasOnePointPerPlanWithBothValuesAndThisPlanApart() {
    List<SimilarPlans.Row> rows =
        List.of(row(1, 2.0, 30.0), row(2, -1.5, 45.25), row(3, null, 20.0), row(4, 8.0, null));
    JsonObject chart =
        parse(
            SimilarCharts.scatter(
                rows, new SimilarCharts.Current("Doe, Jane", 1.0, 40.0), "Parotid L", TEXT));
    assertThat(chart.getString("type")).isEqualTo("scatter");
    JsonArray sets = datasets(chart);
    assertThat(roles(sets)).containsExactly("plans", "current");
    JsonArray plans = sets.getJsonObject(0).getJsonArray("data");
    assertThat(plans).hasSize(2); // the two with r50 and Dmean
    assertThat(SimilarCharts.plotted(rows)).isEqualTo(2);
    JsonObject second = plans.getJsonObject(1);
    assertThat(second.getJsonNumber("x").doubleValue()).isEqualTo(-1.5);
    assertThat(second.getJsonNumber("y").doubleValue()).isEqualTo(45.25);
    assertThat(second.getString("label")).isEqualTo("#2 KB-2");
    assertThat(sets.getJsonObject(0).getString("label")).isEqualTo("Similar plans (2)");

    JsonObject current = sets.getJsonObject(1);
    assertThat(current.getString("label")).isEqualTo("This plan: Doe, Jane");
    assertThat(current.getString("pointStyle")).isEqualTo("triangle");
    assertThat(current.getString("backgroundColor"))
        .isNotEqualTo(sets.getJsonObject(0).getString("backgroundColor"));
    assertThat(current.getJsonArray("data")).hasSize(1);
    assertThat(current.getJsonArray("data").getJsonObject(0).getJsonNumber("x").doubleValue())
        .isEqualTo(1.0);

    JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
    assertThat(scales.getJsonObject("x").getJsonObject("title").getString("text"))
        .startsWith("Parotid L: r50")
        .endsWith("(mm)");
    assertThat(scales.getJsonObject("y").getJsonObject("title").getString("text"))
        .isEqualTo("Parotid L: mean dose (Gy)");
    assertThat(scales.getJsonObject("y").getInt("min")).isZero();
  }

  @Test
  void thisPlanWithoutDmeanIsNotPlottedButNamedInTheLegend() {
    JsonArray sets =
        datasets(
            parse(
                SimilarCharts.scatter(
                    List.of(row(1, 2.0, 30.0)),
                    new SimilarCharts.Current("this plan", 1.0, null),
                    "Cord",
                    TEXT)));
    assertThat(sets.getJsonObject(1).getJsonArray("data")).isEmpty();
  }

  /** A linear DVH from 100 % at 0 Gy to 0 % at {@code end} Gy, every 1 Gy. */
  private static KnowledgeBase.Curve linear(int end) {
    double[] dose = new double[end + 1];
    double[] volume = new double[end + 1];
    for (int i = 0; i <= end; i++) {
      dose[i] = i;
      volume[i] = 100.0 * (end - i) / end;
    }
    return new KnowledgeBase.Curve(dose, volume);
  }

  private static KnowledgeBase.DvhBandView band(int k) {
    List<KnowledgeBase.StudyRef> studies = new java.util.ArrayList<>();
    List<KnowledgeBase.Curve> curves = new java.util.ArrayList<>();
    for (int i = 0; i < k; i++) {
      studies.add(new KnowledgeBase.StudyRef("KB-" + i, false, null, null, 70.0));
      curves.add(linear(20 + 10 * i));
    }
    // the band of linear curves ending at 20 .. 20 + 10(k-1) Gy: lowest = the first, highest = last
    KnowledgeBase.Curve lo = curves.get(0);
    KnowledgeBase.Curve hi = curves.get(k - 1);
    double[] grid = hi.doseGy();
    double[] min = new double[grid.length];
    double[] max = hi.volumePercent();
    double[] median = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      min[i] = i < lo.volumePercent().length ? lo.volumePercent()[i] : 0;
      median[i] = (min[i] + max[i]) / 2;
    }
    KnowledgeBase.Curve own = linear(35);
    return new KnowledgeBase.DvhBandView(
        "Parotid_L",
        k,
        studies,
        grid,
        min,
        median,
        max,
        own.doseGy(),
        own.volumePercent(),
        "rule",
        curves);
  }

  @Test
  void theOverlayHasTheBandItsMedianKCurvesAndThisPlanOnTop() {
    JsonObject chart =
        parse(
            SimilarCharts.dvhOverlay(
                band(5),
                List.of("Doe, A", "Roe, B", "KB-2", "KB-3", "KB-4"),
                "Doe, Jane",
                "Parotid L",
                TEXT));
    assertThat(chart.getString("type")).isEqualTo("line");
    JsonArray sets = datasets(chart);
    assertThat(roles(sets))
        .containsExactly(
            "band-min", "band-max", "median", "plan", "plan", "plan", "plan", "plan", "current");
    // the band's upper edge fills down to its lower edge (dataset 0), which is out of the legend
    assertThat(sets.getJsonObject(1).getInt("fill")).isZero();
    assertThat(sets.getJsonObject(0).getBoolean("legendHidden")).isTrue();
    assertThat(sets.getJsonObject(1).getString("label"))
        .isEqualTo("Range of the 5 most similar plans (lowest to highest)");
    assertThat(sets.getJsonObject(3).getString("label")).isEqualTo("Doe, A");
    assertThat(sets.getJsonObject(8).getString("label")).isEqualTo("This plan: Doe, Jane");
    assertThat(sets.getJsonObject(8).getJsonNumber("borderWidth").doubleValue())
        .isGreaterThan(sets.getJsonObject(3).getJsonNumber("borderWidth").doubleValue());
    // analytic: the highest curve ends at 60 Gy, 0 %; this plan at 35 Gy is 100 - 35 * 100/35 = 0
    JsonArray max = sets.getJsonObject(1).getJsonArray("data");
    JsonObject end = max.getJsonObject(max.size() - 1);
    assertThat(end.getJsonNumber("x").doubleValue()).isEqualTo(60.0);
    assertThat(end.getJsonNumber("y").doubleValue()).isZero();
    JsonArray mine = sets.getJsonObject(8).getJsonArray("data");
    assertThat(mine.getJsonObject(7).getJsonNumber("y").doubleValue()).isEqualTo(80.0); // 7 Gy
    JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
    assertThat(scales.getJsonObject("x").getJsonObject("title").getString("text"))
        .isEqualTo("Dose (Gy)");
    assertThat(scales.getJsonObject("y").getInt("max")).isEqualTo(100);
    assertThat(scales.getJsonObject("y").getJsonObject("title").getString("text"))
        .isEqualTo("Parotid L: volume (%)");
  }

  @Test
  void withoutComparablePlansOnlyThisPlanIsDrawn() {
    KnowledgeBase.Curve own = linear(30);
    KnowledgeBase.DvhBandView empty =
        new KnowledgeBase.DvhBandView(
            "Cord",
            5,
            List.of(),
            new double[0],
            new double[0],
            new double[0],
            new double[0],
            own.doseGy(),
            own.volumePercent(),
            "rule",
            List.of());
    assertThat(
            roles(datasets(parse(SimilarCharts.dvhOverlay(empty, List.of(), "x", "Cord", TEXT)))))
        .containsExactly("current");
  }
}

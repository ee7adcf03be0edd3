package org.rtds.web.view;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.web.JsonBuilders;

/**
 * The Chart.js configurations (JSON, for PrimeFaces' {@code p:chart}) of the similar-plans page,
 * pure Java, their text from the page's message bundle ({@code similar.chart.*}):
 *
 * <ul>
 *   <li>{@link #scatter}: one organ's r50 (mm, the distance from the targets' surface within which
 *       half the organ lies) against its mean dose (Gy), one point per similar plan, this plan a
 *       larger red triangle;
 *   <li>{@link #dvhOverlay}: the organ's cumulative DVH (dose Gy against volume % of the organ) of
 *       this plan over the k most similar plans' own curves, their median dashed and the band
 *       between their lowest and highest V(dose) shaded.
 * </ul>
 *
 * Every dataset carries {@code rtdsRole} (plans, current, plan, median, band-min, band-max) for the
 * page's script and the tests; the band's lower edge carries {@code legendHidden} (the page's
 * {@code rtds/charts.js} leaves it out of the legend) and points carry a {@code label} for the
 * tooltip.
 */
public final class SimilarCharts {

  /** Similar plans: blue circles. */
  static final String PLANS_COLOUR = "#1f77b4";

  /** This plan: red, outlined in black, the colour of an excess on the study page. */
  static final String CURRENT_COLOUR = "#d62728";

  /** The band of the k most similar plans. */
  static final String BAND_COLOUR = "rgba(31, 119, 180, 0.18)";

  /** The k plans' own curves: muted, so that this plan's curve and the band stand out. */
  private static final String[] PLAN_PALETTE = {
    "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e",
    "#1f77b4", "#393b79"
  };

  private SimilarCharts() {}

  /**
   * This plan's organ as plotted.
   *
   * @param label how it is named (patient name, or "this plan")
   * @param r50Mm r50 (mm), null when unknown (then it is not plotted)
   * @param dmeanGy Dmean (Gy), null when unknown
   */
  public record Current(String label, Double r50Mm, Double dmeanGy) {}

  /**
   * @param rows the similar plans shown
   * @return how many of them have both r50 and Dmean, and so a point
   */
  public static long plotted(List<SimilarPlans.Row> rows) {
    return rows.stream().filter(r -> r.r50Mm() != null && r.dmeanGy() != null).count();
  }

  /**
   * The r50–Dmean scatter of one organ.
   *
   * @param rows the similar plans shown (those without r50 or Dmean are left out)
   * @param current this plan
   * @param organ the organ's name as the axis titles show it
   * @param text the page's messages
   * @return the configuration
   */
  public static String scatter(
      List<SimilarPlans.Row> rows, Current current, String organ, ResourceBundle text) {
    JsonArrayBuilder points = JsonBuilders.array();
    for (SimilarPlans.Row r : rows) {
      if (r.r50Mm() != null && r.dmeanGy() != null) {
        points.add(point(r.r50Mm(), r.dmeanGy(), "#" + r.rank() + " " + r.patient()));
      }
    }
    JsonArrayBuilder datasets =
        JsonBuilders.array()
            .add(
                JsonBuilders.object()
                    .add("label", format(text, "similar.chart.plans", plotted(rows)))
                    .add("rtdsRole", "plans")
                    .add("data", points)
                    .add("backgroundColor", "rgba(31, 119, 180, 0.55)")
                    .add("borderColor", PLANS_COLOUR)
                    .add("pointRadius", 5)
                    .add("pointHoverRadius", 7));
    JsonArrayBuilder own = JsonBuilders.array();
    if (current.r50Mm() != null && current.dmeanGy() != null) {
      own.add(point(current.r50Mm(), current.dmeanGy(), current.label()));
    }
    datasets.add(
        JsonBuilders.object()
            .add("label", format(text, "similar.chart.current", current.label()))
            .add("rtdsRole", "current")
            .add("data", own)
            .add("backgroundColor", CURRENT_COLOUR)
            .add("borderColor", "#000000")
            .add("borderWidth", 1.5)
            .add("pointStyle", "triangle")
            .add("pointRadius", 10)
            .add("pointHoverRadius", 12));
    return chart(
        "scatter",
        datasets,
        axis(format(text, "similar.chart.r50", organ), null, null),
        axis(format(text, "similar.chart.dmean", organ), 0, null));
  }

  /**
   * The DVH overlay of one organ.
   *
   * @param band the knowledge base's band of the k most similar plans, with their curves
   * @param labels how each of {@code band.studies()} is named, in that order
   * @param current how this plan is named
   * @param organ the organ's name as the axis titles show it
   * @param text the page's messages
   * @return the configuration
   */
  public static String dvhOverlay(
      KnowledgeBase.DvhBandView band,
      List<String> labels,
      String current,
      String organ,
      ResourceBundle text) {
    JsonArrayBuilder datasets = JsonBuilders.array();
    int n = band.studies().size();
    if (band.doseGy().length > 0) {
      // the band: the lower edge (index 0, out of the legend), the upper edge filled down to it
      datasets.add(
          line(
                  text.getString("similar.chart.bandMin"),
                  "band-min",
                  DvhChart.points(band.doseGy(), band.minimumPercent()),
                  "rgba(31, 119, 180, 0.5)",
                  0.75)
              .add("legendHidden", true));
      datasets.add(
          line(
                  format(text, "similar.chart.band", n),
                  "band-max",
                  DvhChart.points(band.doseGy(), band.maximumPercent()),
                  "rgba(31, 119, 180, 0.5)",
                  0.75)
              .add("fill", 0)
              .add("backgroundColor", BAND_COLOUR));
      datasets.add(
          line(
                  format(text, "similar.chart.median", n),
                  "median",
                  DvhChart.points(band.doseGy(), band.medianPercent()),
                  "#0b4f6c",
                  1.5)
              .add("borderDash", JsonBuilders.array().add(6).add(4)));
    }
    for (int i = 0; i < n && i < band.curves().size(); i++) {
      KnowledgeBase.Curve c = band.curves().get(i);
      datasets.add(
          line(
              i < labels.size() ? labels.get(i) : band.studies().get(i).studyKey(),
              "plan",
              DvhChart.points(c.doseGy(), c.volumePercent()),
              PLAN_PALETTE[i % PLAN_PALETTE.length],
              1.25));
    }
    if (band.queryDoseGy() != null && band.queryDoseGy().length > 0) {
      datasets.add(
          line(
              format(text, "similar.chart.current", current),
              "current",
              DvhChart.points(band.queryDoseGy(), band.queryVolumePercent()),
              CURRENT_COLOUR,
              3));
    }
    JsonObjectBuilder x = axis(text.getString("similar.chart.dose"), 0, null).add("type", "linear");
    JsonObjectBuilder y = axis(format(text, "similar.chart.volume", organ), 0, 100);
    return chart("line", datasets, x, y);
  }

  private static JsonObjectBuilder line(
      String label, String role, JsonArrayBuilder data, String colour, double width) {
    return JsonBuilders.object()
        .add("label", label)
        .add("rtdsRole", role)
        .add("data", data)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("borderWidth", width)
        .add("pointRadius", 0)
        .add("fill", false);
  }

  private static String chart(
      String type, JsonArrayBuilder datasets, JsonObjectBuilder x, JsonObjectBuilder y) {
    return ChartJson.xy(
        type,
        datasets,
        x,
        y,
        !"line".equals(type),
        JsonBuilders.object()
            .add("position", "bottom")
            .add(
                "labels",
                JsonBuilders.object()
                    .add("boxWidth", 14)
                    .add("usePointStyle", "scatter".equals(type))));
  }

  private static JsonObjectBuilder axis(String title, Integer min, Integer max) {
    JsonObjectBuilder a =
        JsonBuilders.object()
            .add("title", JsonBuilders.object().add("display", true).add("text", title));
    if (min != null) {
      a.add("min", min);
    }
    if (max != null) {
      a.add("max", max);
    }
    return a;
  }

  private static JsonObjectBuilder point(double x, double y, String label) {
    return JsonBuilders.object()
        .add("x", Math.round(x * 100) / 100.0)
        .add("y", Math.round(y * 100) / 100.0)
        .add("label", label);
  }

  private static String format(ResourceBundle text, String key, Object... arguments) {
    return new MessageFormat(text.getString(key), Locale.ROOT).format(arguments);
  }
}

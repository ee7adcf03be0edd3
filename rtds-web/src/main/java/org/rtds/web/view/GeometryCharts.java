package org.rtds.web.view;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.web.JsonBuilders;

/**
 * Chart.js configurations (JSON, for PrimeFaces' {@code p:chart}) of one target–organ pair's
 * geometry: the overlap volume histogram (the share of the organ's volume within each distance of
 * the target's surface, mm, negative inside the target) and two views of the spatial target
 * signature (the share of the target's volume by distance from the organ, and by azimuth around it,
 * both in % of the target's volume, summed over the other two dimensions).
 */
public final class GeometryCharts {

  private static final String OVH_COLOUR = "#0b4f6c";
  private static final String STS_COLOUR = "rgba(214, 39, 40, 0.55)";

  private GeometryCharts() {}

  /** The OVH as a line: distance (mm) against % of the organ's volume within it. */
  public static String ovh(StudyGeometry.OvhView ovh) {
    JsonArrayBuilder points = JsonBuilders.array();
    int n = Math.min(ovh.distancesMm().length, ovh.fractions().length);
    for (int i = 0; i < n; i++) {
      points.add(
          JsonBuilders.object()
              .add("x", round(ovh.distancesMm()[i]))
              .add("y", round(100 * ovh.fractions()[i])));
    }
    JsonObjectBuilder dataset =
        JsonBuilders.object()
            .add("label", ovh.oarRoi() + " within distance of " + target(ovh.ptv(), ovh.ptvRoi()))
            .add("data", points)
            .add("borderColor", OVH_COLOUR)
            .add("backgroundColor", "transparent")
            .add("borderWidth", 2)
            .add("pointRadius", 0)
            .add("stepped", true);
    return chart(
        "line",
        JsonBuilders.object().add("datasets", JsonBuilders.array().add(dataset)),
        JsonBuilders.object()
            .add(
                "x",
                JsonBuilders.object()
                    .add("type", "linear")
                    .add(
                        "title",
                        title("Distance from the target's surface (mm; negative: inside)")))
            .add(
                "y",
                JsonBuilders.object()
                    .add("min", 0)
                    .add("max", 100)
                    .add("title", title("Organ volume within the distance (%)"))),
        false);
  }

  /** The STS summed over elevation and azimuth: % of the target's volume per distance bin. */
  public static String stsByDistance(StudyGeometry.StsView sts) {
    double[] edges = StsBins.distanceEdgesMm();
    JsonArrayBuilder labels = JsonBuilders.array();
    JsonArrayBuilder values = JsonBuilders.array();
    double[] percent = marginalPercent(sts, false);
    for (int d = 0; d < StsBins.BINS; d++) {
      labels.add(
          d == StsBins.BINS - 1
              ? format(edges[d]) + "+"
              : format(edges[d]) + "–" + format(edges[d + 1]));
      values.add(round(percent[d]));
    }
    return chart(
        "bar",
        JsonBuilders.object()
            .add("labels", labels)
            .add("datasets", JsonBuilders.array().add(bars(sts, values))),
        JsonBuilders.object()
            .add("x", JsonBuilders.object().add("title", title("Distance from the organ (mm)")))
            .add("y", JsonBuilders.object().add("min", 0).add("title", title("Target volume (%)"))),
        false);
  }

  /** The STS summed over elevation and distance: % of the target's volume per azimuth sector. */
  public static String stsByAzimuth(StudyGeometry.StsView sts) {
    double[] edges = StsBins.azimuthEdgesDeg();
    JsonArrayBuilder labels = JsonBuilders.array();
    JsonArrayBuilder values = JsonBuilders.array();
    double[] percent = marginalPercent(sts, true);
    for (int a = 0; a < StsBins.BINS; a++) {
      labels.add(format(edges[a]) + "° to " + format(edges[a + 1]) + "°");
      values.add(round(percent[a]));
    }
    return chart(
        "polarArea",
        JsonBuilders.object()
            .add("labels", labels)
            .add("datasets", JsonBuilders.array().add(bars(sts, values))),
        JsonBuilders.object(),
        true);
  }

  /**
   * The STS summed over elevation and one other dimension, in % of the target's volume.
   *
   * @param byAzimuth per azimuth bin (summed over distance), else per distance bin
   */
  static double[] marginalPercent(StudyGeometry.StsView sts, boolean byAzimuth) {
    double[] percent = new double[StsBins.BINS];
    for (int e = 0; e < StsBins.BINS; e++) {
      for (int d = 0; d < StsBins.BINS; d++) {
        for (int a = 0; a < StsBins.BINS; a++) {
          int i = StsBins.index(e, d, a);
          percent[byAzimuth ? a : d] += i < sts.amounts().length ? 100 * sts.amounts()[i] : 0;
        }
      }
    }
    return percent;
  }

  private static JsonObjectBuilder bars(StudyGeometry.StsView sts, JsonArrayBuilder values) {
    return JsonBuilders.object()
        .add("label", "% of " + target(sts.ptv(), sts.ptvRoi()) + " (" + sts.oarRoi() + ")")
        .add("data", values)
        .add("backgroundColor", STS_COLOUR)
        .add("borderColor", "rgb(214, 39, 40)")
        .add("borderWidth", 1);
  }

  private static String chart(
      String type, JsonObjectBuilder data, JsonObjectBuilder scales, boolean polar) {
    JsonObjectBuilder options =
        JsonBuilders.object()
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add(
                "plugins",
                JsonBuilders.object()
                    .add(
                        "legend",
                        JsonBuilders.object().add("position", "bottom").add("display", !polar)));
    if (polar) {
      // the sectors named around the circle: the azimuth ranges
      options.add(
          "scales",
          JsonBuilders.object()
              .add(
                  "r",
                  JsonBuilders.object()
                      .add(
                          "pointLabels",
                          JsonBuilders.object()
                              .add("display", true)
                              .add("centerPointLabels", true)
                              .add("font", JsonBuilders.object().add("size", 10)))));
    } else {
      options.add("scales", scales);
    }
    if ("line".equals(type)) {
      options.add("parsing", false);
    }
    return JsonBuilders.object()
        .add("type", type)
        .add("data", data)
        .add("options", options)
        .build()
        .toString();
  }

  private static String target(String level, String roi) {
    return roi == null ? level : roi + " (" + level + ")";
  }

  private static JsonObjectBuilder title(String text) {
    return JsonBuilders.object().add("display", true).add("text", text);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}

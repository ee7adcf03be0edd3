package org.rtds.web.view;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.rtds.web.JsonBuilders;

/**
 * The Chart.js configuration the x–y charts of the pages share (for PrimeFaces' {@code p:chart}):
 * no animation, points given as {x, y} (no parsing), sized by the page, the nearest point on hover.
 */
final class ChartJson {

  private ChartJson() {}

  /**
   * @param type {@code line} or {@code scatter}
   * @param datasets the curves or point sets
   * @param x the x axis
   * @param y the y axis
   * @param intersect whether hovering needs the pointer on a point (scatter) or not (curves)
   * @param legend the legend's options
   */
  static String xy(
      String type,
      JsonArrayBuilder datasets,
      JsonObjectBuilder x,
      JsonObjectBuilder y,
      boolean intersect,
      JsonObjectBuilder legend) {
    return JsonBuilders.object()
        .add("type", type)
        .add("data", JsonBuilders.object().add("datasets", datasets))
        .add(
            "options",
            JsonBuilders.object()
                .add("animation", false)
                .add("parsing", false)
                .add("maintainAspectRatio", false)
                .add(
                    "interaction",
                    JsonBuilders.object().add("mode", "nearest").add("intersect", intersect))
                .add("scales", JsonBuilders.object().add("x", x).add("y", y))
                .add("plugins", JsonBuilders.object().add("legend", legend)))
        .build()
        .toString();
  }
}

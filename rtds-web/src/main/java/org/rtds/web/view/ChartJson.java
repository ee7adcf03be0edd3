package org.rtds.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

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
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("parsing", false)
                .add("maintainAspectRatio", false)
                .add(
                    "interaction",
                    Json.createObjectBuilder().add("mode", "nearest").add("intersect", intersect))
                .add("scales", Json.createObjectBuilder().add("x", x).add("y", y))
                .add("plugins", Json.createObjectBuilder().add("legend", legend)))
        .build()
        .toString();
  }
}

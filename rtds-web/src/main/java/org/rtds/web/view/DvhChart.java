package org.rtds.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.features.boundary.StudyDvhs;

/**
 * The Chart.js configuration (JSON, for PrimeFaces' {@code p:chart}) of a study's cumulative DVHs:
 * one line per ROI, dose in Gy against volume in % of the ROI, in the ROI's DICOM display colour.
 * RTDS's computed DVH is drawn where there is one, else the one the planning system embedded in the
 * RT Dose. The outline (EXTERNAL) starts hidden; every ROI can be switched on and off from the
 * legend. A curve is thinned to at most {@value #MAX_POINTS} points for the browser (its first and
 * last point kept); the metric table beside it gives the exact values.
 */
public final class DvhChart {

  /** Points drawn per curve at most. */
  public static final int MAX_POINTS = 400;

  /** Colours for ROIs that came without a display colour. */
  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  private DvhChart() {}

  /**
   * The DVH each ROI is drawn with: the computed one, else the planning system's.
   *
   * @return by ROI, in the order the ROIs first appear
   */
  public static List<StudyDvhs.Dvh> shown(List<StudyDvhs.Dvh> dvhs) {
    Map<Integer, StudyDvhs.Dvh> byRoi = new LinkedHashMap<>();
    for (StudyDvhs.Dvh dvh : dvhs) {
      StudyDvhs.Dvh kept = byRoi.get(dvh.roi().roiId());
      if (kept == null || (!"COMPUTED".equals(kept.source()) && "COMPUTED".equals(dvh.source()))) {
        byRoi.put(dvh.roi().roiId(), dvh);
      }
    }
    return new ArrayList<>(byRoi.values());
  }

  /** The chart configuration of these DVHs (see {@link #shown}). */
  public static String json(List<StudyDvhs.Dvh> dvhs) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int i = 0;
    for (StudyDvhs.Dvh dvh : shown(dvhs)) {
      datasets.add(
          Json.createObjectBuilder()
              .add("label", dvh.roi().name())
              .add("data", points(dvh.doseGy(), dvh.volumePercent()))
              .add("borderColor", colour(dvh.roi().displayColor(), i++))
              .add("backgroundColor", "transparent")
              .add("borderWidth", 1.5)
              .add("borderDash", dashes(dvh.source()))
              .add("pointRadius", 0)
              .add("hidden", "EXTERNAL".equals(dvh.roi().role())));
    }
    JsonObjectBuilder x =
        Json.createObjectBuilder()
            .add("type", "linear")
            .add("min", 0)
            .add("title", title("Dose (Gy)"));
    JsonObjectBuilder y =
        Json.createObjectBuilder().add("min", 0).add("max", 100).add("title", title("Volume (%)"));
    return Json.createObjectBuilder()
        .add("type", "line")
        .add("data", Json.createObjectBuilder().add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("parsing", false)
                .add("maintainAspectRatio", false)
                .add(
                    "interaction",
                    Json.createObjectBuilder().add("mode", "nearest").add("intersect", false))
                .add("scales", Json.createObjectBuilder().add("x", x).add("y", y))
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "right"))))
        .build()
        .toString();
  }

  /** The curve as {x: dose Gy, y: volume %} points, thinned to {@link #MAX_POINTS}. */
  static JsonArrayBuilder points(double[] doseGy, double[] volumePercent) {
    JsonArrayBuilder points = Json.createArrayBuilder();
    if (doseGy == null || volumePercent == null) {
      return points;
    }
    int n = Math.min(doseGy.length, volumePercent.length);
    int stride = Math.max(1, (int) Math.ceil(n / (double) MAX_POINTS));
    for (int k = 0; k < n; k += stride) {
      points.add(point(doseGy[k], volumePercent[k]));
    }
    if (n > 0 && (n - 1) % stride != 0) {
      points.add(point(doseGy[n - 1], volumePercent[n - 1]));
    }
    return points;
  }

  /** A DICOM colour {@code r\g\b} as CSS, or the palette's colour for ROI number {@code index}. */
  static String colour(String dicom, int index) {
    int[] rgb = dicomRgb(dicom);
    return rgb == null
        ? PALETTE[index % PALETTE.length]
        : "rgb(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + ")";
  }

  /**
   * The colour a curve is drawn in, for drawings other than the browser's (the PDF report).
   *
   * @param dicom ROI Display Color {@code r\g\b} (0–255 each), or null
   * @param index the curve's place among those drawn, for the palette
   * @return red, green and blue (0–255): the DICOM colour, else the palette's as in {@link #json}
   */
  public static int[] rgb(String dicom, int index) {
    int[] rgb = dicomRgb(dicom);
    if (rgb != null) {
      return rgb;
    }
    String hex = PALETTE[index % PALETTE.length];
    return new int[] {
      Integer.parseInt(hex.substring(1, 3), 16),
      Integer.parseInt(hex.substring(3, 5), 16),
      Integer.parseInt(hex.substring(5, 7), 16)
    };
  }

  /** The DICOM colour as red, green, blue, or null when absent or malformed. */
  private static int[] dicomRgb(String dicom) {
    if (dicom != null) {
      String[] rgb = dicom.split("\\\\");
      if (rgb.length == 3) {
        try {
          return new int[] {channel(rgb[0]), channel(rgb[1]), channel(rgb[2])};
        } catch (NumberFormatException e) {
          // a malformed colour: the palette's
        }
      }
    }
    return null;
  }

  private static int channel(String value) {
    return Math.max(0, Math.min(255, Integer.parseInt(value.strip())));
  }

  private static JsonObjectBuilder point(double x, double y) {
    return Json.createObjectBuilder()
        .add("x", Math.round(x * 1000) / 1000.0)
        .add("y", Math.round(y * 1000) / 1000.0);
  }

  private static JsonArrayBuilder dashes(String source) {
    return "COMPUTED".equals(source)
        ? Json.createArrayBuilder()
        : Json.createArrayBuilder().add(6).add(3); // the planning system's curve: dashed
  }

  private static JsonObjectBuilder title(String text) {
    return Json.createObjectBuilder().add("display", true).add("text", text);
  }
}

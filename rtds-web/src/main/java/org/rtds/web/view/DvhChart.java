package org.rtds.web.view;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.domain.rt.DisplayColor;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.web.JsonBuilders;
import org.rtds.web.api.csv.Csv;

/**
 * The Chart.js configuration (JSON, for PrimeFaces' {@code p:chart}) of a study's cumulative DVHs:
 * one line per ROI, dose in Gy against volume in % of the ROI, in the ROI's DICOM display colour.
 * RTDS's computed DVH is drawn where there is one, else the one the planning system embedded in the
 * RT Dose. The outline (EXTERNAL) starts hidden; every ROI can be switched on and off from the
 * legend. A curve is thinned to at most {@value #MAX_POINTS} points for the browser (its first and
 * last point kept); the metric table beside it gives the exact values.
 */
public final class DvhChart {

  /** The legend's name of the achievable band's curves ("Band max", "Band min", "Band median"). */
  public static final String BAND = "Band";

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

  /**
   * How the DVHs are drawn.
   *
   * @param differential the differential DVH (volume per dose unit) instead of the cumulative one
   * @param absoluteVolume volume in cc instead of % of each structure
   * @param prescriptionGy when not null, dose in % of this prescription (Gy) instead of Gy
   */
  public record Options(boolean differential, boolean absoluteVolume, Double prescriptionGy) {

    /** Cumulative, % volume, Gy. */
    public static final Options DEFAULT = new Options(false, false, null);

    /** Whether the achievable band (cumulative, % of the organ) can be drawn in these axes. */
    public boolean bandDrawable() {
      return !differential && !absoluteVolume;
    }

    double dose(double gy) {
      return prescriptionGy == null ? gy : 100 * gy / prescriptionGy;
    }

    String doseAxis() {
      return prescriptionGy == null
          ? "Dose (Gy)"
          : "Dose (% of the prescription, " + Csv.number(prescriptionGy) + " Gy)";
    }

    String volumeAxis() {
      String volume = absoluteVolume ? "cc" : "%";
      if (!differential) {
        return "Volume (" + volume + ")";
      }
      return "Volume per dose ("
          + volume
          + " per "
          + (prescriptionGy == null ? "Gy" : "% Rx")
          + ")";
    }
  }

  /** The chart configuration of these DVHs (see {@link #shown}), cumulative, % and Gy. */
  public static String json(List<StudyDvhs.Dvh> dvhs) {
    return json(dvhs, Options.DEFAULT, null);
  }

  /**
   * The chart configuration of these DVHs (see {@link #shown}) drawn as {@code options} says, with
   * the achievable band of similar plans for one organ when {@code band} is given and {@link
   * Options#bandDrawable()}: the area between their minimum and maximum cumulative DVH, and their
   * median dashed.
   */
  public static String json(
      List<StudyDvhs.Dvh> dvhs, Options options, KnowledgeBase.DvhBandView band) {
    JsonArrayBuilder datasets = JsonBuilders.array();
    int i = 0;
    for (StudyDvhs.Dvh dvh : shown(dvhs)) {
      double[][] curve = curve(dvh, options);
      datasets.add(
          JsonBuilders.object()
              .add("label", dvh.roi().name())
              .add("data", points(curve[0], curve[1]))
              .add("borderColor", colour(dvh.roi().displayColor(), i++))
              .add("backgroundColor", "transparent")
              .add("borderWidth", 1.5)
              .add("borderDash", dashes(dvh.source()))
              .add("pointRadius", 0)
              .add("hidden", "EXTERNAL".equals(dvh.roi().role())));
    }
    if (band != null && options.bandDrawable() && band.doseGy().length > 0) {
      double[] dose = Arrays.stream(band.doseGy()).map(options::dose).toArray();
      // short legend labels: the note beside the chart names the organ and the plans
      datasets.add(bandLine(BAND + " max", dose, band.maximumPercent()));
      datasets.add(
          bandLine(BAND + " min", dose, band.minimumPercent())
              .add("fill", "-1")
              .add("backgroundColor", "rgba(11,79,108,0.18)"));
      datasets.add(
          bandLine(BAND + " median", dose, band.medianPercent())
              .add("borderColor", "rgba(11,79,108,0.9)")
              .add("borderWidth", 1.5)
              .add("borderDash", JsonBuilders.array().add(3).add(3)));
    }
    JsonObjectBuilder x =
        JsonBuilders.object()
            .add("type", "linear")
            .add("min", 0)
            .add("title", title(options.doseAxis()));
    JsonObjectBuilder y =
        JsonBuilders.object().add("min", 0).add("title", title(options.volumeAxis()));
    if (!options.differential() && !options.absoluteVolume()) {
      y.add("max", 100);
    }
    return ChartJson.xy(
        "line", datasets, x, y, false, JsonBuilders.object().add("position", "right"));
  }

  /**
   * One ROI's curve in the options' units, at full resolution: {dose, volume}. Absolute volumes are
   * the DVH's cc, else its % × the ROI's volume; a differential DVH is the volume lost between two
   * dose bins over their width, at the bins' middle.
   */
  static double[][] curve(StudyDvhs.Dvh dvh, Options options) {
    double[] dose = dvh.doseGy();
    double[] volume = dvh.volumePercent();
    if (dose == null || volume == null) {
      return new double[][] {new double[0], new double[0]};
    }
    int n = Math.min(dose.length, volume.length);
    double[] x = new double[n];
    double[] y = new double[n];
    Double roiCc = dvh.roi().volumeCc();
    for (int k = 0; k < n; k++) {
      x[k] = options.dose(dose[k]);
      if (!options.absoluteVolume()) {
        y[k] = volume[k];
      } else if (dvh.volumeCc() != null && dvh.volumeCc().length > k) {
        y[k] = dvh.volumeCc()[k];
      } else if (roiCc != null) {
        y[k] = volume[k] * roiCc / 100;
      } else {
        return new double[][] {new double[0], new double[0]}; // no volume to draw it in cc
      }
    }
    if (!options.differential()) {
      return new double[][] {x, y};
    }
    double[] mid = new double[Math.max(0, n - 1)];
    double[] per = new double[mid.length];
    int m = 0;
    for (int k = 0; k + 1 < n; k++) {
      double width = x[k + 1] - x[k];
      if (width > 0) {
        mid[m] = (x[k] + x[k + 1]) / 2;
        per[m++] = Math.max(0, (y[k] - y[k + 1]) / width);
      }
    }
    return new double[][] {Arrays.copyOf(mid, m), Arrays.copyOf(per, m)};
  }

  private static JsonObjectBuilder bandLine(String label, double[] dose, double[] percent) {
    return JsonBuilders.object()
        .add("label", label)
        .add("data", points(dose, percent))
        .add("borderColor", "rgba(11,79,108,0.35)")
        .add("backgroundColor", "transparent")
        .add("borderWidth", 1)
        .add("pointRadius", 0)
        .add("fill", false);
  }

  /** The curve as {x: dose Gy, y: volume %} points, thinned to {@link #MAX_POINTS}. */
  static JsonArrayBuilder points(double[] doseGy, double[] volumePercent) {
    JsonArrayBuilder points = JsonBuilders.array();
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
    int[] rgb = DisplayColor.rgb(dicom);
    return rgb == null
        ? PALETTE[index % PALETTE.length] // absent or malformed: the palette's
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
    int[] rgb = DisplayColor.rgb(dicom);
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

  private static JsonObjectBuilder point(double x, double y) {
    return JsonBuilders.object()
        .add("x", Math.round(x * 1000) / 1000.0)
        .add("y", Math.round(y * 1000) / 1000.0);
  }

  private static JsonArrayBuilder dashes(String source) {
    return "COMPUTED".equals(source)
        ? JsonBuilders.array()
        : JsonBuilders.array().add(6).add(3); // the planning system's curve: dashed
  }

  private static JsonObjectBuilder title(String text) {
    return JsonBuilders.object().add("display", true).add("text", text);
  }
}

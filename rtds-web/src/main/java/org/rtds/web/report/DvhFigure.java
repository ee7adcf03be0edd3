package org.rtds.web.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.web.view.DvhChart;

/**
 * The report's DVH figure as PDF vector graphics: cumulative DVHs, dose in Gy (x) against volume in
 * % of each structure (y, 0–100), each structure in its DICOM display colour (the palette of the
 * study page where it has none), the planning system's curves dashed, ticks and grid lines at round
 * values, and a legend. The outline (EXTERNAL) is left out, as the study page hides it at first.
 * Each curve is thinned to at most {@value DvhChart#MAX_POINTS} points, its first and last kept.
 */
final class DvhFigure {

  /** Names in the legend at most (two columns); the others are counted in one closing line. */
  static final int MAX_LEGEND = 60;

  private static final Color AXIS = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private DvhFigure() {}

  /** One curve as drawn. */
  record Curve(String name, Color colour, boolean dashed, double[] doseGy, double[] percent) {}

  /** The curves drawn: every structure but the outline, each in its colour. */
  static List<Curve> curves(List<StudyDvhs.Dvh> dvhs) {
    List<Curve> out = new ArrayList<>();
    int index = 0;
    for (StudyDvhs.Dvh d : dvhs) {
      int[] rgb = DvhChart.rgb(d.roi().displayColor(), index++);
      if ("EXTERNAL".equals(d.roi().role()) || d.doseGy() == null || d.volumePercent() == null) {
        continue;
      }
      out.add(
          new Curve(
              d.roi().name(),
              new Color(rgb[0], rgb[1], rgb[2]),
              !"COMPUTED".equals(d.source()),
              d.doseGy(),
              d.volumePercent()));
    }
    return out;
  }

  /**
   * Draws the figure into a template of the given size (points).
   *
   * @param template where
   * @param font the labels' font
   * @param curves what
   * @param doseLabel the x axis' title (e.g. "Dose (Gy)")
   * @param volumeLabel the y axis' title
   * @param more the legend's closing line for {@code n} curves not named, with {0} for n
   */
  static void draw(
      PdfTemplate template,
      BaseFont font,
      List<Curve> curves,
      String doseLabel,
      String volumeLabel,
      String more) {
    float width = template.getWidth();
    float height = template.getHeight();
    float left = 42;
    float bottom = 34;
    float top = height - 10;
    // the legend: one column, two (wider, smaller type) when the names do not fit at 9 pt apart
    float room = top - bottom + 20;
    int rows = (int) (room / 9f);
    int columns = curves.size() > rows ? 2 : 1;
    float legendWidth = columns == 2 ? 200 : 150;
    float right = width - legendWidth - 12;
    double maxDose = 0;
    for (Curve c : curves) {
      for (double d : c.doseGy()) {
        maxDose = Math.max(maxDose, d);
      }
    }
    double step = niceStep(maxDose <= 0 ? 1 : maxDose, 8);
    double xMax = Math.max(step, Math.ceil(maxDose / step) * step);

    // grid and ticks
    template.setLineWidth(0.4f);
    template.setColorStroke(GRID);
    for (double d = step; d <= xMax + 1e-9; d += step) {
      float x = (float) (left + (right - left) * d / xMax);
      template.moveTo(x, bottom);
      template.lineTo(x, top);
    }
    for (int v = 10; v <= 100; v += 10) {
      float y = bottom + (top - bottom) * v / 100f;
      template.moveTo(left, y);
      template.lineTo(right, y);
    }
    template.stroke();
    template.setColorStroke(AXIS);
    template.setLineWidth(0.8f);
    template.rectangle(left, bottom, right - left, top - bottom);
    template.stroke();
    template.setLineWidth(0.6f);
    for (double d = 0; d <= xMax + 1e-9; d += step) {
      float x = (float) (left + (right - left) * d / xMax);
      template.moveTo(x, bottom);
      template.lineTo(x, bottom - 3);
    }
    for (int v = 0; v <= 100; v += 10) {
      float y = bottom + (top - bottom) * v / 100f;
      template.moveTo(left, y);
      template.lineTo(left - 3, y);
    }
    template.stroke();

    template.beginText();
    template.setColorFill(AXIS);
    template.setFontAndSize(font, 7.5f);
    for (double d = 0; d <= xMax + 1e-9; d += step) {
      float x = (float) (left + (right - left) * d / xMax);
      template.showTextAligned(PdfContentByte.ALIGN_CENTER, tick(d, step), x, bottom - 11, 0);
    }
    for (int v = 0; v <= 100; v += 10) {
      float y = bottom + (top - bottom) * v / 100f;
      template.showTextAligned(
          PdfContentByte.ALIGN_RIGHT, Integer.toString(v), left - 5, y - 2.5f, 0);
    }
    template.setFontAndSize(font, 8.5f);
    template.showTextAligned(PdfContentByte.ALIGN_CENTER, doseLabel, (left + right) / 2, 4, 0);
    template.showTextAligned(PdfContentByte.ALIGN_CENTER, volumeLabel, 10, (bottom + top) / 2, 90);
    template.endText();

    // the curves, clipped to the plot
    template.saveState();
    template.rectangle(left, bottom, right - left, top - bottom);
    template.clip();
    template.newPath();
    template.setLineWidth(1.1f);
    for (Curve c : curves) {
      template.setColorStroke(c.colour());
      if (c.dashed()) {
        template.setLineDash(4f, 2f, 0f);
      } else {
        template.setLineDash(0f);
      }
      int n = Math.min(c.doseGy().length, c.percent().length);
      int stride = Math.max(1, (int) Math.ceil(n / (double) DvhChart.MAX_POINTS));
      boolean first = true;
      for (int k = 0; k < n; k = next(k, stride, n)) {
        float x = (float) (left + (right - left) * c.doseGy()[k] / xMax);
        float y = (float) (bottom + (top - bottom) * clamp(c.percent()[k]) / 100);
        if (first) {
          template.moveTo(x, y);
          first = false;
        } else {
          template.lineTo(x, y);
        }
      }
      if (!first) {
        template.stroke();
      }
    }
    template.restoreState();

    int shown =
        Math.min(
            curves.size(),
            Math.min(MAX_LEGEND, columns * rows) - (curves.size() > columns * rows ? 1 : 0));
    int perColumn = (shown + columns - 1) / columns;
    float line = Math.min(11f, room / Math.max(1, perColumn + 1));
    float size = Math.min(columns == 2 ? 6.5f : 7.5f, line - 1.5f);
    float columnWidth = legendWidth / columns;
    for (int i = 0; i < shown; i++) {
      Curve c = curves.get(i);
      float lx = right + 12 + (i / perColumn) * columnWidth;
      float y = top - 4 - (i % perColumn) * line;
      template.setColorStroke(c.colour());
      template.setLineWidth(1.6f);
      if (c.dashed()) {
        template.setLineDash(3f, 1.5f, 0f);
      } else {
        template.setLineDash(0f);
      }
      template.moveTo(lx, y + size / 3);
      template.lineTo(lx + 12, y + size / 3);
      template.stroke();
      template.beginText();
      template.setColorFill(AXIS);
      template.setFontAndSize(font, size);
      template.showTextAligned(
          PdfContentByte.ALIGN_LEFT, fit(c.name(), font, size, columnWidth - 18), lx + 15, y, 0);
      template.endText();
    }
    template.setLineDash(0f);
    if (curves.size() > shown) {
      template.beginText();
      template.setFontAndSize(font, size);
      template.showTextAligned(
          PdfContentByte.ALIGN_LEFT,
          more.replace("{0}", Integer.toString(curves.size() - shown)),
          right + 12,
          top - 4 - perColumn * line,
          0);
      template.endText();
    }
  }

  /** The next point drawn: every {@code stride}th, and always the last. */
  private static int next(int k, int stride, int n) {
    if (k == n - 1) {
      return n;
    }
    return Math.min(k + stride, n - 1);
  }

  private static double clamp(double percent) {
    return Math.max(0, Math.min(100, percent));
  }

  /** The text cut with "…" to fit {@code width} points. */
  static String fit(String text, BaseFont font, float size, float width) {
    String s = text == null ? "" : text;
    if (font.getWidthPoint(s, size) <= width) {
      return s;
    }
    while (!s.isEmpty() && font.getWidthPoint(s + "…", size) > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "…";
  }

  /** A round step (1, 2 or 5 × 10ⁿ) that gives at most about {@code ticks} intervals. */
  static double niceStep(double range, int ticks) {
    double raw = range / ticks;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String tick(double value, double step) {
    return step >= 1 ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
  }
}

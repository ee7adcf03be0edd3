package org.rtds.features.dose.testing;

import java.util.List;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;

/** Builders for synthetic CT grids, dose grids and contours. */
public final class Phantoms {
  private Phantoms() {}

  /** Values z0, z0+step, … (n values). */
  public static double[] range(double z0, double step, int n) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = z0 + i * step;
    }
    return z;
  }

  /** HFS CT grid with square pixels. */
  public static SamplingGrid ct(
      double x0, double y0, double spacing, int rows, int cols, double[] z) {
    return SamplingGrid.of(
        ImageOrientation.HFS,
        new double[] {x0, y0, z[0]},
        spacing,
        spacing,
        rows,
        cols,
        z,
        spacing);
  }

  /** Linear dose f(x,y,z) = a + bx·x + by·y + bz·z (Gy) on an HFS grid. */
  public static DoseGrid linearDose(
      double[] ipp, double spacing, int rows, int cols, double[] frameZ, double a, double[] b) {
    float[] v = new float[frameZ.length * rows * cols];
    int i = 0;
    for (double z : frameZ) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double x = ipp[0] + c * spacing;
          double y = ipp[1] + r * spacing;
          v[i++] = (float) (a + b[0] * x + b[1] * y + b[2] * z);
        }
      }
    }
    return new DoseGrid(ipp, ImageOrientation.HFS, spacing, spacing, rows, cols, frameZ, v);
  }

  /** Axis-aligned rectangle contour at z. */
  public static Contour rectangle(double x0, double y0, double x1, double y1, double z) {
    return new Contour(
        ContourType.CLOSED_PLANAR, new double[] {x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z});
  }

  /** Regular n-gon contour. */
  public static Contour circle(double cx, double cy, double r, double z, int n) {
    double[] p = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double t = 2 * Math.PI * i / n;
      p[3 * i] = cx + r * Math.cos(t);
      p[3 * i + 1] = cy + r * Math.sin(t);
      p[3 * i + 2] = z;
    }
    return new Contour(ContourType.CLOSED_PLANAR, p);
  }

  public static RoiContours roi(int number, String name, List<Contour> contours) {
    return new RoiContours(number, name, contours);
  }
}

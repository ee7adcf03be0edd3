package org.rtds.features.dose.contour;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Validates an ROI's contours and groups the closed-planar ones into axial planes. Never throws on
 * bad geometry: every unusable contour is listed in {@link PlaneSet#skipped()} with its reason.
 *
 * <p>Rules: POINT and OPEN_* contours have no area; a closed contour needs ≥ 3 points, finite
 * coordinates, all z within ±{@link #PLANARITY_TOLERANCE_MM} mm of their mean and a non-zero area.
 * Contours whose z differ by at most {@link #PLANE_MERGE_TOLERANCE_MM} mm share a plane.
 */
public final class ContourPlanes {
  /** Largest |z − mean z| (mm) of a contour's points still treated as one axial plane. */
  public static final double PLANARITY_TOLERANCE_MM = 0.1;

  /** Contours within this z distance (mm) of a plane's first contour join that plane. */
  public static final double PLANE_MERGE_TOLERANCE_MM = 0.05;

  /** Polygons with |area| below this (mm²) are degenerate. */
  public static final double MIN_AREA_MM2 = 1e-6;

  private ContourPlanes() {}

  private record Valid(double z, double[] xy) {}

  /**
   * @param roi the ROI
   * @return its planes (ascending z) and skipped contours
   */
  public static PlaneSet group(RoiContours roi) {
    List<SkippedContour> skipped = new ArrayList<>();
    List<Valid> valid = new ArrayList<>();
    List<Contour> contours = roi.contours();
    for (int i = 0; i < contours.size(); i++) {
      Contour c = contours.get(i);
      String reason = problem(c);
      if (reason != null) {
        skipped.add(new SkippedContour(i, reason));
        continue;
      }
      int n = c.pointCount();
      double[] p = c.pointsMm();
      double[] xy = new double[2 * n];
      double zSum = 0;
      for (int k = 0; k < n; k++) {
        xy[2 * k] = p[3 * k];
        xy[2 * k + 1] = p[3 * k + 1];
        zSum += p[3 * k + 2];
      }
      valid.add(new Valid(zSum / n, xy));
    }
    valid.sort(Comparator.comparingDouble(Valid::z));
    List<ContourPlane> planes = new ArrayList<>();
    int start = 0;
    while (start < valid.size()) {
      double z0 = valid.get(start).z();
      int end = start;
      List<double[]> polys = new ArrayList<>();
      while (end < valid.size() && valid.get(end).z() - z0 <= PLANE_MERGE_TOLERANCE_MM) {
        polys.add(valid.get(end).xy());
        end++;
      }
      planes.add(new ContourPlane(z0, polys));
      start = end;
    }
    return new PlaneSet(planes, skipped);
  }

  private static String problem(Contour c) {
    if (!c.type().enclosesArea()) {
      return c.type() + " contour encloses no volume";
    }
    double[] p = c.pointsMm();
    if (p.length % 3 != 0) {
      return "ContourData has " + p.length + " values, not a multiple of 3";
    }
    int n = c.pointCount();
    if (n < 3) {
      return "closed contour has " + n + " point(s), fewer than 3";
    }
    double zMin = Double.POSITIVE_INFINITY;
    double zMax = Double.NEGATIVE_INFINITY;
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return "contour has a non-finite (NaN or infinite) coordinate";
      }
    }
    for (int k = 0; k < n; k++) {
      zMin = Math.min(zMin, p[3 * k + 2]);
      zMax = Math.max(zMax, p[3 * k + 2]);
    }
    if ((zMax - zMin) / 2 > PLANARITY_TOLERANCE_MM) {
      return String.format(
          Locale.ROOT,
          "contour points are not coplanar in z (z spans %.3f to %.3f mm)",
          zMin,
          zMax);
    }
    double[] xy = new double[2 * n];
    for (int k = 0; k < n; k++) {
      xy[2 * k] = p[3 * k];
      xy[2 * k + 1] = p[3 * k + 1];
    }
    if (Math.abs(Polygons.signedArea(xy)) < MIN_AREA_MM2) {
      return "closed contour has zero area";
    }
    return null;
  }
}

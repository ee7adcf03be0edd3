package org.rtds.features.dose.contour;

import java.util.List;

/**
 * Planar polygon helpers on flat x, y arrays (mm). A polygon is implicitly closed (last vertex
 * connects to the first).
 */
public final class Polygons {
  private Polygons() {}

  /**
   * Shoelace signed area: positive for counter-clockwise vertex order in a right-handed x–y frame.
   *
   * @param xy flat x, y vertex coordinates (mm)
   * @return signed area (mm²)
   */
  public static double signedArea(double[] xy) {
    int n = xy.length / 2;
    double s = 0;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      s += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
    }
    return s / 2;
  }

  /**
   * Even-odd point-in-polygon test (crossing number, half-open in y).
   *
   * @param xy flat x, y vertex coordinates (mm)
   * @param px point x (mm)
   * @param py point y (mm)
   * @return true when the point is inside
   */
  public static boolean contains(double[] xy, double px, double py) {
    int n = xy.length / 2;
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = xy[2 * i];
      double yi = xy[2 * i + 1];
      double xj = xy[2 * j];
      double yj = xy[2 * j + 1];
      if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * Area enclosed by a set of polygons in one plane with nesting: a polygon contained in an even
   * number of the others (depth 0, 2, …) adds its area, one at odd depth subtracts it (§6).
   * Orientation is ignored. Containment is tested with the polygon's first vertex.
   *
   * @param polygons flat x, y arrays
   * @return the net area (mm²)
   */
  public static double nestedArea(List<double[]> polygons) {
    double total = 0;
    for (int i = 0; i < polygons.size(); i++) {
      double[] p = polygons.get(i);
      int depth = 0;
      for (int j = 0; j < polygons.size(); j++) {
        if (j != i && contains(polygons.get(j), p[0], p[1])) {
          depth++;
        }
      }
      double a = Math.abs(signedArea(p));
      total += depth % 2 == 0 ? a : -a;
    }
    return total;
  }
}

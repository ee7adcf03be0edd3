package org.rtds.features.dose.contour;

import java.util.List;

/**
 * The valid closed-planar polygons of one ROI that share an axial plane.
 *
 * @param zMm the plane's z (mm): mean z of its first contour
 * @param polygonsXy polygons as flat x, y arrays (mm), in input order
 */
public record ContourPlane(double zMm, List<double[]> polygonsXy) {

  /**
   * Makes the polygon list unmodifiable.
   *
   * @param zMm the plane's z (mm): mean z of its first contour
   * @param polygonsXy polygons as flat x, y arrays (mm), in input order
   */
  public ContourPlane {
    polygonsXy = List.copyOf(polygonsXy);
  }

  /**
   * @return the nested (even-odd) area of the plane (mm²), see {@link Polygons#nestedArea}
   */
  public double areaMm2() {
    return Polygons.nestedArea(polygonsXy);
  }
}

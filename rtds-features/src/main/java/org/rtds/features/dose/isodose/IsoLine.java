package org.rtds.features.dose.isodose;

/**
 * One iso-line polyline. Arrays are not copied; do not modify them.
 *
 * @param closed true when the last point connects to the first (the first point is not repeated)
 * @param pixelRowCol flat (row, column) fractional CT pixel coordinates (pixel centres are
 *     integers)
 * @param patientXyzMm flat (x, y, z) LPS patient coordinates (mm) of the same points
 */
public record IsoLine(boolean closed, double[] pixelRowCol, double[] patientXyzMm) {

  /**
   * @return number of points
   */
  public int pointCount() {
    return pixelRowCol.length / 2;
  }
}

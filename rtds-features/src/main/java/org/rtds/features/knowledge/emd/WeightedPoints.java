package org.rtds.features.knowledge.emd;

/**
 * A signature for the EMD: points in 3-D (mm) with non-negative weights. Arrays are not copied.
 *
 * @param xyzMm coordinates, 3 per point (x0, y0, z0, x1, …) in mm
 * @param weights weight per point, ≥ 0
 */
public record WeightedPoints(double[] xyzMm, double[] weights) {

  /**
   * Validates the sizes.
   *
   * @param xyzMm coordinates, 3 per point
   * @param weights weight per point
   */
  public WeightedPoints {
    if (xyzMm.length != 3 * weights.length) {
      throw new IllegalArgumentException("need 3 coordinates per weight");
    }
  }

  /**
   * @return number of points
   */
  public int size() {
    return weights.length;
  }

  /**
   * @param i a point
   * @param j a point of other
   * @param other another signature
   * @return Euclidean distance between them (mm)
   */
  public double distanceMm(int i, WeightedPoints other, int j) {
    double dx = xyzMm[3 * i] - other.xyzMm[3 * j];
    double dy = xyzMm[3 * i + 1] - other.xyzMm[3 * j + 1];
    double dz = xyzMm[3 * i + 2] - other.xyzMm[3 * j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}

package org.rtds.features.knowledge.ovh;

/**
 * A cumulative OVH on a grid: OVH(t_k) for ascending distances t_k (mm). What the {@code ovh} table
 * stores and what the OVH EMD compares. Arrays are not copied.
 *
 * @param gridMm ascending distances t_k (mm)
 * @param cumulativeFraction OVH(t_k), fractions in [0, 1]
 */
public record OvhCurve(double[] gridMm, double[] cumulativeFraction) {

  /**
   * Validates equal lengths.
   *
   * @param gridMm ascending distances t_k (mm)
   * @param cumulativeFraction OVH(t_k), fractions in [0, 1]
   */
  public OvhCurve {
    if (gridMm.length != cumulativeFraction.length || gridMm.length == 0) {
      throw new IllegalArgumentException(
          "OVH grid and fractions must have the same, non-zero size");
    }
  }

  /**
   * @param v a fraction in (0, 1]
   * @return r_v = min{t_k : OVH(t_k) ≥ v} (mm); the last grid point when never reached
   */
  public double rvMm(double v) {
    return rv(gridMm, cumulativeFraction, v);
  }

  /**
   * @param t a grid distance (mm)
   * @return OVH(t): the value at the largest grid point ≤ t (0 below the grid)
   */
  public double at(double t) {
    return at(gridMm, cumulativeFraction, t);
  }

  static double rv(double[] t, double[] f, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException("v must be a fraction in (0, 1]");
    }
    for (int k = 0; k < t.length; k++) {
      if (f[k] >= v - 1e-12) {
        return t[k];
      }
    }
    return t[t.length - 1];
  }

  static double at(double[] t, double[] f, double x) {
    double out = 0;
    for (int k = 0; k < t.length && t[k] <= x + 1e-9; k++) {
      out = f[k];
    }
    return out;
  }
}

package org.rtds.features.knowledge.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * The band of the top-k similar plans' cumulative DVHs of one OAR (spec §3.6): at every dose of a
 * common grid (Gy), the minimum, median and maximum of the volume fractions. Each input DVH is
 * (dose_i, V_i): ascending doses (Gy) and the fraction of the OAR volume receiving at least that
 * dose; between points it is interpolated linearly, below the first dose it equals the first value,
 * above the last dose it is 0. Stateless.
 */
public final class DvhBand {
  private DvhBand() {}

  /**
   * One cumulative DVH.
   *
   * @param doseGy ascending doses (Gy)
   * @param volumeFraction V(dose) in [0, 1], non-increasing
   */
  public record Curve(double[] doseGy, double[] volumeFraction) {

    /**
     * Validates sizes and order.
     *
     * @param doseGy doses (Gy)
     * @param volumeFraction fractions
     */
    public Curve {
      if (doseGy.length != volumeFraction.length || doseGy.length == 0) {
        throw new IllegalArgumentException(
            "DVH doses and volumes must have the same, non-zero size");
      }
      for (int i = 1; i < doseGy.length; i++) {
        if (!(doseGy[i] > doseGy[i - 1])) {
          throw new IllegalArgumentException("DVH doses must ascend");
        }
      }
    }

    /**
     * @param d a dose (Gy)
     * @return V(d), see class doc
     */
    public double at(double d) {
      if (d <= doseGy[0]) {
        return volumeFraction[0];
      }
      int n = doseGy.length;
      if (d > doseGy[n - 1]) {
        return 0;
      }
      int i = Arrays.binarySearch(doseGy, d);
      if (i >= 0) {
        return volumeFraction[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double t = (d - doseGy[lo]) / (doseGy[hi] - doseGy[lo]);
      return volumeFraction[lo] + t * (volumeFraction[hi] - volumeFraction[lo]);
    }
  }

  /**
   * The band.
   *
   * @param doseGy the common grid (Gy)
   * @param minimum lowest fraction at each dose
   * @param median median fraction (mean of the two middle ones for an even count)
   * @param maximum highest fraction
   */
  public record Band(double[] doseGy, double[] minimum, double[] median, double[] maximum) {}

  /**
   * @param curves the k DVHs (≥ 1)
   * @param stepGy grid step (Gy) &gt; 0; the grid runs from 0 to the largest dose of any curve
   * @return the band
   */
  public static Band of(List<Curve> curves, double stepGy) {
    if (!(stepGy > 0)) {
      throw new IllegalArgumentException("dose step must be > 0 Gy");
    }
    double max = 0;
    for (Curve c : curves) {
      max = Math.max(max, c.doseGy()[c.doseGy().length - 1]);
    }
    int n = (int) Math.ceil(max / stepGy - 1e-9) + 1;
    double[] grid = new double[n];
    for (int i = 0; i < n; i++) {
      grid[i] = i * stepGy;
    }
    return of(curves, grid);
  }

  /**
   * @param curves the k DVHs (≥ 1)
   * @param doseGridGy the common dose grid (Gy)
   * @return the band
   */
  public static Band of(List<Curve> curves, double[] doseGridGy) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("a DVH band needs at least one DVH");
    }
    int k = curves.size();
    double[] lo = new double[doseGridGy.length];
    double[] med = new double[doseGridGy.length];
    double[] hi = new double[doseGridGy.length];
    double[] v = new double[k];
    for (int i = 0; i < doseGridGy.length; i++) {
      for (int j = 0; j < k; j++) {
        v[j] = curves.get(j).at(doseGridGy[i]);
      }
      Arrays.sort(v);
      lo[i] = v[0];
      hi[i] = v[k - 1];
      med[i] = k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }
    return new Band(doseGridGy.clone(), lo, med, hi);
  }
}

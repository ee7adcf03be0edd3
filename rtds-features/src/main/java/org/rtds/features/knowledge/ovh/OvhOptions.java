package org.rtds.features.knowledge.ovh;

/**
 * The fixed OVH distance grid t_k = start, start + step, …, end (mm), shared by all studies so that
 * curves compare bin by bin (spec §1.3). Distances below start count as start; OVH(end) is forced
 * to 1 (the farthest OAR voxels beyond end are folded into the last point; exact statistics still
 * use the true distances).
 *
 * @param gridStartMm first grid distance t_0 (mm), negative = inside the PTV
 * @param gridEndMm last grid distance (mm), &gt; start
 * @param gridStepMm grid step Δt (mm), &gt; 0; (end − start)/step must be a whole number
 */
public record OvhOptions(double gridStartMm, double gridEndMm, double gridStepMm) {

  /** The default grid: −50 … +150 mm in 1 mm steps (201 points). */
  public static final OvhOptions DEFAULT = new OvhOptions(-50, 150, 1);

  /**
   * Validates the grid.
   *
   * @param gridStartMm first grid distance t_0 (mm)
   * @param gridEndMm last grid distance (mm)
   * @param gridStepMm grid step (mm)
   */
  public OvhOptions {
    if (!Double.isFinite(gridStartMm) || !Double.isFinite(gridEndMm) || !(gridStepMm > 0)) {
      throw new IllegalArgumentException("OVH grid needs finite bounds and a step > 0 mm");
    }
    double n = (gridEndMm - gridStartMm) / gridStepMm;
    if (!(n >= 1) || Math.abs(n - Math.rint(n)) > 1e-9 * Math.max(1, n) || n > 100_000) {
      throw new IllegalArgumentException(
          "OVH grid: (end − start)/step must be a whole number in 1..100000");
    }
  }

  /**
   * @return number of grid points
   */
  public int pointCount() {
    return (int) Math.rint((gridEndMm - gridStartMm) / gridStepMm) + 1;
  }

  /**
   * @return the grid distances t_k (mm), rounded to 1e-9 mm
   */
  public double[] gridMm() {
    int n = pointCount();
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = Math.rint((gridStartMm + k * gridStepMm) * 1e9) / 1e9;
    }
    return t;
  }
}

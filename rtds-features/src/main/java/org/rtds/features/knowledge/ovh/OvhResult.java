package org.rtds.features.knowledge.ovh;

/**
 * The overlap volume histogram of one OAR relative to one PTV (spec §1): OVH(t) = volume fraction
 * of the OAR whose signed distance from the PTV boundary is ≤ t (mm, negative inside the PTV), on
 * the fixed grid of {@link OvhOptions}, plus the scalar features of §1.4–1.5. Arrays are not
 * copied: do not modify them.
 *
 * @param gridMm grid distances t_k (mm)
 * @param cumulativeFraction OVH(t_k), fractions in [0, 1], non-decreasing, last = 1
 * @param oarVoxelCount number of OAR voxels
 * @param oarVolumeMm3 OAR volume (mm³)
 * @param overlapVolumeMm3 volume of OAR ∩ PTV (mm³)
 * @param overlapFraction |OAR ∩ PTV| / |OAR|, in [0, 1] (= OVH(0) up to binning)
 * @param rvFractions the fractions v of the r_v values (0.05, 0.10, …, 1.00)
 * @param rvGridMm r_v = min{t_k : OVH(t_k) ≥ v} on the grid (mm); clamped to the grid
 * @param rvExactMm r_v = min{d_i : weight(d ≤ d_i) ≥ v·|OAR|} from the voxel distances (mm)
 * @param statistics exact distance statistics (mm)
 */
public record OvhResult(
    double[] gridMm,
    double[] cumulativeFraction,
    long oarVoxelCount,
    double oarVolumeMm3,
    double overlapVolumeMm3,
    double overlapFraction,
    double[] rvFractions,
    double[] rvGridMm,
    double[] rvExactMm,
    DistanceStatistics statistics) {

  /** The fractions v of the stored r_v values: 5 %, 10 %, …, 100 %. */
  public static double[] standardRvFractions() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[i] = (i + 1) / 20.0;
    }
    return v;
  }

  /**
   * @return the {@code OverlapArea} column value: overlap volume rounded to whole mm³ (0 = none)
   */
  public int overlapAreaMm3() {
    return (int) Math.min(Integer.MAX_VALUE, Math.round(overlapVolumeMm3));
  }

  /**
   * @return overlap volume (cc)
   */
  public double overlapVolumeCc() {
    return overlapVolumeMm3 / 1000.0;
  }

  /**
   * @param v a fraction in (0, 1]
   * @return min{t_k : OVH(t_k) ≥ v} (mm) from the stored curve
   */
  public double rvGridMm(double v) {
    return OvhCurve.rv(gridMm, cumulativeFraction, v);
  }

  /**
   * @param t a distance (mm) on the grid
   * @return OVH(t)
   */
  public double at(double t) {
    return OvhCurve.at(gridMm, cumulativeFraction, t);
  }

  /**
   * @param v one of {@link #rvFractions()} (±1e-9)
   * @return the exact r_v (mm)
   */
  public double rvExactMm(double v) {
    for (int i = 0; i < rvFractions.length; i++) {
      if (Math.abs(rvFractions[i] - v) < 1e-9) {
        return rvExactMm[i];
      }
    }
    throw new IllegalArgumentException("r_v is kept for v = 0.05, 0.10, …, 1.00 only");
  }

  /**
   * @return the curve alone (what is stored and compared)
   */
  public OvhCurve curve() {
    return new OvhCurve(gridMm, cumulativeFraction);
  }
}

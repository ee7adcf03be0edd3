package org.rtds.features.dose.raster;

/**
 * In-plane supersampling of the CT grid. Each CT pixel is split into factor × factor sub-pixels
 * whose centres are tested and sampled individually; each carries 1/factor² of the voxel volume.
 * The z sampling stays at the CT slice positions.
 *
 * @param supersampling fixed factor ≥ 1, or 0 for automatic
 * @param autoThresholdCc automatic mode: ROIs whose prism volume is below this (cc) are
 *     supersampled
 * @param autoFactor automatic mode: the factor used for small ROIs (others use 1)
 */
public record RasterOptions(int supersampling, double autoThresholdCc, int autoFactor) {

  /** Default: automatic, ×4 for ROIs under 5 cc (§4.4 step 1), ×1 otherwise. */
  public static final RasterOptions DEFAULT = new RasterOptions(0, 5.0, 4);

  /** Validates the factors (1–16). */
  public RasterOptions {
    if (supersampling < 0 || supersampling > 16 || autoFactor < 1 || autoFactor > 16) {
      throw new IllegalArgumentException("supersampling factors must be in 1..16 (0 = auto)");
    }
  }

  /**
   * @param factor a fixed supersampling factor (1 = none)
   * @return options with that fixed factor
   */
  public static RasterOptions fixed(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("supersampling factor must be ≥ 1");
    }
    return new RasterOptions(factor, DEFAULT.autoThresholdCc, DEFAULT.autoFactor);
  }

  /**
   * @param prismVolumeCc the ROI's stacked-prism volume (cc)
   * @return the factor to use for that ROI
   */
  public int factorFor(double prismVolumeCc) {
    if (supersampling > 0) {
      return supersampling;
    }
    return prismVolumeCc < autoThresholdCc ? autoFactor : 1;
  }
}

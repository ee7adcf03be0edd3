package org.rtds.features.dose.raster;

/**
 * Supersampling of the CT grid. With factor s each CT pixel is split into s × s sub-pixels whose
 * centres are tested against the contours and sampled individually (§4.4 step 1); each carries 1/s²
 * of the voxel volume. By default the dose is sampled at the CT slice position (the voxel centre
 * rule of §4.4 step 4). With {@code supersampleZ} the dose of every sub-pixel is also sampled at s
 * equally spaced z positions across the CT voxel's thickness (each 1/s of its volume; the ROI shape
 * on the slice is unchanged): this removes the ±g·h/2 quantisation of metrics in superior–inferior
 * dose gradients.
 *
 * @param supersampling fixed factor ≥ 1, or 0 for automatic
 * @param autoThresholdCc automatic mode: ROIs whose prism volume is below this (cc) are
 *     supersampled
 * @param autoFactor automatic mode: the factor used for small ROIs (others use 1)
 * @param supersampleZ also subdivide the dose sampling along z (see above); default false
 */
public record RasterOptions(
    int supersampling, double autoThresholdCc, int autoFactor, boolean supersampleZ) {

  /** Default: automatic, ×4 in-plane for ROIs under 5 cc (§4.4 step 1), ×1 otherwise; no z. */
  public static final RasterOptions DEFAULT = new RasterOptions(0, 5.0, 4, false);

  /**
   * Validates the factors (1–16).
   *
   * @param supersampling fixed factor ≥ 1, or 0 for automatic
   * @param autoThresholdCc automatic mode: ROIs whose prism volume is below this (cc) are
   *     supersampled
   * @param autoFactor automatic mode: the factor used for small ROIs (others use 1)
   * @param supersampleZ also subdivide the dose sampling along z (see above); default false
   */
  public RasterOptions {
    if (supersampling < 0 || supersampling > 16 || autoFactor < 1 || autoFactor > 16) {
      throw new IllegalArgumentException("supersampling factors must be in 1..16 (0 = auto)");
    }
  }

  /**
   * @param factor a fixed in-plane supersampling factor (1 = none), no z subdivision
   * @return options with that fixed factor
   */
  public static RasterOptions fixed(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("supersampling factor must be ≥ 1");
    }
    return new RasterOptions(factor, DEFAULT.autoThresholdCc, DEFAULT.autoFactor, false);
  }

  /**
   * @return a copy that also subdivides the dose sampling along z
   */
  public RasterOptions withSupersampleZ() {
    return new RasterOptions(supersampling, autoThresholdCc, autoFactor, true);
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

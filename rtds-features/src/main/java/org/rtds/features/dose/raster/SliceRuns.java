package org.rtds.features.dose.raster;

/**
 * The sampled points of one ROI on one CT slice, as runs along sub-pixel rows. With factor s, the
 * sub-pixel (u, v) has its centre at fractional CT pixel row (u + 0.5)/s − 0.5 and column (v +
 * 0.5)/s − 0.5. The runs array is not copied; do not modify it.
 *
 * @param sliceIndex the CT slice index ({@code SamplingGrid.slices()} order)
 * @param zMm the slice's z (mm)
 * @param factor supersampling factor s
 * @param sampleVolumeMm3 volume represented by each sample: Δrow·Δcol·slice thickness / s² (mm³)
 * @param runs triplets (sub-row u, first sub-column, end sub-column exclusive)
 */
public record SliceRuns(
    int sliceIndex, double zMm, int factor, double sampleVolumeMm3, int[] runs) {

  /**
   * @return number of samples in all runs
   */
  public long sampleCount() {
    long n = 0;
    for (int i = 0; i < runs.length; i += 3) {
      n += runs[i + 2] - runs[i + 1];
    }
    return n;
  }

  /**
   * @return fractional CT row of sub-row u
   * @param u sub-row index
   */
  public double row(int u) {
    return (u + 0.5) / factor - 0.5;
  }

  /**
   * @return fractional CT column of sub-column v
   * @param v sub-column index
   */
  public double col(int v) {
    return (v + 0.5) / factor - 0.5;
  }
}

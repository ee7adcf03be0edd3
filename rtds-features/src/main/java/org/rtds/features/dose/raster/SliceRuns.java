package org.rtds.features.dose.raster;

/**
 * The sampled points of one ROI on one CT slice, as runs along sub-pixel rows. With factor s, the
 * sub-pixel (u, v) has its centre at fractional CT pixel row (u + 0.5)/s − 0.5 and column (v +
 * 0.5)/s − 0.5. Each sub-pixel is sampled at {@code zSamples} z positions ({@link #sampleZ(int)}):
 * 1 (the slice z) unless z supersampling is on. The runs array is not copied; do not modify it.
 *
 * @param sliceIndex the CT slice index ({@code SamplingGrid.slices()} order)
 * @param zMm the slice's z (mm)
 * @param thicknessMm the CT voxel thickness of the slice (mm)
 * @param factor in-plane supersampling factor s
 * @param zSamples dose samples per sub-pixel along z (1 or s)
 * @param sampleVolumeMm3 volume of each sample: Δrow·Δcol·thickness / (s²·zSamples) (mm³)
 * @param runs triplets (sub-row u, first sub-column, end sub-column exclusive)
 */
public record SliceRuns(
    int sliceIndex,
    double zMm,
    double thicknessMm,
    int factor,
    int zSamples,
    double sampleVolumeMm3,
    int[] runs) {

  /**
   * @return number of in-plane sub-pixels in all runs
   */
  public long pixelCount() {
    long n = 0;
    for (int i = 0; i < runs.length; i += 3) {
      n += runs[i + 2] - runs[i + 1];
    }
    return n;
  }

  /**
   * @return number of dose samples: sub-pixels × zSamples
   */
  public long sampleCount() {
    return pixelCount() * zSamples;
  }

  /**
   * @param w z sample index, 0 … zSamples−1
   * @return its z (mm): equally spaced across the voxel thickness, the slice z when zSamples = 1
   */
  public double sampleZ(int w) {
    return zMm + ((w + 0.5) / zSamples - 0.5) * thicknessMm;
  }

  /**
   * @param u sub-row index
   * @return fractional CT row of sub-row u
   */
  public double row(int u) {
    return (u + 0.5) / factor - 0.5;
  }

  /**
   * @param v sub-column index
   * @return fractional CT column of sub-column v
   */
  public double col(int v) {
    return (v + 0.5) / factor - 0.5;
  }
}

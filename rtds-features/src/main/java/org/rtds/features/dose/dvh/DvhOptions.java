package org.rtds.features.dose.dvh;

import org.rtds.features.dose.raster.RasterOptions;

/**
 * Options of the DVH calculation.
 *
 * @param binWidthGy cumulative DVH bin width (Gy), default 0.01
 * @param raster supersampling options, default {@link RasterOptions#DEFAULT} (auto ×4 below 5 cc)
 * @param parallel whether ROIs and slices may be processed on the common ForkJoin pool
 */
public record DvhOptions(double binWidthGy, RasterOptions raster, boolean parallel) {

  /** 0.01 Gy bins, automatic supersampling, parallel. */
  public static final DvhOptions DEFAULT = new DvhOptions(0.01, RasterOptions.DEFAULT, true);

  /**
   * Validates the bin width.
   *
   * @param binWidthGy cumulative DVH bin width (Gy), default 0.01
   * @param raster supersampling options, default {@link RasterOptions#DEFAULT} (auto ×4 below 5 cc)
   * @param parallel whether ROIs and slices may be processed on the common ForkJoin pool
   */
  public DvhOptions {
    if (!(binWidthGy > 0) || raster == null) {
      throw new IllegalArgumentException("DVH bin width must be positive and raster options set");
    }
  }

  /**
   * @param r raster options
   * @return a copy with those raster options
   */
  public DvhOptions withRaster(RasterOptions r) {
    return new DvhOptions(binWidthGy, r, parallel);
  }
}

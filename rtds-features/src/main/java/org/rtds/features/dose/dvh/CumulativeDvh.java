package org.rtds.features.dose.dvh;

import java.util.Arrays;

/**
 * A cumulative DVH as DICOM stores it: bin k spans [e_k, e_k + w_k) with e_0 = 0 and e_{k+1} = e_k
 * + w_k (Gy); volumes[k] = V(dose ≥ e_k) in the given unit. Computed DVHs use uniform widths (0.01
 * Gy by default) and CM3. Arrays are not copied; do not modify them.
 *
 * @param binWidthsGy bin widths (Gy), positive
 * @param volumes cumulative volume at each bin's lower edge (cc or %)
 * @param unit unit of the volumes
 */
public record CumulativeDvh(double[] binWidthsGy, double[] volumes, VolumeUnit unit) {

  /**
   * Checks both arrays have the same length.
   *
   * @param binWidthsGy bin widths (Gy), positive
   * @param volumes cumulative volume at each bin's lower edge (cc or %)
   * @param unit unit of the volumes
   */
  public CumulativeDvh {
    if (binWidthsGy.length != volumes.length) {
      throw new IllegalArgumentException("DVH needs one volume per bin width");
    }
  }

  /**
   * @return number of bins
   */
  public int binCount() {
    return volumes.length;
  }

  /**
   * @return lower edge (Gy) of every bin
   */
  public double[] lowerEdgesGy() {
    double[] e = new double[binWidthsGy.length];
    double acc = 0;
    for (int k = 0; k < e.length; k++) {
      e[k] = acc;
      acc += binWidthsGy[k];
    }
    return e;
  }

  /**
   * @param totalVolumeCc ROI volume (cc) that 100 % stands for
   * @return this DVH in CM3 (unchanged when already CM3)
   */
  public CumulativeDvh toCc(double totalVolumeCc) {
    if (unit == VolumeUnit.CM3) {
      return this;
    }
    double[] v = Arrays.copyOf(volumes, volumes.length);
    for (int k = 0; k < v.length; k++) {
      v[k] = v[k] * totalVolumeCc / 100.0;
    }
    return new CumulativeDvh(binWidthsGy, v, VolumeUnit.CM3);
  }

  /**
   * @return this DVH in PERCENT of its first bin's volume (V(≥0) = the whole ROI)
   */
  public CumulativeDvh toPercent() {
    if (unit == VolumeUnit.PERCENT) {
      return this;
    }
    double total = volumes.length == 0 ? 0 : volumes[0];
    double[] v = new double[volumes.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = total > 0 ? volumes[k] * 100.0 / total : 0;
    }
    return new CumulativeDvh(binWidthsGy, v, VolumeUnit.PERCENT);
  }
}

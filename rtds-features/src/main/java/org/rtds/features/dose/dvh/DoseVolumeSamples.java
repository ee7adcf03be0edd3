package org.rtds.features.dose.dvh;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The exact voxel dose list of an ROI: one dose (Gy) and one volume (mm³) per sample. All metrics
 * (§4.4 step 6) are computed from this list, not from DVH bins. Immutable and thread-safe (arrays
 * are not copied: callers hand over ownership).
 *
 * <p>Dose-at-volume uses the step rule: sort doses descending, accumulate volume, and return the
 * dose of the first sample at which the accumulated volume reaches the requested volume (no
 * interpolation). For {10, 20, 30, 40} Gy at 1 cc each, D50% = 30 Gy and D2cc = 30 Gy. It is
 * computed in O(N) per query with a coarse dose histogram and an exact sort of one bin only.
 */
public final class DoseVolumeSamples {
  private static final int BINS = 4096;
  private static final double RELATIVE_VOLUME_TOLERANCE = 1e-9;

  private final float[] doseGy;
  private final float[] volumeMm3;
  private final double totalMm3;
  private final double meanGy;
  private final double minGy;
  private final double maxGy;
  private final double binScale;
  private final double[] binVolume;
  private final int[] binCount;

  /**
   * @param doseGy dose per sample (Gy)
   * @param volumeMm3 volume per sample (mm³), non-negative
   */
  public DoseVolumeSamples(float[] doseGy, float[] volumeMm3) {
    if (doseGy.length != volumeMm3.length) {
      throw new IllegalArgumentException("one volume per dose sample is required");
    }
    this.doseGy = doseGy;
    this.volumeMm3 = volumeMm3;
    double total = 0;
    double weighted = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < doseGy.length; i++) {
      double v = volumeMm3[i];
      double d = doseGy[i];
      total += v;
      weighted += v * d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    this.totalMm3 = total;
    boolean empty = doseGy.length == 0 || total <= 0;
    this.meanGy = empty ? 0 : weighted / total;
    this.minGy = empty ? 0 : min;
    this.maxGy = empty ? 0 : max;
    this.binScale = maxGy > minGy ? BINS / (maxGy - minGy) : 0;
    this.binVolume = new double[BINS];
    this.binCount = new int[BINS];
    for (int i = 0; i < doseGy.length; i++) {
      int b = bin(doseGy[i]);
      binVolume[b] += volumeMm3[i];
      binCount[b]++;
    }
  }

  /**
   * Convenience for small lists (tests, discrete cases).
   *
   * @param doseGy doses (Gy)
   * @param volumeCc volumes (cc)
   * @return the list
   */
  public static DoseVolumeSamples of(double[] doseGy, double[] volumeCc) {
    float[] d = new float[doseGy.length];
    float[] v = new float[volumeCc.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) doseGy[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (volumeCc[i] * 1000.0);
    }
    return new DoseVolumeSamples(d, v);
  }

  private int bin(double d) {
    int b = (int) ((d - minGy) * binScale);
    return Math.min(Math.max(b, 0), BINS - 1);
  }

  /**
   * @return true when there is no sample with volume
   */
  public boolean isEmpty() {
    return totalMm3 <= 0;
  }

  /**
   * @return number of samples
   */
  public int sampleCount() {
    return doseGy.length;
  }

  /**
   * @return Σ volume (cc)
   */
  public double totalVolumeCc() {
    return totalMm3 / 1000.0;
  }

  /**
   * @return volume-weighted mean dose (Gy); 0 when empty
   */
  public double meanGy() {
    return meanGy;
  }

  /**
   * @return smallest sample dose (Gy); 0 when empty
   */
  public double minGy() {
    return minGy;
  }

  /**
   * @return largest sample dose (Gy); 0 when empty
   */
  public double maxGy() {
    return maxGy;
  }

  /**
   * @param thresholdGy dose (Gy)
   * @return volume (cc) of samples with dose ≥ thresholdGy
   */
  public double volumeAtLeastCc(double thresholdGy) {
    double v = 0;
    for (int i = 0; i < doseGy.length; i++) {
      if (doseGy[i] >= thresholdGy) {
        v += volumeMm3[i];
      }
    }
    return v / 1000.0;
  }

  /**
   * @param percent volume fraction in percent of the total, in [0, 100]
   * @return D_x% by the step rule (Gy); empty when the list is empty
   */
  public OptionalDouble doseAtVolumePercent(double percent) {
    return doseAtVolumeCc(percent / 100.0 * totalVolumeCc());
  }

  /**
   * @param volumeCc absolute volume (cc), ≥ 0
   * @return D_xcc by the step rule (Gy): the largest dose D with V(≥ D) ≥ volumeCc; Dmax for 0 cc;
   *     empty when the ROI is smaller than volumeCc or empty
   */
  public OptionalDouble doseAtVolumeCc(double volumeCc) {
    if (isEmpty()) {
      return OptionalDouble.empty();
    }
    double target = volumeCc * 1000.0;
    double tol = RELATIVE_VOLUME_TOLERANCE * totalMm3;
    if (target > totalMm3 + tol) {
      return OptionalDouble.empty();
    }
    if (target <= 0) {
      return OptionalDouble.of(maxGy);
    }
    double cum = 0;
    for (int b = BINS - 1; b >= 0; b--) {
      if (binCount[b] == 0) {
        continue;
      }
      if (cum + binVolume[b] >= target - tol || b == 0) {
        return OptionalDouble.of(refine(b, cum, target - tol));
      }
      cum += binVolume[b];
    }
    return OptionalDouble.of(minGy);
  }

  private double refine(int b, double cumBefore, double target) {
    int n = binCount[b];
    long[] keyed = new long[n];
    int k = 0;
    for (int i = 0; i < doseGy.length && k < n; i++) {
      if (bin(doseGy[i]) == b) {
        int bits = Float.floatToIntBits(doseGy[i]);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        keyed[k++] = ((long) sortable << 32) | i;
      }
    }
    Arrays.sort(keyed, 0, k);
    double cum = cumBefore;
    double dose = minGy;
    for (int j = k - 1; j >= 0; j--) {
      int idx = (int) (keyed[j] & 0xffffffffL);
      cum += volumeMm3[idx];
      dose = doseGy[idx];
      if (cum >= target) {
        return dose;
      }
    }
    return dose;
  }

  /**
   * Cumulative DVH (§4.4 step 5): bins [kΔ, (k+1)Δ), k = 0 … ⌊Dmax/Δ⌋; a sample's bin is ⌊d/Δ +
   * 1e-9⌋ (the epsilon keeps exact multiples such as 0.30 Gy in their own bin); negative doses
   * count in bin 0. volumes[k] = V(≥ kΔ) in cc.
   *
   * @param binWidthGy Δ (Gy), positive
   * @return the cumulative DVH in CM3
   */
  public CumulativeDvh cumulativeDvh(double binWidthGy) {
    if (!(binWidthGy > 0)) {
      throw new IllegalArgumentException("DVH bin width must be positive");
    }
    int n = (int) Math.floor(Math.max(maxGy, 0) / binWidthGy + 1e-9) + 1;
    double[] diff = new double[n];
    for (int i = 0; i < doseGy.length; i++) {
      int k = (int) Math.floor(doseGy[i] / binWidthGy + 1e-9);
      diff[Math.min(Math.max(k, 0), n - 1)] += volumeMm3[i];
    }
    double[] cum = new double[n];
    double acc = 0;
    for (int k = n - 1; k >= 0; k--) {
      acc += diff[k];
      cum[k] = acc / 1000.0;
    }
    double[] widths = new double[n];
    Arrays.fill(widths, binWidthGy);
    return new CumulativeDvh(widths, cum, VolumeUnit.CM3);
  }
}

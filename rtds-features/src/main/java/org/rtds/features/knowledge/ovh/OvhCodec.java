package org.rtds.features.knowledge.ovh;

import org.rtds.features.knowledge.format.FeatureFormatException;
import org.rtds.features.knowledge.format.NumberLists;

/**
 * Text form of an OVH for the {@code ovh} table.
 *
 * <ul>
 *   <li>{@code binValue} = {@value #FORMAT}{@code :} followed by the comma-joined grid distances
 *       t_k (mm), e.g. {@code rtds-ovh-v1:-50,-49,…,150}. The marker tells our rows from legacy
 *       rows (data-adaptive edges in row pixels, 11 edges for 10 amounts), which are refused.
 *   <li>{@code binAmount} = the comma-joined cumulative fractions OVH(t_k) in [0, 1], 6 significant
 *       digits, same count as the distances, non-decreasing, last = 1.
 *   <li>{@code OverlapArea} = overlap volume rounded to whole mm³ ({@link
 *       OvhResult#overlapAreaMm3()}).
 * </ul>
 */
public final class OvhCodec {
  /** Format marker and version of {@code binValue}. */
  public static final String FORMAT = "rtds-ovh-v1";

  /** Significant digits of the stored fractions. */
  public static final int FRACTION_DIGITS = 6;

  private OvhCodec() {}

  /**
   * The three stored columns.
   *
   * @param binValue marker + grid distances (mm)
   * @param binAmount cumulative fractions
   * @param overlapArea overlap volume (mm³, rounded)
   */
  public record OvhRow(String binValue, String binAmount, int overlapArea) {}

  /**
   * @param ovh a computed OVH
   * @return its columns
   */
  public static OvhRow encode(OvhResult ovh) {
    return new OvhRow(
        encodeDistances(ovh.gridMm()),
        NumberLists.join(ovh.cumulativeFraction(), FRACTION_DIGITS),
        ovh.overlapAreaMm3());
  }

  /**
   * @param gridMm grid distances (mm)
   * @return the {@code binValue} text
   */
  public static String encodeDistances(double[] gridMm) {
    return FORMAT + ":" + NumberLists.join(gridMm, 12);
  }

  /**
   * @param binValue the {@code binValue} column
   * @param binAmount the {@code binAmount} column
   * @return the curve
   * @throws FeatureFormatException for legacy or malformed rows (message says which and why)
   */
  public static OvhCurve decode(String binValue, String binAmount) {
    return decode(decodeGrid(binValue), binAmount);
  }

  /**
   * @param binValue the {@code binValue} column
   * @return its grid distances (mm), not yet checked for order
   * @throws FeatureFormatException for legacy or malformed rows
   */
  public static double[] decodeGrid(String binValue) {
    return NumberLists.parse(
        NumberLists.stripMarker(binValue, FORMAT, "ovh.binValue"), "ovh.binValue");
  }

  /**
   * Decodes a curve whose grid was decoded already (many rows share one grid text: decode it once
   * with {@link #decodeGrid}); the same checks as {@link #decode(String, String)}.
   *
   * @param t the grid distances (mm), shared by the curve (not copied, not to be changed)
   * @param binAmount the {@code binAmount} column
   * @return the curve
   * @throws FeatureFormatException for malformed rows
   */
  public static OvhCurve decode(double[] t, String binAmount) {
    double[] f = NumberLists.parse(binAmount, "ovh.binAmount");
    if (t.length != f.length) {
      throw new FeatureFormatException(
          "ovh: " + t.length + " distances but " + f.length + " fractions (must be equal)");
    }
    if (t.length < 2) {
      throw new FeatureFormatException("ovh: at least two grid points are needed");
    }
    for (int k = 0; k < t.length; k++) {
      if (k > 0 && !(t[k] > t[k - 1])) {
        throw new FeatureFormatException(
            "ovh.binValue: distances must ascend (item " + (k + 1) + ")");
      }
      if (f[k] < 0 || f[k] > 1) {
        throw new FeatureFormatException("ovh.binAmount: item " + (k + 1) + " is not in [0, 1]");
      }
      if (k > 0 && f[k] < f[k - 1]) {
        throw new FeatureFormatException(
            "ovh.binAmount: fractions must not decrease (item " + (k + 1) + ")");
      }
    }
    if (f[f.length - 1] != 1.0) {
      throw new FeatureFormatException("ovh.binAmount: the last fraction must be 1");
    }
    return new OvhCurve(t, f);
  }
}

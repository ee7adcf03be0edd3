package org.rtds.features.knowledge.sts;

import java.util.Arrays;
import org.rtds.features.knowledge.format.FeatureFormatException;
import org.rtds.features.knowledge.format.NumberLists;

/**
 * Text form of an STS for the {@code sts} table.
 *
 * <ul>
 *   <li>{@code elevation_bins} = the 11 elevation edges (degrees), {@code distance_bins} = the 11
 *       distance edges (mm; the last bin is open beyond 180 mm even though 200 is written), {@code
 *       azimuth_bins} = the 11 azimuth edges (degrees), all comma-joined.
 *   <li>{@code amounts} = {@value #FORMAT}{@code :} followed by the 1000 PTV volume fractions, 6
 *       significant digits, flattened (ε, ρ, φ) with φ fastest. The marker (which also fixes the
 *       direction PTV-about-OAR and the open last distance bin) tells our rows from legacy rows
 *       (data-adaptive edges, index units, swapped columns), which are refused.
 * </ul>
 */
public final class StsCodec {
  /** Format marker and version of {@code amounts}. */
  public static final String FORMAT = "rtds-sts-v1";

  private StsCodec() {}

  /**
   * The four stored columns.
   *
   * @param elevationBins elevation edges (degrees)
   * @param distanceBins distance edges (mm)
   * @param azimuthBins azimuth edges (degrees)
   * @param amounts marker + fractions
   */
  public record StsRow(
      String elevationBins, String distanceBins, String azimuthBins, String amounts) {}

  /**
   * @param sts a computed STS
   * @return its columns
   */
  public static StsRow encode(StsResult sts) {
    return encode(sts.amounts());
  }

  /**
   * @param amounts the 1000 fractions
   * @return the columns
   */
  public static StsRow encode(double[] amounts) {
    if (amounts.length != StsBins.SIZE) {
      throw new IllegalArgumentException("an STS has " + StsBins.SIZE + " amounts");
    }
    return new StsRow(
        NumberLists.join(StsBins.elevationEdgesDeg(), 12),
        NumberLists.join(StsBins.distanceEdgesMm(), 12),
        NumberLists.join(StsBins.azimuthEdgesDeg(), 12),
        FORMAT + ":" + NumberLists.join(amounts, 6));
  }

  /**
   * @param row the stored columns
   * @return the 1000 fractions
   * @throws FeatureFormatException for legacy or malformed rows
   */
  public static double[] decode(StsRow row) {
    double[] a =
        NumberLists.parse(
            NumberLists.stripMarker(row.amounts(), FORMAT, "sts.amounts"), "sts.amounts");
    checkEdges(row.elevationBins(), StsBins.elevationEdgesDeg(), "sts.elevation_bins");
    checkEdges(row.distanceBins(), StsBins.distanceEdgesMm(), "sts.distance_bins");
    checkEdges(row.azimuthBins(), StsBins.azimuthEdgesDeg(), "sts.azimuth_bins");
    if (a.length != StsBins.SIZE) {
      throw new FeatureFormatException(
          "sts.amounts: " + a.length + " values, " + StsBins.SIZE + " expected");
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || a[i] > 1) {
        throw new FeatureFormatException("sts.amounts: item " + (i + 1) + " is not in [0, 1]");
      }
      sum += a[i];
    }
    if (Math.abs(sum - 1) > 1e-3) {
      throw new FeatureFormatException("sts.amounts: the fractions sum to " + sum + ", not 1");
    }
    return a;
  }

  private static void checkEdges(String text, double[] expected, String what) {
    double[] e = NumberLists.parse(text, what);
    if (e.length != expected.length) {
      throw new FeatureFormatException(what + ": " + e.length + " edges, 11 expected");
    }
    for (int i = 0; i < e.length; i++) {
      if (Math.abs(e[i] - expected[i]) > 1e-9) {
        throw new FeatureFormatException(
            what
                + " "
                + Arrays.toString(e)
                + " differ from the fixed edges "
                + Arrays.toString(expected));
      }
    }
  }
}

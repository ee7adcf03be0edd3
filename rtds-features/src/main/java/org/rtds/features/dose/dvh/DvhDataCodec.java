package org.rtds.features.dose.dvh;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.StringJoiner;
import org.rtds.domain.text.DecimalList;

/**
 * Codec between {@link CumulativeDvh} and DICOM DVHData (3004,0058) as stored in {@code
 * rt_dvh.DVHData} (§4.4 step 8): a comma-separated list of pairs (bin width in Gy, volume). Encoded
 * DVHs are CUMULATIVE, DoseUnits GY, DVHDoseScaling 1, volume in the DVH's unit (CM3 for computed
 * DVHs), DVHNumberOfBins = {@link CumulativeDvh#binCount()}. Numbers are written with at most 10
 * significant digits (fits DICOM DS), |v| &lt; 1e-9 as 0. Stateless.
 */
public final class DvhDataCodec {
  private static final MathContext DIGITS = new MathContext(10);

  private DvhDataCodec() {}

  /**
   * @param dvh a cumulative DVH
   * @return "w1,v1,w2,v2,…"
   */
  public static String encode(CumulativeDvh dvh) {
    StringJoiner j = new StringJoiner(",");
    // the widths are all the same and the volumes repeat in long runs (the full volume below the
    // lowest dose): each distinct value is formatted once, with the same text every time
    Formatted width = new Formatted();
    Formatted volume = new Formatted();
    for (int k = 0; k < dvh.binCount(); k++) {
      j.add(width.of(dvh.binWidthsGy()[k])).add(volume.of(dvh.volumes()[k]));
    }
    return j.toString();
  }

  /** {@link #format} of the last value asked for, kept. */
  private static final class Formatted {
    private long bits = Double.doubleToRawLongBits(Double.NaN);
    private String text;

    String of(double v) {
      long b = Double.doubleToRawLongBits(v);
      if (text == null || b != bits) {
        text = format(v);
        bits = b;
      }
      return text;
    }
  }

  /**
   * Decodes DICOM DVHData (an embedded TPS DVH or one of ours) into a cumulative curve. Values may
   * be separated by commas or backslashes. Bin widths are multiplied by DVHDoseScaling; a
   * DIFFERENTIAL DVH is accumulated from the top bin down (V(≥ e_k) = Σ_{j≥k} v_j).
   *
   * @param dvhData DVHData text
   * @param doseScaling DVHDoseScaling (3004,0052), 1 when absent
   * @param type DVHType
   * @param unit DVHVolumeUnits
   * @return the cumulative DVH in the given unit
   * @throws IllegalArgumentException for NATURAL DVHs, an odd value count or unparsable numbers
   */
  public static CumulativeDvh decode(
      String dvhData, double doseScaling, DvhType type, VolumeUnit unit) {
    if (type == DvhType.NATURAL) {
      throw new IllegalArgumentException("NATURAL DVHs are not supported");
    }
    // a trailing separator is tolerated (as String.split did); an empty value inside is not
    String trimmed = dvhData == null ? "" : dvhData.strip();
    int end = trimmed.length();
    while (end > 0 && (trimmed.charAt(end - 1) == ',' || trimmed.charAt(end - 1) == '\\')) {
      end--;
    }
    double[] values =
        DecimalList.parse(
            end == trimmed.length() ? trimmed : trimmed.substring(0, end),
            ',',
            '\\',
            (index, item) ->
                new IllegalArgumentException("DVHData value '" + item + "' is not a number"));
    int count = values.length;
    if (count % 2 != 0) {
      throw new IllegalArgumentException(
          "DVHData has " + count + " values; it needs (width, volume) pairs");
    }
    int n = count / 2;
    double[] widths = new double[n];
    double[] volumes = new double[n];
    for (int k = 0; k < n; k++) {
      widths[k] = values[2 * k] * doseScaling;
      volumes[k] = values[2 * k + 1];
    }
    if (type == DvhType.DIFFERENTIAL) {
      double acc = 0;
      for (int k = n - 1; k >= 0; k--) {
        acc += volumes[k];
        volumes[k] = acc;
      }
    }
    return new CumulativeDvh(widths, Arrays.copyOf(volumes, n), unit);
  }

  static String format(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot encode non-finite DVH value " + v);
    }
    if (Math.abs(v) < 1e-9) {
      return "0";
    }
    return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
  }
}

package org.rtds.features.knowledge.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.rtds.domain.text.DecimalList;

/**
 * Comma-joined number lists of the {@code ovh} and {@code sts} tables: plain decimal notation (no
 * exponent, no spaces, '.' as decimal point), trailing zeros stripped, {@code 0} for zero.
 */
public final class NumberLists {
  private NumberLists() {}

  /**
   * @param values finite values
   * @param significantDigits significant digits kept (round half even)
   * @return the values comma-joined
   */
  public static String join(double[] values, int significantDigits) {
    MathContext mc = new MathContext(significantDigits, RoundingMode.HALF_EVEN);
    StringBuilder sb = new StringBuilder(values.length * 8);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(format(values[i], mc));
    }
    return sb.toString();
  }

  private static String format(double v, MathContext mc) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot store a non-finite value: " + v);
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(mc).stripTrailingZeros().toPlainString();
  }

  /**
   * @param text comma-joined numbers
   * @param what the column, for error messages
   * @return the values
   * @throws FeatureFormatException on an empty list, an empty or non-numeric item, or a non-finite
   *     value
   */
  public static double[] parse(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new FeatureFormatException(what + " is empty");
    }
    double[] out =
        DecimalList.parse(
            text,
            ',',
            ',',
            (index, item) ->
                new FeatureFormatException(
                    what
                        + ": item "
                        + (index + 1)
                        + " (\""
                        + abbreviate(item)
                        + "\") is not a number"));
    for (int i = 0; i < out.length; i++) {
      if (!Double.isFinite(out[i])) {
        throw new FeatureFormatException(what + ": item " + (i + 1) + " is not a finite number");
      }
    }
    return out;
  }

  /**
   * Splits off a format marker: {@code "marker:rest"}.
   *
   * @param text the column text
   * @param marker the expected marker (e.g. {@code rtds-ovh-v1})
   * @param what the column, for error messages
   * @return the text after the marker
   * @throws FeatureFormatException when the marker is missing or different
   */
  public static String stripMarker(String text, String marker, String what) {
    if (text == null) {
      throw new FeatureFormatException(what + " is null");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new FeatureFormatException(
          what
              + " has no format marker (expected \""
              + marker
              + ":\"): a legacy row (data-adaptive bins, not comparable); recompute the features");
    }
    String found = text.substring(0, colon).strip();
    if (!found.equals(marker)) {
      throw new FeatureFormatException(
          what
              + " has format \""
              + abbreviate(found)
              + "\", this version reads \""
              + marker
              + "\"");
    }
    return text.substring(colon + 1);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}

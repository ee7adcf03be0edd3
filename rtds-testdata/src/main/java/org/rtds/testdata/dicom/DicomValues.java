package org.rtds.testdata.dicom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formatting and validation of DICOM character values (PS3.5 §6.2): DS (decimal string, at most 16
 * characters), IS (integer string, at most 12 characters, 32-bit range) and UI (at most 64
 * characters of digits and dots, no leading zeros in a component).
 */
public final class DicomValues {

  /** Maximum length of one DS value in characters. */
  public static final int DS_MAX = 16;

  /** Maximum length of one IS value in characters. */
  public static final int IS_MAX = 12;

  /** Maximum length of a UI value in characters (not counting the NUL padding). */
  public static final int UI_MAX = 64;

  private DicomValues() {}

  /**
   * Formats a double as a DS value of at most 16 characters: the shortest decimal that round-trips
   * when it fits, otherwise the value rounded to as many significant digits as fit, in plain or
   * exponent notation, whichever keeps more digits. Integral values are written without a decimal
   * point, {@code -0} as {@code 0}.
   *
   * @throws IllegalArgumentException for NaN and infinities, which DS cannot represent
   */
  public static String ds(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("DS cannot represent " + value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
    for (int digits = exact.precision(); digits >= 1; digits--) {
      BigDecimal rounded =
          exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
      String plain = plain(rounded);
      if (plain.length() <= DS_MAX) {
        return plain;
      }
      String scientific = scientific(rounded);
      if (scientific.length() <= DS_MAX) {
        return scientific;
      }
    }
    throw new IllegalArgumentException(
        "DS cannot represent " + value); // unreachable for finite doubles
  }

  private static String plain(BigDecimal d) {
    String s = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    return s;
  }

  private static String scientific(BigDecimal d) {
    String digits = d.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - d.scale();
    StringBuilder sb = new StringBuilder();
    if (d.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('E').append(exponent);
    return sb.toString();
  }

  /** Formats several doubles as a multi-valued DS (backslash-separated). */
  public static String ds(double... values) {
    StringBuilder sb = new StringBuilder(values.length * 8);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append('\\');
      }
      sb.append(ds(values[i]));
    }
    return sb.toString();
  }

  /**
   * Formats an integer as an IS value.
   *
   * @throws IllegalArgumentException outside the IS range −2³¹ … 2³¹−1
   */
  public static String is(long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("IS out of range: " + value);
    }
    return Long.toString(value);
  }

  /**
   * Whether {@code uid} is a valid UI value: 1–64 characters, dot-separated numeric components
   * without leading 0.
   */
  public static boolean isValidUid(String uid) {
    if (uid == null || uid.isEmpty() || uid.length() > UI_MAX) {
      return false;
    }
    String[] parts = uid.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty() || (part.length() > 1 && part.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
    }
    return true;
  }
}

package org.rtds.domain.text;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Parses lists of decimal numbers, such as a DVH's 15,000 values, without the per-item strings and
 * regular expressions of {@code String.split}: every value is exactly what {@link
 * Double#parseDouble} gives for the item (a fast path for plain decimals of up to 15 significant
 * digits, which a single correctly rounded multiplication or division by an exact power of ten
 * reproduces bit for bit; every other item is handed to {@code Double.parseDouble} itself).
 */
public final class DecimalList {

  /** The powers of ten a double holds exactly. */
  private static final double[] EXACT_POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < EXACT_POWERS_OF_TEN.length; k++) {
      EXACT_POWERS_OF_TEN[k] = p;
      p *= 10;
    }
  }

  /** What a caller says when an item is not a number. */
  @FunctionalInterface
  public interface BadItem {
    /**
     * @param index the item's position (0-based)
     * @param item the item's text, trimmed
     * @return the exception to throw
     */
    RuntimeException of(int index, String item);
  }

  /**
   * A DICOM Decimal String item (PS3.5 6.2 DS): fixed or floating point; no NaN, infinity,
   * hexadecimal or type suffix, all of which {@code Double.parseDouble} would take.
   */
  private static final Pattern DICOM_DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private DecimalList() {}

  /**
   * Parses one number: exactly what {@code Double.parseDouble(item.strip())} gives, without its
   * cost for plain decimals (e.g. a Contour Data item RTDS already checked).
   *
   * @param item the number, surrounding white space allowed
   * @return its value
   * @throws NumberFormatException when it is not a number
   */
  public static double parseOne(String item) {
    return item(item, 0, item.length(), 0, false, (index, text) -> new NumberFormatException(text));
  }

  /**
   * Parses a DICOM Decimal String value (DS, PS3.5 6.2), e.g. Contour Data: items separated by
   * backslashes, each with optional surrounding spaces. Every value is what {@code
   * Double.parseDouble} gives for the item; items outside the DS grammar (NaN, Infinity, {@code
   * 0x1p3}, {@code 1d}) are refused even where {@code Double.parseDouble} would take them.
   *
   * @param text the value, blank for none
   * @param bad the exception for an item that is not a DS number (an empty item included)
   * @return the values in order
   */
  public static double[] parseDicomDecimals(String text, BadItem bad) {
    return parse(text, '\\', '\\', true, bad);
  }

  /**
   * Parses every item of the list; items may have surrounding white space. One pass, no string per
   * item.
   *
   * @param text the list, blank for none
   * @param separator the character that separates items
   * @param alternative another character that separates items (the same one when there is none)
   * @param bad the exception for an item that is not a number (an empty item included)
   * @return the values in order
   */
  public static double[] parse(String text, char separator, char alternative, BadItem bad) {
    return parse(text, separator, alternative, false, bad);
  }

  private static double[] parse(
      String text, char separator, char alternative, boolean dicom, BadItem bad) {
    if (text == null || text.isBlank()) {
      return new double[0];
    }
    int length = text.length();
    double[] out = new double[Math.max(16, length / 6)];
    int n = 0;
    int from = 0;
    while (true) {
      int to = from;
      char c = 0;
      while (to < length && (c = text.charAt(to)) != separator && c != alternative) {
        to++;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, 2 * n);
      }
      out[n] = item(text, from, to, n, dicom, bad);
      n++;
      if (to == length) {
        return n == out.length ? out : Arrays.copyOf(out, n);
      }
      from = to + 1;
    }
  }

  private static double item(String text, int from, int to, int index, boolean dicom, BadItem bad) {
    while (from < to && text.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) <= ' ') {
      to--;
    }
    if (from == to) {
      throw bad.of(index, "");
    }
    double fast = plainDecimal(text, from, to);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    String item = text.substring(from, to);
    if (dicom && !DICOM_DECIMAL.matcher(item).matches()) {
      throw bad.of(index, item);
    }
    try {
      return Double.parseDouble(item);
    } catch (NumberFormatException e) {
      throw bad.of(index, item);
    }
  }

  /**
   * {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 15 significant digits and a power of
   * ten within ±22, else NaN (not handled here; NaN itself is never a plain decimal).
   */
  static double plainDecimal(CharSequence s, int from, int to) {
    int i = from;
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean digits = false;
    boolean point = false;
    for (; i < to; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        if (mantissa != 0 || c != '0') {
          if (++significant > 15) {
            return Double.NaN;
          }
          mantissa = mantissa * 10 + (c - '0');
        }
        if (point) {
          exponent--;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return Double.NaN;
    }
    if (i < to) {
      if (c != 'e' && c != 'E' || ++i == to) {
        return Double.NaN;
      }
      boolean negativeExponent = false;
      if (s.charAt(i) == '-' || s.charAt(i) == '+') {
        negativeExponent = s.charAt(i) == '-';
        i++;
      }
      int e = 0;
      int start = i;
      for (; i < to && i - start < 4; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          return Double.NaN;
        }
        e = e * 10 + (c - '0');
      }
      if (i == start || i < to) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -e : e;
    }
    double value;
    if (mantissa == 0) {
      value = 0;
    } else if (exponent == 0) {
      value = mantissa;
    } else if (exponent > 0 && exponent < EXACT_POWERS_OF_TEN.length) {
      value = mantissa * EXACT_POWERS_OF_TEN[exponent];
    } else if (exponent < 0 && -exponent < EXACT_POWERS_OF_TEN.length) {
      value = mantissa / EXACT_POWERS_OF_TEN[-exponent];
    } else {
      return Double.NaN;
    }
    return negative ? -value : value;
  }
}

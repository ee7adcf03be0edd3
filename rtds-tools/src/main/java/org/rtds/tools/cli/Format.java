package org.rtds.tools.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleFunction;

/** Numbers, CSV fields and JSON literals as the commands write them. */
public final class Format {
  private Format() {}

  /**
   * @param value a finite number
   * @return the value with 4 decimals, '.' separator, no exponent, no negative zero; "" when not
   *     finite
   */
  public static String number(double value) {
    return fixed(value, 4);
  }

  /**
   * @param value a fraction
   * @return the value with 6 decimals, '.' separator ("" when not finite)
   */
  public static String fraction(double value) {
    return fixed(value, 6);
  }

  private static String fixed(double value, int scale) {
    if (!Double.isFinite(value)) {
      return "";
    }
    BigDecimal d = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    return d.signum() == 0 ? BigDecimal.ZERO.setScale(scale).toPlainString() : d.toPlainString();
  }

  /**
   * @param value a number
   * @param scale decimals to round to
   * @return the rounded value without trailing zeros ("0", "-50", "0.25"); "" when not finite
   */
  public static String compact(double value, int scale) {
    if (!Double.isFinite(value)) {
      return "";
    }
    BigDecimal d = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * @param field a CSV field
   * @return the field, quoted per RFC 4180 when it holds a comma, quote, CR or LF or starts or ends
   *     with a blank ("" for null)
   */
  public static String csv(String field) {
    if (field == null) {
      return "";
    }
    boolean quote =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || (!field.isEmpty()
                && (Character.isWhitespace(field.charAt(0))
                    || Character.isWhitespace(field.charAt(field.length() - 1))));
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /**
   * @param s a string, or null
   * @return the JSON string literal (or null)
   */
  public static String json(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * @param list strings
   * @return the JSON array of their literals, {@code ["a", "b"]}
   */
  public static String jsonStrings(List<String> list) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(json(list.get(i)));
    }
    return sb.append(']').toString();
  }

  /**
   * Appends the JSON array {@code [1.5,2,null]} of the values, null where the format gives "".
   *
   * @param sb receives the array
   * @param values the numbers
   * @param format how to write one number ("" when it has no value)
   */
  public static void jsonNumbers(StringBuilder sb, double[] values, DoubleFunction<String> format) {
    sb.append('[');
    for (int i = 0; i < values.length; i++) {
      String n = format.apply(values[i]);
      sb.append(i == 0 ? "" : ",").append(n.isEmpty() ? "null" : n);
    }
    sb.append(']');
  }
}

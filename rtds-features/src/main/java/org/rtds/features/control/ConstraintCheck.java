package org.rtds.features.control;

import java.util.Locale;
import java.util.Set;

/**
 * The arithmetic of a dose constraint: whether a metric value satisfies "metric comparator limit"
 * and by how much. Plain Java.
 */
public final class ConstraintCheck {

  /** The comparators a constraint may use. */
  public static final Set<String> COMPARATORS = Set.of("<", "<=", ">", ">=");

  private ConstraintCheck() {}

  /**
   * @throws IllegalArgumentException for an unknown comparator, naming the allowed ones
   */
  public static String comparator(String text) {
    String c = text == null ? "" : text.trim();
    if (!COMPARATORS.contains(c)) {
      throw new IllegalArgumentException("comparator '" + text + "' is not one of <, <=, >, >=");
    }
    return c;
  }

  /** Whether {@code value comparator limit} holds. */
  public static boolean passes(String comparator, double value, double limit) {
    return switch (comparator(comparator)) {
      case "<" -> value < limit;
      case "<=" -> value <= limit;
      case ">" -> value > limit;
      default -> value >= limit;
    };
  }

  /**
   * The margin in the metric's unit: positive = room left before the limit, negative = by how much
   * the limit is exceeded (for an upper limit {@code limit − value}, for a lower limit {@code value
   * − limit}).
   */
  public static double margin(String comparator, double value, double limit) {
    return comparator(comparator).startsWith("<") ? limit - value : value - limit;
  }

  /** E.g. {@code Parotid_L Dmean < 26 Gy}. */
  public static String describe(
      String structure, String metric, String comparator, double limit, String unit) {
    return String.format(
        Locale.ROOT, "%s %s %s %s %s", structure, metric, comparator, trim(limit), unit);
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}

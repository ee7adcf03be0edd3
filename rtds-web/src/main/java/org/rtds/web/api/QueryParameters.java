package org.rtds.web.api;

import jakarta.ws.rs.BadRequestException;
import java.util.Locale;
import org.rtds.web.api.csv.Csv;

/** Numeric query parameters: a value in range, the default when absent, a 400 otherwise. */
public final class QueryParameters {

  private QueryParameters() {}

  /**
   * @return {@code text} as a whole number in [min, max], or {@code fallback} when blank
   * @throws BadRequestException saying what is allowed, for anything else
   */
  public static int intParameter(String name, String text, int fallback, int min, int max) {
    return (int) parameter(name, text, fallback, min, max, true);
  }

  /**
   * @return {@code text} as a number in [min, max], or {@code fallback} when blank
   * @throws BadRequestException saying what is allowed, for anything else
   */
  public static double doubleParameter(
      String name, String text, double fallback, double min, double max) {
    return parameter(name, text, fallback, min, max, false);
  }

  private static double parameter(
      String name, String text, double fallback, double min, double max, boolean whole) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      double v = whole ? Integer.parseInt(text.trim()) : Double.parseDouble(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(
        String.format(
            Locale.ROOT,
            "%s must be a %s from %s to %s, not '%s'",
            name,
            whole ? "whole number" : "number",
            Csv.number(min),
            Csv.number(max),
            text.length() > 40 ? text.substring(0, 40) + "…" : text));
  }
}

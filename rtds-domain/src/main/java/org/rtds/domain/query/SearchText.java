package org.rtds.domain.query;

import java.util.Locale;

/** What users type in search fields, turned into a safe JPQL LIKE parameter. Plain Java. */
public final class SearchText {

  /** Longest search text used; the rest is ignored. */
  public static final int MAX_LENGTH = 200;

  private SearchText() {}

  /**
   * A LIKE pattern matching {@code text} anywhere, lower-cased, with {@code !} escaping LIKE's own
   * characters (so "50%" and "a_b" match literally; use {@code escape '!'} in the query).
   *
   * @return the pattern, or null for a blank text (no filter)
   */
  public static String containsPattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_LENGTH) {
      t = t.substring(0, MAX_LENGTH);
    }
    return "%"
        + t.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
        + "%";
  }
}

package org.rtds.ingest.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a list of patients is sorted: by one key, ascending or descending, then by id (so pages never
 * overlap).
 *
 * @param key what to sort by
 * @param descending largest (or latest, or Z) first
 */
public record PatientOrder(Key key, boolean descending) {

  /** The sort keys callers may name, and the JPQL each sorts by. */
  public enum Key {
    NAME("name", "p.patientName"),
    PATIENT_ID("patientId", "p.patientId"),
    BIRTH_DATE("birthDate", "p.birthDate"),
    STUDIES("studies", "studies"),
    LAST_RECEIVED("lastReceived", "lastReceived");

    private final String parameter;
    private final String expression;

    Key(String parameter, String expression) {
      this.parameter = parameter;
      this.expression = expression;
    }

    /** Its name in the API's {@code sort} parameter. */
    public String parameter() {
      return parameter;
    }
  }

  /** By name, A first. */
  public static final PatientOrder DEFAULT = new PatientOrder(Key.NAME, false);

  /**
   * Reads the API's {@code sort} parameter: a key ({@code name}, {@code patientId}, {@code
   * birthDate}, {@code studies}), {@code -} before it for descending; blank for {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException naming the keys there are
   */
  public static PatientOrder parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    String t = text.strip();
    boolean descending = t.startsWith("-");
    String name = descending ? t.substring(1) : t;
    for (Key key : Key.values()) {
      if (key.parameter.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return new PatientOrder(key, descending);
      }
    }
    throw new IllegalArgumentException(
        "sort must be one of "
            + Arrays.stream(Key.values()).map(Key::parameter).collect(Collectors.joining(", "))
            + ", with '-' before it for descending; not '"
            + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
            + "'");
  }

  /**
   * The JPQL {@code order by} clause over patient {@code p} and the result variable {@code
   * studies}; missing values (a birth date not sent) last either way.
   */
  public String jpql() {
    String direction = descending ? " desc" : "";
    return " order by " + key.expression + direction + " nulls last, p.id" + direction;
  }
}

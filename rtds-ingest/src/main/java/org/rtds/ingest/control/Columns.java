package org.rtds.ingest.control;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How the ingest writers fit values into the dsrt columns: text cut to the column's length (DICOM
 * allows longer values than the legacy schema stores), and timestamps as UTC wall-clock time (the
 * {@code DATETIME} columns carry no zone).
 */
final class Columns {

  private Columns() {}

  /** The value, cut to {@code length} characters if longer; {@code null} stays {@code null}. */
  static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  /** The clock's current instant as UTC date and time, for a {@code DATETIME} column. */
  static LocalDateTime now(Clock clock) {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}

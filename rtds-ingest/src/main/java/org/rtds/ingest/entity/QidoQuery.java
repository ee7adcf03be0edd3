package org.rtds.ingest.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * One DICOMweb search (QIDO-RS), checked: the level, the study and series the path names, the
 * matching keys, and the page. Made by {@code QidoQueryParser}.
 *
 * @param level one result per study, series or instance
 * @param studyInstanceUid the study of the path ({@code /studies/{uid}/series}), or null
 * @param seriesInstanceUid the series of the path ({@code …/series/{uid}/instances}), or null
 * @param matches the matching keys with a value (universal matching, an empty value, is no match)
 * @param limit at most this many results
 * @param offset skip this many results first
 * @param warnings what was ignored (keys RTDS does not store, fuzzy matching), for {@code Warning}
 *     headers
 */
public record QidoQuery(
    QidoLevel level,
    String studyInstanceUid,
    String seriesInstanceUid,
    List<Match> matches,
    int limit,
    int offset,
    List<String> warnings) {

  public QidoQuery {
    matches = List.copyOf(matches);
    warnings = List.copyOf(warnings);
  }

  /**
   * One matching key.
   *
   * @param attribute what it matches
   * @param values the values: one for wildcard and single-value matching (with {@code *} and {@code
   *     ?} as sent), one or more for list and UID-list matching; empty for a date range
   * @param from first day of a date range (inclusive), or null for open
   * @param to last day of a date range (inclusive), or null for open
   */
  public record Match(QidoAttribute attribute, List<String> values, LocalDate from, LocalDate to) {

    public Match {
      values = List.copyOf(values);
    }
  }
}

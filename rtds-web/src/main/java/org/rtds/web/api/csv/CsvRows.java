package org.rtds.web.api.csv;

import java.util.function.Consumer;

/**
 * An API representation with a CSV form ({@code Accept: text/csv}): its class names the columns
 * with {@link CsvColumns}, and each instance writes its rows (none, one or several: a DVH writes
 * one row per metric). A list of such items is a table too; {@link CsvWriter} writes both.
 */
public interface CsvRows {

  /**
   * Writes this item's rows.
   *
   * @param row takes one row: one field per column, in the order of {@link CsvColumns}; free text
   *     through {@link Csv#text}, numbers through {@link Csv#number}
   */
  void csvRows(Consumer<String[]> row);
}

package org.rtds.features.dose.isodose;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Legacy {@code rt_isdose} encoding (§5 option a): the 4-connected inner boundary of the mask {D ≥
 * level} on one CT slice — mask pixels with at least one 4-neighbour outside the mask or outside
 * the image — in row-major order. Arrays are not copied; do not modify them.
 *
 * @param rows row index of each boundary pixel
 * @param columns column index of each boundary pixel
 */
public record BoundaryPixels(int[] rows, int[] columns) {

  /**
   * @return the RowPosition column value: comma-separated rows
   */
  public String rowPositions() {
    return join(rows);
  }

  /**
   * @return the ColumnPosition column value: comma-separated columns
   */
  public String columnPositions() {
    return join(columns);
  }

  /**
   * @return number of boundary pixels
   */
  public int size() {
    return rows.length;
  }

  private static String join(int[] v) {
    return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }
}

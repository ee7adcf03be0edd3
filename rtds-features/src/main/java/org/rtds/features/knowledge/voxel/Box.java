package org.rtds.features.knowledge.voxel;

/**
 * An axis-aligned box of CT voxels: slice ranks [rankLo, rankHi), rows [rowLo, rowHi), columns
 * [colLo, colHi) (upper bounds exclusive). Voxel (rank, row, col) has the box-local linear index
 * ((rank − rankLo)·ny + (row − rowLo))·nx + (col − colLo).
 *
 * @param rankLo first slice rank
 * @param rankHi slice rank after the last
 * @param rowLo first row
 * @param rowHi row after the last
 * @param colLo first column
 * @param colHi column after the last
 */
public record Box(int rankLo, int rankHi, int rowLo, int rowHi, int colLo, int colHi) {

  /**
   * Validates a non-empty box.
   *
   * @param rankLo first slice rank
   * @param rankHi slice rank after the last
   * @param rowLo first row
   * @param rowHi row after the last
   * @param colLo first column
   * @param colHi column after the last
   */
  public Box {
    if (rankHi <= rankLo || rowHi <= rowLo || colHi <= colLo) {
      throw new IllegalArgumentException("empty box");
    }
  }

  /**
   * @return number of slices
   */
  public int nz() {
    return rankHi - rankLo;
  }

  /**
   * @return number of rows
   */
  public int ny() {
    return rowHi - rowLo;
  }

  /**
   * @return number of columns
   */
  public int nx() {
    return colHi - colLo;
  }

  /**
   * @return number of voxels
   */
  public long voxelCount() {
    return (long) nz() * ny() * nx();
  }

  /**
   * @param other another box
   * @return the smallest box holding both
   */
  public Box union(Box other) {
    return new Box(
        Math.min(rankLo, other.rankLo),
        Math.max(rankHi, other.rankHi),
        Math.min(rowLo, other.rowLo),
        Math.max(rowHi, other.rowHi),
        Math.min(colLo, other.colLo),
        Math.max(colHi, other.colHi));
  }

  /**
   * @param other another box
   * @return true when other lies inside this box
   */
  public boolean contains(Box other) {
    return other.rankLo >= rankLo
        && other.rankHi <= rankHi
        && other.rowLo >= rowLo
        && other.rowHi <= rowHi
        && other.colLo >= colLo
        && other.colHi <= colHi;
  }
}

package org.rtds.features.knowledge.voxel;

import java.util.Arrays;
import org.rtds.features.dose.geometry.PixelTransform;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;

/**
 * The CT voxel lattice seen by the knowledge-base calculators: slices are addressed by their
 * ascending-z <b>rank</b> (0 = most inferior), pixels by (row, column) as in DICOM. Provides voxel
 * centres in LPS patient coordinates (mm) and voxel volumes (mm³).
 *
 * <p>Voxel volume of slice rank k: Δrow · Δcol · thickness_k (mm³), where thickness_k is the {@link
 * SamplingGrid} slice thickness: half the distance between the two neighbouring slice positions
 * (the midpoints rule), the single neighbour gap for the first and last slice, the nominal
 * SliceThickness for a one-slice grid. The same rule gives the DVH volumes, so OVH and DVH volumes
 * agree.
 *
 * <p>In-plane, the lattice is orthonormal (any axial orientation: HFS, FFS, HFP, FFP, in-plane
 * rotations): the distance between pixel centres (r1, c1) and (r2, c2) of the same slice is
 * √((Δrow·(r1−r2))² + (Δcol·(c1−c2))²) mm. Across slices, the distance transform assumes that pixel
 * (r, c) lies at the same patient x, y on every slice; {@link #requireStackedSlices()} checks it.
 * Immutable and thread-safe.
 */
public final class VoxelLattice {
  /** Largest in-plane shift of a slice origin (mm) still treated as a stacked lattice. */
  public static final double STACK_TOLERANCE_MM = 0.01;

  private final int rows;
  private final int columns;
  private final double rowSpacingMm;
  private final double colSpacingMm;
  private final double[] zMm;
  private final double[] thicknessMm;
  private final double[] originX;
  private final double[] originY;
  private final double xPerCol;
  private final double xPerRow;
  private final double yPerCol;
  private final double yPerRow;
  private final int[] rankOfSliceIndex;

  private VoxelLattice(
      int rows,
      int columns,
      double rowSpacingMm,
      double colSpacingMm,
      double[] zMm,
      double[] thicknessMm,
      double[] originX,
      double[] originY,
      double[] inPlane,
      int[] rankOfSliceIndex) {
    this.rows = rows;
    this.columns = columns;
    this.rowSpacingMm = rowSpacingMm;
    this.colSpacingMm = colSpacingMm;
    this.zMm = zMm;
    this.thicknessMm = thicknessMm;
    this.originX = originX;
    this.originY = originY;
    this.xPerCol = inPlane[0];
    this.xPerRow = inPlane[1];
    this.yPerCol = inPlane[2];
    this.yPerRow = inPlane[3];
    this.rankOfSliceIndex = rankOfSliceIndex;
  }

  /**
   * @param grid the CT sampling grid
   * @return its lattice
   */
  public static VoxelLattice of(SamplingGrid grid) {
    int n = grid.sliceCount();
    double[] z = new double[n];
    double[] t = new double[n];
    double[] ox = new double[n];
    double[] oy = new double[n];
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      SamplingGrid.Slice s = grid.sliceByZRank(k);
      z[k] = s.zMm();
      t[k] = s.thicknessMm();
      ox[k] = s.ippX();
      oy[k] = s.ippY();
      rank[s.index()] = k;
    }
    PixelTransform tr = grid.sliceByZRank(0).transform();
    double[] inPlane = {
      tr.x(0, 1) - tr.x(0, 0),
      tr.x(1, 0) - tr.x(0, 0),
      tr.y(0, 1) - tr.y(0, 0),
      tr.y(1, 0) - tr.y(0, 0)
    };
    return new VoxelLattice(
        grid.rows(),
        grid.columns(),
        grid.rowSpacingMm(),
        grid.colSpacingMm(),
        z,
        t,
        ox,
        oy,
        inPlane,
        rank);
  }

  /**
   * A head-first-supine lattice (x grows with the column, y with the row) for synthetic cases:
   * pixel (0, 0) of every slice at (x0, y0).
   *
   * @param rows number of rows
   * @param columns number of columns
   * @param rowSpacingMm distance between rows, along y (mm)
   * @param colSpacingMm distance between columns, along x (mm)
   * @param x0 x of the centre of pixel (0, 0) (mm)
   * @param y0 y of the centre of pixel (0, 0) (mm)
   * @param sliceZ slice positions (mm), strictly ascending
   * @param singleSliceThicknessMm thickness used when there is one slice (mm)
   * @return the lattice
   */
  public static VoxelLattice hfs(
      int rows,
      int columns,
      double rowSpacingMm,
      double colSpacingMm,
      double x0,
      double y0,
      double[] sliceZ,
      double singleSliceThicknessMm) {
    int n = sliceZ.length;
    if (n == 0 || rows < 1 || columns < 1 || !(rowSpacingMm > 0) || !(colSpacingMm > 0)) {
      throw new IllegalArgumentException("lattice needs slices, rows, columns and spacings > 0");
    }
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      if (k > 0 && !(sliceZ[k] > sliceZ[k - 1])) {
        throw new IllegalArgumentException("slice z must be strictly ascending");
      }
      t[k] =
          n == 1
              ? singleSliceThicknessMm
              : k == 0
                  ? sliceZ[1] - sliceZ[0]
                  : k == n - 1
                      ? sliceZ[n - 1] - sliceZ[n - 2]
                      : (sliceZ[k + 1] - sliceZ[k - 1]) / 2;
    }
    double[] ox = new double[n];
    double[] oy = new double[n];
    Arrays.fill(ox, x0);
    Arrays.fill(oy, y0);
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      rank[k] = k;
    }
    return new VoxelLattice(
        rows,
        columns,
        rowSpacingMm,
        colSpacingMm,
        sliceZ.clone(),
        t,
        ox,
        oy,
        new double[] {colSpacingMm, 0, 0, rowSpacingMm},
        rank);
  }

  /**
   * @return this lattice
   * @throws UnsupportedGeometryException when the slice origins are shifted in-plane by more than
   *     {@value #STACK_TOLERANCE_MM} mm against each other (a sheared stack: the separable distance
   *     transform would be wrong)
   */
  public VoxelLattice requireStackedSlices() {
    for (int k = 1; k < zMm.length; k++) {
      if (Math.abs(originX[k] - originX[0]) > STACK_TOLERANCE_MM
          || Math.abs(originY[k] - originY[0]) > STACK_TOLERANCE_MM) {
        throw new UnsupportedGeometryException(
            "CT slices are shifted in-plane against each other (ImagePositionPatient x/y differ by"
                + " more than "
                + STACK_TOLERANCE_MM
                + " mm): OVH distances need a stacked voxel lattice");
      }
    }
    return this;
  }

  /**
   * @return Rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return Columns
   */
  public int columns() {
    return columns;
  }

  /**
   * @return number of slices
   */
  public int sliceCount() {
    return zMm.length;
  }

  /**
   * @return distance between rows (PixelSpacing[0], mm)
   */
  public double rowSpacingMm() {
    return rowSpacingMm;
  }

  /**
   * @return distance between columns (PixelSpacing[1], mm)
   */
  public double colSpacingMm() {
    return colSpacingMm;
  }

  /**
   * @param rank ascending-z rank
   * @return the slice position z (mm)
   */
  public double zMm(int rank) {
    return zMm[rank];
  }

  /**
   * @param rank ascending-z rank
   * @return voxel thickness of that slice (mm), see class doc
   */
  public double thicknessMm(int rank) {
    return thicknessMm[rank];
  }

  /**
   * @param rank ascending-z rank
   * @return volume of one voxel of that slice (mm³)
   */
  public double voxelVolumeMm3(int rank) {
    return rowSpacingMm * colSpacingMm * thicknessMm[rank];
  }

  /**
   * @param sliceIndex a slice index in {@link SamplingGrid#slices()} order
   * @return its ascending-z rank
   */
  public int rankOfSliceIndex(int sliceIndex) {
    return rankOfSliceIndex[sliceIndex];
  }

  /**
   * @param rank slice rank
   * @param row pixel row
   * @param col pixel column
   * @return patient x of the voxel centre (mm)
   */
  public double x(int rank, double row, double col) {
    return originX[rank] + col * xPerCol + row * xPerRow;
  }

  /**
   * @param rank slice rank
   * @param row pixel row
   * @param col pixel column
   * @return patient y of the voxel centre (mm)
   */
  public double y(int rank, double row, double col) {
    return originY[rank] + col * yPerCol + row * yPerRow;
  }

  /**
   * @return patient x change per column step (mm)
   */
  public double xPerCol() {
    return xPerCol;
  }

  /**
   * @return patient x change per row step (mm)
   */
  public double xPerRow() {
    return xPerRow;
  }

  /**
   * @return patient y change per column step (mm)
   */
  public double yPerCol() {
    return yPerCol;
  }

  /**
   * @return patient y change per row step (mm)
   */
  public double yPerRow() {
    return yPerRow;
  }
}

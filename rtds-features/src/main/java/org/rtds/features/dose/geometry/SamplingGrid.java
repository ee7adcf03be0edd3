package org.rtds.features.dose.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The CT geometry used as the DVH sampling grid (§4.4 step 1): one axial plane per CT image, all
 * with the same ImageOrientationPatient, PixelSpacing, Rows and Columns; each image has its own
 * ImagePositionPatient. Slices may be unevenly spaced and given in any order.
 *
 * <p>Voxel thickness of a CT slice: half the gap to each neighbouring slice (in z order); the first
 * and last slices use their single neighbour gap; a single-slice grid uses the nominal
 * SliceThickness. Immutable and thread-safe.
 */
public final class SamplingGrid {
  private final ImageOrientation orientation;
  private final double rowSpacingMm;
  private final double colSpacingMm;
  private final int rows;
  private final int columns;
  private final List<Slice> slices;
  private final Slice[] byZ;

  /**
   * One CT image plane.
   *
   * @param index position in the caller's slice list (the index used in all results)
   * @param ippX ImagePositionPatient x (mm)
   * @param ippY ImagePositionPatient y (mm)
   * @param zMm ImagePositionPatient z (mm), the plane's z position
   * @param thicknessMm voxel extent along z assigned to this slice (mm), see class doc
   * @param transform pixel ↔ patient transform of this plane
   */
  public record Slice(
      int index,
      double ippX,
      double ippY,
      double zMm,
      double thicknessMm,
      PixelTransform transform) {}

  /**
   * @param imagePositions per slice ImagePositionPatient {x, y, z} in mm
   * @param orientation ImageOrientationPatient shared by all slices (must be axial)
   * @param rowSpacingMm PixelSpacing[0], distance between rows (mm)
   * @param colSpacingMm PixelSpacing[1], distance between columns (mm)
   * @param rows Rows
   * @param columns Columns
   * @param nominalSliceThicknessMm SliceThickness (mm); only used when there is a single slice (may
   *     be NaN otherwise)
   * @throws UnsupportedGeometryException on oblique orientation, duplicate slice z or bad sizes
   */
  public SamplingGrid(
      List<double[]> imagePositions,
      ImageOrientation orientation,
      double rowSpacingMm,
      double colSpacingMm,
      int rows,
      int columns,
      double nominalSliceThicknessMm) {
    this.orientation = orientation.requireAxial("CT image");
    if (!(rowSpacingMm > 0) || !(colSpacingMm > 0) || rows < 1 || columns < 1) {
      throw new UnsupportedGeometryException(
          "CT grid needs positive PixelSpacing, Rows and Columns");
    }
    if (imagePositions.isEmpty()) {
      throw new UnsupportedGeometryException("CT grid has no slices");
    }
    this.rowSpacingMm = rowSpacingMm;
    this.colSpacingMm = colSpacingMm;
    this.rows = rows;
    this.columns = columns;
    int n = imagePositions.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double[] p = imagePositions.get(i);
      if (p.length != 3 || !Double.isFinite(p[0] + p[1] + p[2])) {
        throw new UnsupportedGeometryException("ImagePositionPatient of slice " + i + " invalid");
      }
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> imagePositions.get(i)[2]));
    double[] zs = new double[n];
    for (int k = 0; k < n; k++) {
      zs[k] = imagePositions.get(order[k])[2];
      if (k > 0 && zs[k] - zs[k - 1] < 1e-4) {
        throw new UnsupportedGeometryException("two CT slices share z = " + zs[k] + " mm");
      }
    }
    if (n == 1 && !(nominalSliceThicknessMm > 0)) {
      throw new UnsupportedGeometryException("a single-slice CT grid needs its SliceThickness");
    }
    Slice[] sorted = new Slice[n];
    Slice[] byIndex = new Slice[n];
    for (int k = 0; k < n; k++) {
      double t =
          n == 1
              ? nominalSliceThicknessMm
              : k == 0
                  ? zs[1] - zs[0]
                  : k == n - 1 ? zs[n - 1] - zs[n - 2] : (zs[k + 1] - zs[k - 1]) / 2;
      double[] p = imagePositions.get(order[k]);
      Slice s =
          new Slice(
              order[k],
              p[0],
              p[1],
              p[2],
              t,
              new PixelTransform(p[0], p[1], orientation, rowSpacingMm, colSpacingMm));
      sorted[k] = s;
      byIndex[order[k]] = s;
    }
    this.byZ = sorted;
    this.slices = List.of(byIndex);
  }

  /**
   * Convenience factory for a regular axial grid (tests, benchmarks).
   *
   * @param orientation axial orientation
   * @param firstIpp ImagePositionPatient of the first slice {x, y, z} (mm)
   * @param rowSpacingMm distance between rows (mm)
   * @param colSpacingMm distance between columns (mm)
   * @param rows Rows
   * @param columns Columns
   * @param sliceZ z of every slice (mm), any order
   * @param nominalSliceThicknessMm SliceThickness (mm), used only for a single slice
   * @return the grid, all slices sharing the first slice's x and y
   */
  public static SamplingGrid of(
      ImageOrientation orientation,
      double[] firstIpp,
      double rowSpacingMm,
      double colSpacingMm,
      int rows,
      int columns,
      double[] sliceZ,
      double nominalSliceThicknessMm) {
    List<double[]> ipps = new ArrayList<>();
    for (double z : sliceZ) {
      ipps.add(new double[] {firstIpp[0], firstIpp[1], z});
    }
    return new SamplingGrid(
        ipps, orientation, rowSpacingMm, colSpacingMm, rows, columns, nominalSliceThicknessMm);
  }

  /**
   * @return the shared orientation
   */
  public ImageOrientation orientation() {
    return orientation;
  }

  /**
   * @return PixelSpacing[0], distance between rows (mm)
   */
  public double rowSpacingMm() {
    return rowSpacingMm;
  }

  /**
   * @return PixelSpacing[1], distance between columns (mm)
   */
  public double colSpacingMm() {
    return colSpacingMm;
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
   * @return slices in the caller's order ({@code slices().get(i).index() == i})
   */
  public List<Slice> slices() {
    return slices;
  }

  /**
   * @return number of slices
   */
  public int sliceCount() {
    return byZ.length;
  }

  /**
   * @param k rank in ascending z (0 = most inferior)
   * @return the slice with that rank
   */
  public Slice sliceByZRank(int k) {
    return byZ[k];
  }

  /**
   * @param zMm a z position (mm)
   * @return the ascending-z rank of the first slice whose z ≥ zMm (sliceCount() if none)
   */
  public int firstRankAtOrAbove(double zMm) {
    int lo = 0;
    int hi = byZ.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byZ[mid].zMm() < zMm) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * @param zMm a z position (mm)
   * @return the slice whose z is closest to zMm
   */
  public Slice nearestSlice(double zMm) {
    int k = firstRankAtOrAbove(zMm);
    if (k == byZ.length) {
      return byZ[k - 1];
    }
    if (k > 0 && zMm - byZ[k - 1].zMm() < byZ[k].zMm() - zMm) {
      return byZ[k - 1];
    }
    return byZ[k];
  }
}

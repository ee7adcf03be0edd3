package org.rtds.features.dose.isodose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.PixelTransform;
import org.rtds.features.dose.geometry.SamplingGrid;

/**
 * Isodose lines on one CT slice (§5, recommended): the dose is interpolated trilinearly at every CT
 * pixel centre of the slice on the dose grid's real geometry (0 outside the grid); each level is
 * traced with {@link MarchingSquares} and encoded both as polylines (pixel and patient mm) and as
 * legacy boundary pixels. Levels are in % of Rx, or of the dose grid's global maximum when Rx is
 * unknown (the result records which). Stateless and thread-safe.
 */
public final class IsodoseCalculator {
  private IsodoseCalculator() {}

  /**
   * @param grid CT grid
   * @param sliceIndex CT slice index
   * @param dose dose grid (Gy)
   * @param options levels and reference
   * @return the isodose lines of that slice
   */
  public static SliceIsodose compute(
      SamplingGrid grid, int sliceIndex, DoseGrid dose, IsodoseOptions options) {
    return compute(grid, sliceIndex, dose, options, true);
  }

  /**
   * As {@link #compute} without the lines ({@link IsodoseLevel#lines()} empty): the boundary pixels
   * only, which is what {@code rt_isdose} stores. Tracing the lines is most of the work.
   *
   * @param grid CT grid
   * @param sliceIndex CT slice index
   * @param dose dose grid (Gy)
   * @param options levels and reference
   * @return the isodose levels of that slice with their boundary pixels
   */
  public static SliceIsodose boundaries(
      SamplingGrid grid, int sliceIndex, DoseGrid dose, IsodoseOptions options) {
    return compute(grid, sliceIndex, dose, options, false);
  }

  private static SliceIsodose compute(
      SamplingGrid grid, int sliceIndex, DoseGrid dose, IsodoseOptions options, boolean lines) {
    SamplingGrid.Slice slice = grid.slices().get(sliceIndex);
    float[] values = sampleSlice(grid, slice, dose);
    boolean rxKnown = options.prescriptionGy().isPresent();
    DoseReference reference = rxKnown ? DoseReference.PRESCRIPTION : DoseReference.MAX_DOSE;
    double referenceGy = rxKnown ? options.prescriptionGy().getAsDouble() : dose.maxDoseGy();
    int rows = grid.rows();
    int cols = grid.columns();
    // every level's pixels lie where the dose reaches the lowest positive level
    double lowestGy = Double.POSITIVE_INFINITY;
    for (double percent : options.levelsPercent()) {
      double levelGy = percent / 100.0 * referenceGy;
      if (levelGy > 0) {
        lowestGy = Math.min(lowestGy, levelGy);
      }
    }
    int[] window = window(values, rows, cols, lowestGy);
    List<IsodoseLevel> levels = new ArrayList<>();
    for (double percent : options.levelsPercent()) {
      double levelGy = percent / 100.0 * referenceGy;
      if (!(levelGy > 0) || window == null) {
        levels.add(
            new IsodoseLevel(
                percent,
                levelGy > 0 ? levelGy : 0,
                List.of(),
                new BoundaryPixels(new int[0], new int[0])));
        continue;
      }
      List<IsoLine> traced = new ArrayList<>();
      if (lines) {
        for (MarchingSquares.Polyline p :
            MarchingSquares.trace(
                values, rows, cols, levelGy, window[0], window[1], window[2], window[3])) {
          traced.add(new IsoLine(p.closed(), p.rowCol(), toPatient(p.rowCol(), slice)));
        }
      }
      levels.add(
          new IsodoseLevel(percent, levelGy, traced, boundary(values, cols, levelGy, window)));
    }
    return new SliceIsodose(sliceIndex, slice.zMm(), reference, referenceGy, levels);
  }

  /**
   * The rows and columns where the dose reaches {@code levelGy}.
   *
   * @return {first row, last row, first column, last column}, null when no pixel reaches it
   */
  private static int[] window(float[] values, int rows, int cols, double levelGy) {
    int firstRow = rows;
    int lastRow = -1;
    int firstCol = cols;
    int lastCol = -1;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int c = 0; c < cols; c++) {
        if (values[base + c] >= levelGy) {
          firstRow = Math.min(firstRow, r);
          lastRow = r;
          firstCol = Math.min(firstCol, c);
          lastCol = Math.max(lastCol, c);
        }
      }
    }
    return lastRow < 0 ? null : new int[] {firstRow, lastRow, firstCol, lastCol};
  }

  /**
   * @param grid CT grid
   * @param sliceIndex CT slice index
   * @param dose dose grid (Gy)
   * @return dose (Gy) at every pixel centre of the slice, row-major; 0 outside the dose grid
   */
  public static float[] sampleSlice(SamplingGrid grid, int sliceIndex, DoseGrid dose) {
    return sampleSlice(grid, grid.slices().get(sliceIndex), dose);
  }

  private static float[] sampleSlice(SamplingGrid grid, SamplingGrid.Slice slice, DoseGrid dose) {
    int rows = grid.rows();
    int cols = grid.columns();
    float[] out = new float[rows * cols];
    DoseGrid.DosePlane plane = dose.planeAt(slice.zMm());
    if (plane == null) {
      return out;
    }
    PixelTransform t = slice.transform();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double d = plane.doseAt(t.x(r, c), t.y(r, c));
        out[r * cols + c] = Double.isNaN(d) ? 0f : (float) d;
      }
    }
    return out;
  }

  private static double[] toPatient(double[] rowCol, SamplingGrid.Slice slice) {
    PixelTransform t = slice.transform();
    int n = rowCol.length / 2;
    double[] xyz = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double r = rowCol[2 * i];
      double c = rowCol[2 * i + 1];
      xyz[3 * i] = t.x(r, c);
      xyz[3 * i + 1] = t.y(r, c);
      xyz[3 * i + 2] = slice.zMm();
    }
    return xyz;
  }

  /**
   * @param values row-major dose (Gy)
   * @param cols columns
   * @param levelGy level (Gy)
   * @param window {first row, last row, first column, last column} holding every pixel ≥ level
   * @return 4-connected inner boundary pixels of {D ≥ level}, row-major
   */
  static BoundaryPixels boundary(float[] values, int cols, double levelGy, int[] window) {
    int rows = values.length / cols;
    int[] rs = new int[16];
    int[] cs = new int[16];
    int n = 0;
    for (int r = window[0]; r <= window[1]; r++) {
      for (int c = window[2]; c <= window[3]; c++) {
        if (!(values[r * cols + c] >= levelGy)) {
          continue;
        }
        boolean edge =
            r == 0
                || c == 0
                || r == rows - 1
                || c == cols - 1
                || values[(r - 1) * cols + c] < levelGy
                || values[(r + 1) * cols + c] < levelGy
                || values[r * cols + c - 1] < levelGy
                || values[r * cols + c + 1] < levelGy;
        if (edge) {
          if (n == rs.length) {
            rs = Arrays.copyOf(rs, n * 2);
            cs = Arrays.copyOf(cs, n * 2);
          }
          rs[n] = r;
          cs[n] = c;
          n++;
        }
      }
    }
    return new BoundaryPixels(Arrays.copyOf(rs, n), Arrays.copyOf(cs, n));
  }
}

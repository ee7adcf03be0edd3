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
    SamplingGrid.Slice slice = grid.slices().get(sliceIndex);
    float[] values = sampleSlice(grid, slice, dose);
    boolean rxKnown = options.prescriptionGy().isPresent();
    DoseReference reference = rxKnown ? DoseReference.PRESCRIPTION : DoseReference.MAX_DOSE;
    double referenceGy = rxKnown ? options.prescriptionGy().getAsDouble() : dose.maxDoseGy();
    List<IsodoseLevel> levels = new ArrayList<>();
    for (double percent : options.levelsPercent()) {
      double levelGy = percent / 100.0 * referenceGy;
      if (!(levelGy > 0)) {
        levels.add(
            new IsodoseLevel(percent, 0, List.of(), new BoundaryPixels(new int[0], new int[0])));
        continue;
      }
      List<IsoLine> lines = new ArrayList<>();
      for (MarchingSquares.Polyline p :
          MarchingSquares.trace(values, grid.rows(), grid.columns(), levelGy)) {
        lines.add(new IsoLine(p.closed(), p.rowCol(), toPatient(p.rowCol(), slice)));
      }
      levels.add(
          new IsodoseLevel(
              percent, levelGy, lines, boundary(values, grid.rows(), grid.columns(), levelGy)));
    }
    return new SliceIsodose(sliceIndex, slice.zMm(), reference, referenceGy, levels);
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
   * @param rows rows
   * @param cols columns
   * @param levelGy level (Gy)
   * @return 4-connected inner boundary pixels of {D ≥ level}, row-major
   */
  static BoundaryPixels boundary(float[] values, int rows, int cols, double levelGy) {
    int[] rs = new int[16];
    int[] cs = new int[16];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
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

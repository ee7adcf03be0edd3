package org.rtds.features.dose.geometry;

import java.util.Arrays;
import java.util.List;

/**
 * An RT Dose grid in Gy on its real geometry: axial frames with ImagePositionPatient (first frame),
 * ImageOrientationPatient, PixelSpacing, Rows, Columns and the absolute z of every frame (mm).
 * Frames may be unevenly spaced and in ascending or descending z.
 *
 * <p>Values are float Gy, frame-major then row-major ({@code values[(frame·rows + row)·columns +
 * column]}), already multiplied by DoseGridScaling. RELATIVE doses (DoseUnits = RELATIVE, percent
 * of a reference) must be converted to Gy by the caller before building a grid; FRACTION doses must
 * be multiplied by the number of fractions by the caller; BEAM doses are summed with {@link
 * #sum(List)}.
 *
 * <p>Interpolation ({@link #doseAt}) is trilinear in patient coordinates. A point is inside the
 * grid when it lies within the hull of the voxel centres (±1e-6 pixel, ±1e-6 mm); a single-frame
 * grid accepts points within ±{@value #SINGLE_FRAME_TOLERANCE_MM} mm of its frame. Immutable and
 * thread-safe (the values array is not copied: callers must not modify it afterwards).
 */
public final class DoseGrid {
  /** z tolerance (mm) of a single-frame grid. */
  public static final double SINGLE_FRAME_TOLERANCE_MM = 0.5;

  private static final double EPS = 1e-6;
  private static final double GEOMETRY_TOLERANCE_MM = 1e-3;

  private final ImageOrientation orientation;
  private final double[] ipp;
  private final double rowSpacingMm;
  private final double colSpacingMm;
  private final int rows;
  private final int columns;
  private final double[] frameZ;
  private final float[] values;
  private final PixelTransform transform;
  private final double[] ascendingZ;
  private final int[] ascendingFrame;

  /**
   * @param ipp ImagePositionPatient of the first frame {x, y, z} (mm)
   * @param orientation ImageOrientationPatient (must be axial)
   * @param rowSpacingMm PixelSpacing[0] (mm)
   * @param colSpacingMm PixelSpacing[1] (mm)
   * @param rows Rows
   * @param columns Columns
   * @param frameZMm absolute z (mm) of each frame in storage order, see {@link #framePositions}
   * @param valuesGy dose values in Gy, frame-major, row-major
   * @throws UnsupportedGeometryException on oblique orientation, inconsistent sizes, repeated z
   */
  public DoseGrid(
      double[] ipp,
      ImageOrientation orientation,
      double rowSpacingMm,
      double colSpacingMm,
      int rows,
      int columns,
      double[] frameZMm,
      float[] valuesGy) {
    this.orientation = orientation.requireAxial("RT Dose");
    if (ipp.length != 3 || !(rowSpacingMm > 0) || !(colSpacingMm > 0) || rows < 1 || columns < 1) {
      throw new UnsupportedGeometryException("RT Dose has invalid IPP, PixelSpacing or size");
    }
    if (frameZMm.length < 1 || (long) frameZMm.length * rows * columns != valuesGy.length) {
      throw new UnsupportedGeometryException(
          "RT Dose has "
              + valuesGy.length
              + " values, expected frames·rows·columns = "
              + frameZMm.length
              + "·"
              + rows
              + "·"
              + columns);
    }
    this.ipp = ipp.clone();
    this.rowSpacingMm = rowSpacingMm;
    this.colSpacingMm = colSpacingMm;
    this.rows = rows;
    this.columns = columns;
    this.frameZ = frameZMm.clone();
    this.values = valuesGy;
    this.transform = new PixelTransform(ipp[0], ipp[1], orientation, rowSpacingMm, colSpacingMm);
    int n = frameZ.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(frameZ[p], frameZ[q]));
    this.ascendingZ = new double[n];
    this.ascendingFrame = new int[n];
    for (int k = 0; k < n; k++) {
      ascendingZ[k] = frameZ[order[k]];
      ascendingFrame[k] = order[k];
      if (!Double.isFinite(ascendingZ[k]) || (k > 0 && ascendingZ[k] - ascendingZ[k - 1] < 1e-4)) {
        throw new UnsupportedGeometryException("RT Dose frame z positions must be distinct");
      }
    }
  }

  /**
   * Converts GridFrameOffsetVector (3004,000C) to absolute frame z positions (§4.1).
   *
   * <p>Relative offsets (first element 0): {@code z_k = IPP_z + n_z·offset_k}, where n_z = ±1 is
   * the z sign of the slice normal (row × column cosines): +1 for head-first, −1 for feet-first
   * orientations. Absolute offsets (first element ≠ 0): {@code z_k = offset_k}.
   *
   * @param gridFrameOffsetVector the offsets (mm)
   * @param ipp ImagePositionPatient of the dose {x, y, z} (mm)
   * @param orientation the dose's ImageOrientationPatient
   * @return absolute z (mm) of every frame, in frame order
   */
  public static double[] framePositions(
      double[] gridFrameOffsetVector, double[] ipp, ImageOrientation orientation) {
    if (gridFrameOffsetVector.length == 0) {
      return new double[] {ipp[2]};
    }
    double[] z = new double[gridFrameOffsetVector.length];
    boolean relative = gridFrameOffsetVector[0] == 0.0;
    double sign = orientation.requireAxial("RT Dose").normalZSign();
    for (int k = 0; k < z.length; k++) {
      z[k] = relative ? ipp[2] + sign * gridFrameOffsetVector[k] : gridFrameOffsetVector[k];
    }
    return z;
  }

  /**
   * Sums dose grids that share one geometry (e.g. DoseSummationType = BEAM doses of one plan).
   *
   * @param grids one or more grids
   * @return a new grid with the voxel-wise sum in Gy
   * @throws UnsupportedGeometryException when any geometry differs (IPP, orientation, spacing, size
   *     or frame z beyond 1e-3 mm), naming the difference
   */
  public static DoseGrid sum(List<DoseGrid> grids) {
    if (grids.isEmpty()) {
      throw new IllegalArgumentException("no dose grids to sum");
    }
    DoseGrid first = grids.get(0);
    float[] total = first.values.clone();
    for (int g = 1; g < grids.size(); g++) {
      DoseGrid other = grids.get(g);
      String difference = first.geometryDifference(other);
      if (difference != null) {
        throw new UnsupportedGeometryException(
            "cannot sum dose grid " + g + " with dose grid 0: " + difference);
      }
      for (int i = 0; i < total.length; i++) {
        total[i] += other.values[i];
      }
    }
    return new DoseGrid(
        first.ipp,
        first.orientation,
        first.rowSpacingMm,
        first.colSpacingMm,
        first.rows,
        first.columns,
        first.frameZ,
        total);
  }

  /**
   * @param other another grid
   * @return null when both grids have the same geometry (±1e-3 mm), else a description of the first
   *     difference
   */
  public String geometryDifference(DoseGrid other) {
    if (rows != other.rows || columns != other.columns) {
      return "size " + rows + "×" + columns + " vs " + other.rows + "×" + other.columns;
    }
    if (frameZ.length != other.frameZ.length) {
      return "frames " + frameZ.length + " vs " + other.frameZ.length;
    }
    if (!orientation.approximatelyEquals(other.orientation, 1e-4)) {
      return "ImageOrientationPatient differs";
    }
    if (Math.abs(rowSpacingMm - other.rowSpacingMm) > GEOMETRY_TOLERANCE_MM
        || Math.abs(colSpacingMm - other.colSpacingMm) > GEOMETRY_TOLERANCE_MM) {
      return "PixelSpacing differs";
    }
    for (int i = 0; i < 3; i++) {
      if (Math.abs(ipp[i] - other.ipp[i]) > GEOMETRY_TOLERANCE_MM) {
        return "ImagePositionPatient differs";
      }
    }
    for (int k = 0; k < frameZ.length; k++) {
      if (Math.abs(frameZ[k] - other.frameZ[k]) > GEOMETRY_TOLERANCE_MM) {
        return "frame " + k + " z differs (" + frameZ[k] + " vs " + other.frameZ[k] + " mm)";
      }
    }
    return null;
  }

  /**
   * The interpolation state for one axial plane at a fixed z: the two bracketing frames and their
   * weight. Obtain with {@link #planeAt(double)}. Thread-safe.
   */
  public final class DosePlane {
    private final int offset0;
    private final int offset1;
    private final float w1;

    private DosePlane(int frame0, int frame1, double w1) {
      this.offset0 = frame0 * rows * columns;
      this.offset1 = frame1 * rows * columns;
      this.w1 = (float) w1;
    }

    /**
     * @param x patient x (mm)
     * @param y patient y (mm)
     * @return interpolated dose (Gy), or NaN when (x, y) lies outside the grid (callers decide what
     *     outside means; {@link DoseGrid#doseAt} maps it to 0)
     */
    public double doseAt(double x, double y) {
      return doseAtPixel(transform.row(x, y), transform.col(x, y));
    }

    /**
     * Samples the n equally spaced points (x0 + i·dx, y0 + i·dy), i = 0 … n−1, writing the dose
     * (Gy) to out[offset + i], 0 for points outside the grid.
     *
     * @param x0 patient x of the first point (mm)
     * @param y0 patient y of the first point (mm)
     * @param dx x step (mm)
     * @param dy y step (mm)
     * @param n number of points
     * @param out destination
     * @param offset first index written
     * @return number of points outside the grid
     */
    public int sampleLine(
        double x0, double y0, double dx, double dy, int n, float[] out, int offset) {
      double r0 = transform.row(x0, y0);
      double c0 = transform.col(x0, y0);
      double dr = transform.row(x0 + dx, y0 + dy) - r0;
      double dc = transform.col(x0 + dx, y0 + dy) - c0;
      int outside = 0;
      for (int i = 0; i < n; i++) {
        double d = doseAtPixel(r0 + i * dr, c0 + i * dc);
        if (Double.isNaN(d)) {
          outside++;
          d = 0;
        }
        out[offset + i] = (float) d;
      }
      return outside;
    }

    /**
     * @param r fractional dose-grid row
     * @param c fractional dose-grid column
     * @return interpolated dose (Gy), or NaN outside
     */
    double doseAtPixel(double r, double c) {
      if (r < -EPS || c < -EPS || r > rows - 1 + EPS || c > columns - 1 + EPS) {
        return Double.NaN;
      }
      int r0 = Math.min(Math.max(floor(r), 0), Math.max(rows - 2, 0));
      int c0 = Math.min(Math.max(floor(c), 0), Math.max(columns - 2, 0));
      int r1 = Math.min(r0 + 1, rows - 1);
      int c1 = Math.min(c0 + 1, columns - 1);
      double fr = Math.min(Math.max(r - r0, 0), 1);
      double fc = Math.min(Math.max(c - c0, 0), 1);
      double v0 = bilinear(offset0, r0, r1, c0, c1, fr, fc);
      if (w1 == 0f) {
        return v0;
      }
      double v1 = bilinear(offset1, r0, r1, c0, c1, fr, fc);
      return v0 + (v1 - v0) * w1;
    }

    /**
     * {@code (int) Math.floor(v)} for the in-grid values it is given (|v| far below 2³¹): the same
     * integer without the library call, which the short-lived command's C1-only JIT does not inline
     * (5–10 % of a DVH).
     */
    private static int floor(double v) {
      int i = (int) v;
      return v < i ? i - 1 : i;
    }

    private double bilinear(int off, int r0, int r1, int c0, int c1, double fr, double fc) {
      double a = values[off + r0 * columns + c0];
      double b = values[off + r0 * columns + c1];
      double c = values[off + r1 * columns + c0];
      double d = values[off + r1 * columns + c1];
      double top = a + (b - a) * fc;
      double bottom = c + (d - c) * fc;
      return top + (bottom - top) * fr;
    }
  }

  /**
   * @param zMm a z position (mm)
   * @return the interpolation plane at that z, or null when z lies outside the frames' range
   */
  public DosePlane planeAt(double zMm) {
    int n = ascendingZ.length;
    if (n == 1) {
      return Math.abs(zMm - ascendingZ[0]) <= SINGLE_FRAME_TOLERANCE_MM
          ? new DosePlane(ascendingFrame[0], ascendingFrame[0], 0)
          : null;
    }
    if (zMm < ascendingZ[0] - EPS || zMm > ascendingZ[n - 1] + EPS) {
      return null;
    }
    int lo = 0;
    int hi = n - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (ascendingZ[mid] <= zMm) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double w = (zMm - ascendingZ[lo]) / (ascendingZ[hi] - ascendingZ[lo]);
    w = Math.min(Math.max(w, 0), 1);
    return new DosePlane(ascendingFrame[lo], ascendingFrame[hi], w);
  }

  /**
   * Trilinear dose at a patient point.
   *
   * @param x patient x (mm)
   * @param y patient y (mm)
   * @param z patient z (mm)
   * @return dose (Gy); 0 outside the grid (use {@link #contains} to tell outside from 0 Gy)
   */
  public double doseAt(double x, double y, double z) {
    DosePlane plane = planeAt(z);
    if (plane == null) {
      return 0;
    }
    double d = plane.doseAt(x, y);
    return Double.isNaN(d) ? 0 : d;
  }

  /**
   * @param x patient x (mm)
   * @param y patient y (mm)
   * @param z patient z (mm)
   * @return true when the point lies inside the grid (see class doc)
   */
  public boolean contains(double x, double y, double z) {
    DosePlane plane = planeAt(z);
    return plane != null && !Double.isNaN(plane.doseAt(x, y));
  }

  /**
   * @return the largest dose value (Gy), 0 for an all-negative or empty grid
   */
  public double maxDoseGy() {
    double max = 0;
    for (float v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * Volume of the dose grid receiving at least a dose, counting dose voxels (each voxel = pixel
   * area × frame thickness; frame thickness = half the gap to each neighbouring frame, end frames
   * their single gap, a single frame the mean pixel spacing). Used as the isodose volume of
   * conformity indices.
   *
   * @param doseGy threshold dose (Gy)
   * @return volume (cc) of dose voxels with dose ≥ doseGy
   */
  public double volumeAtLeastCc(double doseGy) {
    int n = ascendingZ.length;
    double pixelArea = rowSpacingMm * colSpacingMm;
    double total = 0;
    for (int k = 0; k < n; k++) {
      double t =
          n == 1
              ? (rowSpacingMm + colSpacingMm) / 2
              : k == 0
                  ? ascendingZ[1] - ascendingZ[0]
                  : k == n - 1
                      ? ascendingZ[n - 1] - ascendingZ[n - 2]
                      : (ascendingZ[k + 1] - ascendingZ[k - 1]) / 2;
      int off = ascendingFrame[k] * rows * columns;
      int count = 0;
      for (int i = 0; i < rows * columns; i++) {
        if (values[off + i] >= doseGy) {
          count++;
        }
      }
      total += count * pixelArea * t;
    }
    return total / 1000.0;
  }

  /**
   * @return ImageOrientationPatient
   */
  public ImageOrientation orientation() {
    return orientation;
  }

  /**
   * @return a copy of ImagePositionPatient of the first frame (mm)
   */
  public double[] imagePosition() {
    return ipp.clone();
  }

  /**
   * @return PixelSpacing[0] (mm)
   */
  public double rowSpacingMm() {
    return rowSpacingMm;
  }

  /**
   * @return PixelSpacing[1] (mm)
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
   * @return a copy of the frames' absolute z (mm) in storage order
   */
  public double[] frameZ() {
    return frameZ.clone();
  }

  /**
   * @param frame frame index (storage order)
   * @param row row
   * @param column column
   * @return the stored dose (Gy)
   */
  public float value(int frame, int row, int column) {
    return values[(frame * rows + row) * columns + column];
  }
}

package org.rtds.features.dose.geometry;

import java.util.Locale;

/**
 * DICOM ImageOrientationPatient (0020,0037): the direction cosines of the row direction (the
 * direction of increasing column index) and of the column direction (increasing row index), in LPS
 * patient coordinates.
 *
 * <p>Only axial orientations are supported by the calculators: both direction cosines must lie in
 * the patient x–y plane (|z component| ≤ {@value #AXIAL_TOLERANCE}). This covers HFS (1,0,0,0,1,0),
 * FFS (−1,0,0,0,1,0), HFP (−1,0,0,0,−1,0), FFP and any in-plane rotation or transposition. Oblique
 * orientations are rejected by {@link #requireAxial(String)}.
 *
 * @param rowX x cosine of the row direction
 * @param rowY y cosine of the row direction
 * @param rowZ z cosine of the row direction
 * @param colX x cosine of the column direction
 * @param colY y cosine of the column direction
 * @param colZ z cosine of the column direction
 */
public record ImageOrientation(
    double rowX, double rowY, double rowZ, double colX, double colY, double colZ) {

  /** Largest z component of a direction cosine still treated as axial. */
  public static final double AXIAL_TOLERANCE = 1e-3;

  /** Head first supine: (1,0,0,0,1,0). */
  public static final ImageOrientation HFS = new ImageOrientation(1, 0, 0, 0, 1, 0);

  /** Feet first supine: (−1,0,0,0,1,0). */
  public static final ImageOrientation FFS = new ImageOrientation(-1, 0, 0, 0, 1, 0);

  /** Head first prone: (−1,0,0,0,−1,0). */
  public static final ImageOrientation HFP = new ImageOrientation(-1, 0, 0, 0, -1, 0);

  /**
   * Validates finiteness and that the direction cosines are unit and orthogonal (±1e-3).
   *
   * @param rowX x cosine of the row direction
   * @param rowY y cosine of the row direction
   * @param rowZ z cosine of the row direction
   * @param colX x cosine of the column direction
   * @param colY y cosine of the column direction
   * @param colZ z cosine of the column direction
   */
  public ImageOrientation {
    double[] all = {rowX, rowY, rowZ, colX, colY, colZ};
    for (double v : all) {
      if (!Double.isFinite(v)) {
        throw new UnsupportedGeometryException("ImageOrientationPatient has a non-finite value");
      }
    }
    double rn = Math.sqrt(rowX * rowX + rowY * rowY + rowZ * rowZ);
    double cn = Math.sqrt(colX * colX + colY * colY + colZ * colZ);
    double dot = rowX * colX + rowY * colY + rowZ * colZ;
    if (Math.abs(rn - 1) > 1e-3 || Math.abs(cn - 1) > 1e-3 || Math.abs(dot) > 1e-3) {
      throw new UnsupportedGeometryException(
          "ImageOrientationPatient " + describe(all) + " is not two orthonormal direction cosines");
    }
  }

  /**
   * @param iop the six DICOM values (row cosines, then column cosines)
   * @return the orientation
   */
  public static ImageOrientation of(double... iop) {
    if (iop == null || iop.length != 6) {
      throw new UnsupportedGeometryException("ImageOrientationPatient needs 6 values");
    }
    return new ImageOrientation(iop[0], iop[1], iop[2], iop[3], iop[4], iop[5]);
  }

  /**
   * @return true when both direction cosines lie in the axial (x–y) plane
   */
  public boolean isAxial() {
    return Math.abs(rowZ) <= AXIAL_TOLERANCE && Math.abs(colZ) <= AXIAL_TOLERANCE;
  }

  /**
   * @param what the object named in the error message (e.g. "CT image", "RT Dose")
   * @return this orientation
   * @throws UnsupportedGeometryException when the orientation is not axial
   */
  public ImageOrientation requireAxial(String what) {
    if (!isAxial()) {
      throw new UnsupportedGeometryException(
          what
              + " has an oblique (non-axial) ImageOrientationPatient "
              + describe(new double[] {rowX, rowY, rowZ, colX, colY, colZ})
              + "; only axial orientations (HFS, FFS, HFP, FFP and in-plane rotations) are"
              + " supported");
    }
    return this;
  }

  /**
   * The z component of the slice normal (row × column), +1 or −1 for axial orientations: +1 for
   * HFS/HFP, −1 for FFS/FFP. GridFrameOffsetVector offsets run along this normal.
   *
   * @return the sign of the normal's z component
   */
  public double normalZSign() {
    double nz = rowX * colY - rowY * colX;
    return nz >= 0 ? 1.0 : -1.0;
  }

  /**
   * @param other another orientation
   * @param tolerance largest allowed difference per cosine
   * @return true when all six cosines agree within the tolerance
   */
  public boolean approximatelyEquals(ImageOrientation other, double tolerance) {
    return Math.abs(rowX - other.rowX) <= tolerance
        && Math.abs(rowY - other.rowY) <= tolerance
        && Math.abs(rowZ - other.rowZ) <= tolerance
        && Math.abs(colX - other.colX) <= tolerance
        && Math.abs(colY - other.colY) <= tolerance
        && Math.abs(colZ - other.colZ) <= tolerance;
  }

  private static String describe(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : "\\").append(String.format(Locale.ROOT, "%.4g", v[i]));
    }
    return sb.append(']').toString();
  }
}

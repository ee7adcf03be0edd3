package org.rtds.features.dose.geometry;

/**
 * Affine map between fractional pixel coordinates (row, column) of one axial image plane and LPS
 * patient x, y in mm: {@code P = IPP + column·Δcol·rowCosines + row·Δrow·columnCosines}, where
 * PixelSpacing = [Δrow (between rows), Δcol (between columns)]. Pixel (0, 0)'s centre is at IPP.
 * Immutable and thread-safe.
 */
public final class PixelTransform {
  private final double originX;
  private final double originY;
  private final double a;
  private final double b;
  private final double d;
  private final double e;
  private final double det;

  /**
   * @param originX ImagePositionPatient x (mm)
   * @param originY ImagePositionPatient y (mm)
   * @param orientation axial image orientation
   * @param rowSpacingMm distance between rows (PixelSpacing[0]) in mm
   * @param colSpacingMm distance between columns (PixelSpacing[1]) in mm
   */
  public PixelTransform(
      double originX,
      double originY,
      ImageOrientation orientation,
      double rowSpacingMm,
      double colSpacingMm) {
    this.originX = originX;
    this.originY = originY;
    this.a = colSpacingMm * orientation.rowX();
    this.b = rowSpacingMm * orientation.colX();
    this.d = colSpacingMm * orientation.rowY();
    this.e = rowSpacingMm * orientation.colY();
    this.det = a * e - b * d;
    if (Math.abs(det) < 1e-12) {
      throw new UnsupportedGeometryException("pixel transform is singular (not axial?)");
    }
  }

  /**
   * @param row fractional row
   * @param col fractional column
   * @return patient x (mm)
   */
  public double x(double row, double col) {
    return originX + col * a + row * b;
  }

  /**
   * @param row fractional row
   * @param col fractional column
   * @return patient y (mm)
   */
  public double y(double row, double col) {
    return originY + col * d + row * e;
  }

  /**
   * @param x patient x (mm)
   * @param y patient y (mm)
   * @return fractional column index (0 = centre of the first column)
   */
  public double col(double x, double y) {
    return (e * (x - originX) - b * (y - originY)) / det;
  }

  /**
   * @param x patient x (mm)
   * @param y patient y (mm)
   * @return fractional row index (0 = centre of the first row)
   */
  public double row(double x, double y) {
    return (-d * (x - originX) + a * (y - originY)) / det;
  }

  /**
   * @return patient x change (mm) per column step
   */
  public double dxPerCol() {
    return a;
  }

  /**
   * @return patient y change (mm) per column step
   */
  public double dyPerCol() {
    return d;
  }
}

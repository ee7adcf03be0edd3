package org.rtds.testdata;

/**
 * An axial HFS CT grid: {@code columns × rows} pixels of {@code pixelSpacingMm} (same along rows
 * and columns), {@code slices} slices {@code sliceSpacingMm} apart. Pixel (column i, row j) of
 * slice k has its centre at (x0 + i·Δ, y0 + j·Δ, z0 + k·Δz) in patient (LPS) coordinates, mm; slice
 * k is written as file number k+1.
 */
public record CtGrid(
    int columns,
    int rows,
    int slices,
    double pixelSpacingMm,
    double sliceSpacingMm,
    double x0Mm,
    double y0Mm,
    double z0Mm) {

  /** z of slice k, mm. */
  public double z(int k) {
    return z0Mm + k * sliceSpacingMm;
  }

  /** x of column i, mm. */
  public double x(int i) {
    return x0Mm + i * pixelSpacingMm;
  }

  /** y of row j, mm. */
  public double y(int j) {
    return y0Mm + j * pixelSpacingMm;
  }
}

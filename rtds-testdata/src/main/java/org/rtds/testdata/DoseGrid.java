package org.rtds.testdata;

/**
 * An RT Dose grid as written: {@code columns × rows × frames} voxels, spacings in mm, origin =
 * (0020,0032) ImagePositionPatient of the first voxel centre (mm, LPS), frames at z0 + k·{@code
 * frameSpacingMm} ((3004,000C) GridFrameOffsetVector 0, Δz, 2Δz, …). A stored value v means v ×
 * {@code doseGridScaling} Gy.
 */
public record DoseGrid(
    int columns,
    int rows,
    int frames,
    double columnSpacingMm,
    double rowSpacingMm,
    double frameSpacingMm,
    double x0Mm,
    double y0Mm,
    double z0Mm,
    double doseGridScaling,
    int bitsAllocated,
    boolean rle) {

  /** Number of voxels. */
  public int voxelCount() {
    return columns * rows * frames;
  }
}

package org.rtds.features.knowledge.distance;

/**
 * Reusable buffers of {@link SignedDistanceTransform}: the map itself (4 bytes per box voxel), the
 * target membership (1 byte per box voxel) and per-line scratch. Grows on demand and never shrinks.
 * Not thread-safe: one workspace per thread (or per concurrently computed map). A map computed with
 * a workspace is valid until the workspace computes the next one.
 */
public final class DistanceMapWorkspace {
  float[] map = new float[0];
  byte[] target = new byte[0];
  boolean[] lineHasFeature = new boolean[0];
  boolean[] sliceHasFeature = new boolean[0];
  boolean[] needRowCol = new boolean[0];
  boolean[] needCol = new boolean[0];
  float[] line = new float[0];
  double[] positions = new double[0];
  final LowerEnvelope envelope = new LowerEnvelope();

  /** Creates an empty workspace. */
  public DistanceMapWorkspace() {}

  void ensure(int voxels, int lines, int slices, int rowCols, int cols, int longestLine) {
    if (map.length < voxels) {
      map = new float[voxels];
      target = new byte[voxels];
    }
    if (lineHasFeature.length < lines) {
      lineHasFeature = new boolean[lines];
    }
    if (sliceHasFeature.length < slices) {
      sliceHasFeature = new boolean[slices];
    }
    if (needRowCol.length < rowCols) {
      needRowCol = new boolean[rowCols];
    }
    if (needCol.length < cols) {
      needCol = new boolean[cols];
    }
    if (line.length < longestLine) {
      line = new float[longestLine];
      positions = new double[longestLine];
    }
  }

  /**
   * @return bytes currently held
   */
  public long retainedBytes() {
    return 5L * map.length
        + lineHasFeature.length
        + sliceHasFeature.length
        + needRowCol.length
        + needCol.length
        + 12L * line.length;
  }
}

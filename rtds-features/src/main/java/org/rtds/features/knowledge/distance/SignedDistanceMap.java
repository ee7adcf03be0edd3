package org.rtds.features.knowledge.distance;

import org.rtds.features.knowledge.voxel.Box;

/**
 * The signed distance (mm) from the boundary of a target (PTV), sampled at the CT voxel centres of
 * a box: d = −D inside the target, +D outside, 0 on the boundary voxels, where D is the Euclidean
 * distance (mm) to the nearest boundary-voxel centre (see {@link SignedDistanceTransform}).
 *
 * <p>Stored as signed squared distances (mm²): {@code −D²} for target voxels, {@code +D²} for the
 * others, so a voxel belongs to the target exactly when its stored value is ≤ 0. Values are exact
 * only at voxels whose (row, column) was requested when the map was computed; elsewhere they may be
 * +∞. A map is a view of its {@link DistanceMapWorkspace}'s buffer: valid until that workspace
 * computes the next map. Read-only use from several threads is safe.
 */
public final class SignedDistanceMap {
  private final Box box;
  private final float[] signedSquared;

  SignedDistanceMap(Box box, float[] signedSquared) {
    this.box = box;
    this.signedSquared = signedSquared;
  }

  /**
   * @return the box the map covers
   */
  public Box box() {
    return box;
  }

  /**
   * @param rank slice rank
   * @param row row
   * @param col column
   * @return box-local linear index of the voxel (must lie in the box)
   */
  public int index(int rank, int row, int col) {
    return ((rank - box.rankLo()) * box.ny() + (row - box.rowLo())) * box.nx() + col - box.colLo();
  }

  /**
   * @param index box-local index
   * @return stored signed squared distance (mm²): ≤ 0 inside the target
   */
  public float signedSquaredMm2(int index) {
    return signedSquared[index];
  }

  /**
   * @param index box-local index
   * @return signed distance d (mm): negative inside the target, 0 on its boundary voxels
   */
  public double signedDistanceMm(int index) {
    float v = signedSquared[index];
    return v < 0 ? -Math.sqrt(-v) : Math.sqrt(v);
  }

  /**
   * @param rank slice rank
   * @param row row
   * @param col column
   * @return signed distance d (mm) of that voxel
   */
  public double signedDistanceMm(int rank, int row, int col) {
    return signedDistanceMm(index(rank, row, col));
  }

  /**
   * @param index box-local index
   * @return true when the voxel belongs to the target
   */
  public boolean inTarget(int index) {
    return signedSquared[index] <= 0;
  }
}

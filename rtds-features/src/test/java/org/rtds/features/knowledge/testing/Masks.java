package org.rtds.features.knowledge.testing;

import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Synthetic voxel masks (spheres, shells, boxes) built directly on a lattice. */
public final class Masks {
  private Masks() {}

  /** HFS lattice with voxel centres at x = x0 + c·dx, y = y0 + r·dy and the given z. */
  public static VoxelLattice lattice(
      int rows, int cols, double dy, double dx, double x0, double y0, double[] z) {
    return VoxelLattice.hfs(rows, cols, dy, dx, x0, y0, z, z.length > 1 ? z[1] - z[0] : 1);
  }

  /**
   * A lattice symmetric about the origin covering [−half, half] mm with spacing (dz, dy, dx), voxel
   * centres on the axes (a voxel centre at the origin).
   */
  public static VoxelLattice centred(double half, double dz, double dy, double dx) {
    int nz = 2 * (int) Math.ceil(half / dz) + 1;
    int ny = 2 * (int) Math.ceil(half / dy) + 1;
    int nx = 2 * (int) Math.ceil(half / dx) + 1;
    double[] z = new double[nz];
    for (int k = 0; k < nz; k++) {
      z[k] = (k - nz / 2) * dz;
    }
    return lattice(ny, nx, dy, dx, -(nx / 2) * dx, -(ny / 2) * dy, z);
  }

  /** Voxels whose centre lies within radius r (mm) of (cx, cy, cz). */
  public static VoxelMask ball(VoxelLattice l, double cx, double cy, double cz, double r) {
    return shell(l, cx, cy, cz, -1, r);
  }

  /** Voxels whose centre lies at distance in [r0, r1] of (cx, cy, cz). */
  public static VoxelMask shell(
      VoxelLattice l, double cx, double cy, double cz, double r0, double r1) {
    return VoxelMask.fromPredicate(
        l,
        (k, r, c) -> {
          double x = l.x(k, r, c) - cx;
          double y = l.y(k, r, c) - cy;
          double z = l.zMm(k) - cz;
          double d = Math.sqrt(x * x + y * y + z * z);
          return d >= r0 && d <= r1;
        });
  }

  /** Index box [k0,k1) × [r0,r1) × [c0,c1). */
  public static VoxelMask indexBox(VoxelLattice l, int k0, int k1, int r0, int r1, int c0, int c1) {
    return VoxelMask.fromPredicate(
        l, (k, r, c) -> k >= k0 && k < k1 && r >= r0 && r < r1 && c >= c0 && c < c1);
  }
}

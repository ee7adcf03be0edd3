package org.rtds.features.knowledge.distance;

import java.util.Arrays;
import java.util.List;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * Exact signed anisotropic Euclidean distance transform of a target mask (spec §1.2).
 *
 * <ul>
 *   <li>Feature set S = boundary voxels of the target: target voxels with at least one of their six
 *       face neighbours outside the target (a neighbour outside the box counts as outside; since
 *       the box holds the target's bounding box this is the same set as on the whole grid).
 *   <li>D(p) = min over s ∈ S of the Euclidean distance (mm) between the voxel centres of p and s,
 *       with Δcol (x), Δrow (y) and the <b>actual slice positions</b> z (mm) — unevenly spaced
 *       slices are exact.
 *   <li>d(p) = −D(p) for target voxels, +D(p) otherwise; boundary voxels get 0.
 * </ul>
 *
 * <p>Algorithm: separable Felzenszwalb–Huttenlocher lower envelope of parabolas, one pass per axis
 * on real coordinates: along columns (two sweeps, uniform spacing), then along rows, then along z
 * using the slice positions; O(box voxels). Lines that cannot hold a finite value or whose output
 * nobody reads are skipped: rows of the first pass without boundary voxels, slices without boundary
 * voxels in the second pass, and (row, column) lines that no requested mask touches in the second
 * and third passes. Stateless; thread-safe when each thread uses its own workspace.
 */
public final class SignedDistanceTransform {
  private SignedDistanceTransform() {}

  /**
   * @param lattice the CT lattice (must be a stacked lattice, {@link
   *     VoxelLattice#requireStackedSlices()})
   * @param target the target (PTV) mask, non-empty, inside box
   * @param box the box to compute over; must contain the target's bounding box
   * @param readers the masks whose voxels will be read (their voxels inside the box get exact
   *     values); null = every voxel of the box
   * @param ws the workspace whose buffer the map will use
   * @return the map (a view of ws's buffer)
   */
  public static SignedDistanceMap compute(
      VoxelLattice lattice,
      VoxelMask target,
      Box box,
      List<VoxelMask> readers,
      DistanceMapWorkspace ws) {
    if (target.isEmpty()) {
      throw new IllegalArgumentException("the target mask is empty");
    }
    if (!box.contains(target.box())) {
      throw new IllegalArgumentException("the box must contain the target's bounding box");
    }
    if (box.voxelCount() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("box too large: " + box.voxelCount() + " voxels");
    }
    final int nz = box.nz();
    final int ny = box.ny();
    final int nx = box.nx();
    final int n = (int) box.voxelCount();
    final int plane = ny * nx;
    ws.ensure(n, nz * ny, nz, plane, nx, Math.max(nx, Math.max(ny, nz)));
    final float[] map = ws.map;
    final byte[] in = ws.target;
    final float inf = Float.POSITIVE_INFINITY;
    Arrays.fill(map, 0, n, inf);
    Arrays.fill(in, 0, n, (byte) 0);
    Arrays.fill(ws.lineHasFeature, 0, nz * ny, false);
    Arrays.fill(ws.sliceHasFeature, 0, nz, false);

    // target membership
    for (int k = box.rankLo(); k < box.rankHi(); k++) {
      int[] r = target.runs(k);
      int base = (k - box.rankLo()) * plane;
      for (int i = 0; i < r.length; i += 3) {
        int o = base + (r[i] - box.rowLo()) * nx - box.colLo();
        Arrays.fill(in, o + r[i + 1], o + r[i + 2], (byte) 1);
      }
    }
    // boundary voxels: distance 0
    for (int k = box.rankLo(); k < box.rankHi(); k++) {
      int[] r = target.runs(k);
      int kk = k - box.rankLo();
      int base = kk * plane;
      for (int i = 0; i < r.length; i += 3) {
        int yy = r[i] - box.rowLo();
        int o = base + yy * nx - box.colLo();
        boolean any = false;
        for (int c = r[i + 1]; c < r[i + 2]; c++) {
          int idx = o + c;
          boolean boundary =
              c == r[i + 1]
                  || c == r[i + 2] - 1
                  || yy == 0
                  || in[idx - nx] == 0
                  || yy == ny - 1
                  || in[idx + nx] == 0
                  || kk == 0
                  || in[idx - plane] == 0
                  || kk == nz - 1
                  || in[idx + plane] == 0;
          // c == first or last of a run: its x-neighbour is outside (runs are maximal)
          if (boundary) {
            map[idx] = 0f;
            any = true;
          }
        }
        if (any) {
          ws.lineHasFeature[kk * ny + yy] = true;
          ws.sliceHasFeature[kk] = true;
        }
      }
    }
    // which (row, column) lines are read
    boolean[] needRc = ws.needRowCol;
    boolean[] needCol = ws.needCol;
    if (readers == null) {
      Arrays.fill(needRc, 0, plane, true);
      Arrays.fill(needCol, 0, nx, true);
    } else {
      Arrays.fill(needRc, 0, plane, false);
      Arrays.fill(needCol, 0, nx, false);
      for (VoxelMask m : readers) {
        if (m.isEmpty()) {
          continue;
        }
        int k0 = Math.max(box.rankLo(), m.box().rankLo());
        int k1 = Math.min(box.rankHi(), m.box().rankHi());
        for (int k = k0; k < k1; k++) {
          int[] r = m.runs(k);
          for (int i = 0; i < r.length; i += 3) {
            if (r[i] < box.rowLo() || r[i] >= box.rowHi()) {
              continue;
            }
            int c0 = Math.max(box.colLo(), r[i + 1]) - box.colLo();
            int c1 = Math.min(box.colHi(), r[i + 2]) - box.colLo();
            if (c1 > c0) {
              int o = (r[i] - box.rowLo()) * nx;
              Arrays.fill(needRc, o + c0, o + c1, true);
              Arrays.fill(needCol, c0, c1, true);
            }
          }
        }
      }
    }

    // pass 1: along columns (x), uniform spacing, two sweeps
    double sx = lattice.colSpacingMm();
    for (int kk = 0; kk < nz; kk++) {
      for (int yy = 0; yy < ny; yy++) {
        if (!ws.lineHasFeature[kk * ny + yy]) {
          continue;
        }
        int o = (kk * ny + yy) * nx;
        int last = -1;
        for (int xx = 0; xx < nx; xx++) {
          if (map[o + xx] == 0f) {
            last = xx;
          } else {
            map[o + xx] = last < 0 ? inf : (float) sq((xx - last) * sx);
          }
        }
        last = -1;
        for (int xx = nx - 1; xx >= 0; xx--) {
          if (map[o + xx] == 0f) {
            last = xx;
          } else if (last >= 0) {
            float d = (float) sq((last - xx) * sx);
            if (d < map[o + xx]) {
              map[o + xx] = d;
            }
          }
        }
      }
    }

    // pass 2: along rows (y)
    float[] line = ws.line;
    double[] pos = ws.positions;
    LowerEnvelope env = ws.envelope;
    double sy = lattice.rowSpacingMm();
    for (int yy = 0; yy < ny; yy++) {
      pos[yy] = yy * sy;
    }
    for (int kk = 0; kk < nz; kk++) {
      if (!ws.sliceHasFeature[kk]) {
        continue;
      }
      int base = kk * plane;
      for (int xx = 0; xx < nx; xx++) {
        if (!needCol[xx]) {
          continue;
        }
        for (int yy = 0; yy < ny; yy++) {
          line[yy] = map[base + yy * nx + xx];
        }
        env.transform(pos, line, ny, line);
        for (int yy = 0; yy < ny; yy++) {
          map[base + yy * nx + xx] = line[yy];
        }
      }
    }

    // pass 3: along z, actual slice positions
    double z0 = lattice.zMm(box.rankLo());
    for (int kk = 0; kk < nz; kk++) {
      pos[kk] = lattice.zMm(box.rankLo() + kk) - z0;
    }
    if (nz > 1) {
      for (int rc = 0; rc < plane; rc++) {
        if (!needRc[rc]) {
          continue;
        }
        for (int kk = 0; kk < nz; kk++) {
          line[kk] = map[kk * plane + rc];
        }
        env.transform(pos, line, nz, line);
        for (int kk = 0; kk < nz; kk++) {
          map[kk * plane + rc] = line[kk];
        }
      }
    }

    // sign: negative inside the target
    for (int k = box.rankLo(); k < box.rankHi(); k++) {
      int[] r = target.runs(k);
      int base = (k - box.rankLo()) * plane;
      for (int i = 0; i < r.length; i += 3) {
        int o = base + (r[i] - box.rowLo()) * nx - box.colLo();
        for (int c = r[i + 1]; c < r[i + 2]; c++) {
          map[o + c] = -map[o + c];
        }
      }
    }
    return new SignedDistanceMap(box, map);
  }

  private static double sq(double v) {
    return v * v;
  }
}

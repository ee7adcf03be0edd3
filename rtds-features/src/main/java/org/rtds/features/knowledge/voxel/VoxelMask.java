package org.rtds.features.knowledge.voxel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.SliceRuns;

/**
 * A binary mask of CT voxels, stored as runs per slice inside its tight bounding box: for slice
 * rank k, {@code runs(k)} holds triplets (row, first column, end column exclusive), sorted by row
 * and column, disjoint. Memory is proportional to the number of runs, not to the grid. Immutable
 * and thread-safe (the arrays returned by {@link #runs(int)} are shared: do not modify them).
 */
public final class VoxelMask {
  private static final int[] NONE = new int[0];

  private final Box box;
  private final int[][] runs;
  private final long voxelCount;

  private VoxelMask(Box box, int[][] runs, long voxelCount) {
    this.box = box;
    this.runs = runs;
    this.voxelCount = voxelCount;
  }

  /**
   * @return the tight bounding box, or null for an empty mask
   */
  public Box box() {
    return box;
  }

  /**
   * @return true when the mask holds no voxel
   */
  public boolean isEmpty() {
    return voxelCount == 0;
  }

  /**
   * @return number of voxels
   */
  public long voxelCount() {
    return voxelCount;
  }

  /**
   * @param rank slice rank
   * @return the runs of that slice (triplets row, first column, end column exclusive); empty
   *     outside the box
   */
  public int[] runs(int rank) {
    if (box == null || rank < box.rankLo() || rank >= box.rankHi()) {
      return NONE;
    }
    return runs[rank - box.rankLo()];
  }

  /**
   * @param lattice the lattice the mask lives on
   * @return Σ voxel volumes (mm³)
   */
  public double volumeMm3(VoxelLattice lattice) {
    if (box == null) {
      return 0;
    }
    double v = 0;
    for (int k = box.rankLo(); k < box.rankHi(); k++) {
      int[] r = runs(k);
      long n = 0;
      for (int i = 0; i < r.length; i += 3) {
        n += r[i + 2] - r[i + 1];
      }
      v += n * lattice.voxelVolumeMm3(k);
    }
    return v;
  }

  /**
   * @param rank slice rank
   * @param row row
   * @param col column
   * @return true when the voxel belongs to the mask (binary search in the slice's runs)
   */
  public boolean contains(int rank, int row, int col) {
    int[] r = runs(rank);
    int lo = 0;
    int hi = r.length / 3;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int i = 3 * mid;
      if (r[i] < row || (r[i] == row && r[i + 2] <= col)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int i = 3 * lo;
    return lo < r.length / 3 && r[i] == row && r[i + 1] <= col && col < r[i + 2];
  }

  /** Voxel predicate for {@link #fromPredicate}. */
  @FunctionalInterface
  public interface VoxelPredicate {
    /**
     * @param rank slice rank
     * @param row row
     * @param col column
     * @return true when the voxel is inside
     */
    boolean test(int rank, int row, int col);
  }

  /**
   * Builds a mask by testing every voxel of the lattice (synthetic masks in tests and benchmarks).
   *
   * @param lattice the lattice
   * @param inside the predicate
   * @return the mask
   */
  public static VoxelMask fromPredicate(VoxelLattice lattice, VoxelPredicate inside) {
    return fromPredicate(
        new Box(0, lattice.sliceCount(), 0, lattice.rows(), 0, lattice.columns()), inside);
  }

  /**
   * Builds a mask by testing every voxel of a box; voxels outside the box are outside.
   *
   * @param within the box to scan
   * @param inside the predicate
   * @return the mask
   */
  public static VoxelMask fromPredicate(Box within, VoxelPredicate inside) {
    Builder b = new Builder();
    for (int k = within.rankLo(); k < within.rankHi(); k++) {
      for (int r = within.rowLo(); r < within.rowHi(); r++) {
        int start = -1;
        for (int c = within.colLo(); c <= within.colHi(); c++) {
          boolean in = c < within.colHi() && inside.test(k, r, c);
          if (in && start < 0) {
            start = c;
          } else if (!in && start >= 0) {
            b.addRun(k, r, start, c);
            start = -1;
          }
        }
      }
    }
    return b.build();
  }

  /**
   * Converts a rasterised ROI to a CT-voxel mask. With in-plane factor 1 (recommended for geometry
   * features: the voxel-centre rule) the runs are taken as they are. With factor s &gt; 1 a CT
   * voxel is inside when at least half of its s² sub-pixels are (majority rule). Runs outside the
   * lattice are clipped.
   *
   * @param mask the rasterised ROI
   * @param lattice the CT lattice it was rasterised on
   * @return the mask (empty when the ROI has no volume)
   */
  public static VoxelMask fromRoiMask(RoiMask mask, VoxelLattice lattice) {
    Builder b = new Builder();
    for (SliceRuns s : mask.slices()) {
      int rank = lattice.rankOfSliceIndex(s.sliceIndex());
      int[] r = s.runs();
      int f = s.factor();
      if (f == 1) {
        for (int i = 0; i < r.length; i += 3) {
          int c0 = Math.max(0, r[i + 1]);
          int c1 = Math.min(lattice.columns(), r[i + 2]);
          if (r[i] >= 0 && r[i] < lattice.rows() && c1 > c0) {
            b.addRun(rank, r[i], c0, c1);
          }
        }
      } else {
        addMajority(b, rank, r, f, lattice);
      }
    }
    return b.build();
  }

  private static void addMajority(Builder b, int rank, int[] r, int f, VoxelLattice lattice) {
    int rowLo = Integer.MAX_VALUE;
    int rowHi = Integer.MIN_VALUE;
    int colLo = Integer.MAX_VALUE;
    int colHi = Integer.MIN_VALUE;
    for (int i = 0; i < r.length; i += 3) {
      rowLo = Math.min(rowLo, r[i] / f);
      rowHi = Math.max(rowHi, r[i] / f + 1);
      colLo = Math.min(colLo, r[i + 1] / f);
      colHi = Math.max(colHi, (r[i + 2] - 1) / f + 1);
    }
    if (r.length == 0) {
      return;
    }
    int nx = colHi - colLo;
    int[] count = new int[(rowHi - rowLo) * nx];
    for (int i = 0; i < r.length; i += 3) {
      int row = r[i] / f - rowLo;
      for (int v = r[i + 1]; v < r[i + 2]; v++) {
        count[row * nx + v / f - colLo]++;
      }
    }
    int need = (f * f + 1) / 2;
    for (int row = rowLo; row < rowHi; row++) {
      if (row < 0 || row >= lattice.rows()) {
        continue;
      }
      int start = -1;
      for (int c = colLo; c <= colHi; c++) {
        boolean in =
            c < colHi
                && c >= 0
                && c < lattice.columns()
                && count[(row - rowLo) * nx + c - colLo] >= need;
        if (in && start < 0) {
          start = c;
        } else if (!in && start >= 0) {
          b.addRun(rank, row, start, c);
          start = -1;
        }
      }
    }
  }

  /** Collects runs in any order; {@link #build()} sorts and merges them. Not thread-safe. */
  public static final class Builder {
    private final List<int[]> perRank = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    /**
     * @param rank slice rank ≥ 0
     * @param row row
     * @param colStart first column
     * @param colEnd end column (exclusive), &gt; colStart
     * @return this builder
     */
    public Builder addRun(int rank, int row, int colStart, int colEnd) {
      if (rank < 0 || row < 0 || colStart < 0 || colEnd <= colStart) {
        throw new IllegalArgumentException("bad run");
      }
      while (perRank.size() <= rank) {
        perRank.add(new int[24]);
        sizes.add(0);
      }
      int n = sizes.get(rank);
      int[] a = perRank.get(rank);
      if (n + 3 > a.length) {
        a = Arrays.copyOf(a, a.length * 2);
        perRank.set(rank, a);
      }
      a[n] = row;
      a[n + 1] = colStart;
      a[n + 2] = colEnd;
      sizes.set(rank, n + 3);
      return this;
    }

    /**
     * @return the mask: runs sorted by (row, column), overlapping or touching runs merged
     */
    public VoxelMask build() {
      int rankLo = -1;
      int rankHi = -1;
      int rowLo = Integer.MAX_VALUE;
      int rowHi = Integer.MIN_VALUE;
      int colLo = Integer.MAX_VALUE;
      int colHi = Integer.MIN_VALUE;
      long count = 0;
      int[][] normal = new int[perRank.size()][];
      for (int k = 0; k < perRank.size(); k++) {
        int[] runs = normalise(perRank.get(k), sizes.get(k));
        normal[k] = runs;
        if (runs.length == 0) {
          continue;
        }
        if (rankLo < 0) {
          rankLo = k;
        }
        rankHi = k + 1;
        for (int i = 0; i < runs.length; i += 3) {
          rowLo = Math.min(rowLo, runs[i]);
          rowHi = Math.max(rowHi, runs[i] + 1);
          colLo = Math.min(colLo, runs[i + 1]);
          colHi = Math.max(colHi, runs[i + 2]);
          count += runs[i + 2] - runs[i + 1];
        }
      }
      if (count == 0) {
        return new VoxelMask(null, new int[0][], 0);
      }
      Box box = new Box(rankLo, rankHi, rowLo, rowHi, colLo, colHi);
      int[][] runs = new int[box.nz()][];
      for (int k = rankLo; k < rankHi; k++) {
        runs[k - rankLo] = normal[k];
      }
      return new VoxelMask(box, runs, count);
    }

    private static int[] normalise(int[] a, int n) {
      int m = n / 3;
      if (m == 0) {
        return NONE;
      }
      long[] keys = new long[m];
      for (int i = 0; i < m; i++) {
        keys[i] = ((long) a[3 * i] << 42) + ((long) a[3 * i + 1] << 21) + i;
      }
      boolean sorted = true;
      for (int i = 1; i < m && sorted; i++) {
        sorted = keys[i] > keys[i - 1];
      }
      if (!sorted) {
        Arrays.sort(keys);
      }
      int[] out = new int[n];
      int o = 0;
      for (int j = 0; j < m; j++) {
        int i = (int) (keys[j] & ((1 << 21) - 1));
        int row = a[3 * i];
        int c0 = a[3 * i + 1];
        int c1 = a[3 * i + 2];
        if (o > 0 && out[o - 3] == row && c0 <= out[o - 1]) {
          out[o - 1] = Math.max(out[o - 1], c1);
        } else {
          out[o] = row;
          out[o + 1] = c0;
          out[o + 2] = c1;
          o += 3;
        }
      }
      return o == n ? out : Arrays.copyOf(out, o);
    }
  }
}

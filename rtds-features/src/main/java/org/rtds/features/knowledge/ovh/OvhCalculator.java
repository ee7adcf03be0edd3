package org.rtds.features.knowledge.ovh;

import java.util.Arrays;
import org.rtds.features.knowledge.distance.SignedDistanceMap;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * Computes the OVH of an OAR from the signed distance map of a PTV (spec §1.2 step 5, §1.3–1.5).
 *
 * <ul>
 *   <li>Each OAR voxel carries its volume Δrow·Δcol·thickness (mm³) ({@link VoxelLattice}): with
 *       unevenly spaced slices the voxels of thick slices weigh more.
 *   <li>OVH(t_k) = Σ{w_i : d_i ≤ t_k} / Σ w_i. A distance counts at t_k when d ≤ t_k + 1e-9·Δt
 *       (guards against rounding at exact grid values). Distances below t_0 count at t_0; the last
 *       point is forced to 1.
 *   <li>Overlap volume = Σ w_i over OAR voxels inside the PTV (d ≤ 0; boundary voxels are PTV
 *       voxels with d = 0, so OVH(0) equals the overlap fraction exactly).
 *   <li>Exact r_v and the statistics come from the voxel distances themselves (weighted, lower
 *       quantile): O(N) histogram pass plus sorting only the voxels of the ≤ 20 bins holding an
 *       r_v.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class OvhCalculator {
  private OvhCalculator() {}

  /**
   * @param lattice the CT lattice
   * @param map the PTV's signed distance map, computed with this OAR among its readers
   * @param oar the OAR mask, non-empty and inside the map's box
   * @param options the grid
   * @return the OVH
   */
  public static OvhResult compute(
      VoxelLattice lattice, SignedDistanceMap map, VoxelMask oar, OvhOptions options) {
    if (oar.isEmpty()) {
      throw new IllegalArgumentException("the OAR mask is empty");
    }
    Box box = oar.box();
    if (!map.box().contains(box)) {
      throw new IllegalArgumentException("the OAR lies outside the distance map's box");
    }
    if (oar.voxelCount() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("OAR too large");
    }
    int n = (int) oar.voxelCount();
    int nz = box.nz();
    float[] d = new float[n];
    int[] binOfVoxel = new int[n];
    int[] segStart = new int[nz + 1];
    double[] w = new double[nz];
    double[] grid = options.gridMm();
    int kPoints = grid.length;
    double t0 = options.gridStartMm();
    double invStep = 1 / options.gridStepMm();
    double[] hist = new double[kPoints + 1];
    int[] binCount = new int[kPoints + 1];
    double total = 0;
    double overlap = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int i = 0;
    for (int kk = 0; kk < nz; kk++) {
      int k = box.rankLo() + kk;
      segStart[kk] = i;
      w[kk] = lattice.voxelVolumeMm3(k);
      int[] r = oar.runs(k);
      long inSlice = 0;
      long overlapInSlice = 0;
      double sumSlice = 0;
      for (int j = 0; j < r.length; j += 3) {
        int base = map.index(k, r[j], r[j + 1]);
        for (int c = 0; c < r[j + 2] - r[j + 1]; c++) {
          float v = map.signedSquaredMm2(base + c);
          double dd;
          if (v <= 0) {
            dd = (float) -Math.sqrt(-v);
            overlapInSlice++;
          } else {
            dd = (float) Math.sqrt(v);
          }
          if (!Double.isFinite(dd)) {
            throw new IllegalStateException("distance map not computed for this OAR");
          }
          int b = bin(dd, t0, invStep, kPoints);
          binOfVoxel[i] = b;
          d[i++] = (float) dd;
          sumSlice += dd;
          min = Math.min(min, dd);
          max = Math.max(max, dd);
          hist[b] += w[kk];
          binCount[b]++;
        }
        inSlice += r[j + 2] - r[j + 1];
      }
      total += inSlice * w[kk];
      overlap += overlapInSlice * w[kk];
      sum += sumSlice * w[kk];
    }
    segStart[nz] = i;

    double[] cum = new double[kPoints];
    double run = 0;
    long counted = 0;
    for (int k = 0; k < kPoints; k++) {
      run += hist[k];
      counted += binCount[k];
      // exactly 1 once every voxel is counted (no rounding residue)
      cum[k] = counted == n ? 1.0 : Math.min(1.0, run / total);
    }
    cum[kPoints - 1] = 1.0;

    double mean = sum / total;
    double m2 = 0;
    double m3 = 0;
    for (int kk = 0; kk < nz; kk++) {
      double s2 = 0;
      double s3 = 0;
      for (int j = segStart[kk]; j < segStart[kk + 1]; j++) {
        double e = d[j] - mean;
        s2 += e * e;
        s3 += e * e * e;
      }
      m2 += s2 * w[kk];
      m3 += s3 * w[kk];
    }
    m2 /= total;
    m3 /= total;
    double sd = Math.sqrt(m2);
    double skew = sd > 1e-12 ? m3 / (sd * sd * sd) : 0;

    double[] v = OvhResult.standardRvFractions();
    double[] rvGrid = new double[v.length];
    for (int q = 0; q < v.length; q++) {
      rvGrid[q] = OvhCurve.rv(grid, cum, v[q]);
    }
    double[] rvExact = exactQuantiles(d, binOfVoxel, segStart, w, hist, total, v);
    double median = rvExact[9];
    return new OvhResult(
        grid,
        cum,
        n,
        total,
        overlap,
        Math.min(1.0, overlap / total),
        v,
        rvGrid,
        rvExact,
        new DistanceStatistics(mean, median, min, max, sd, skew));
  }

  private static int bin(double dd, double t0, double invStep, int kPoints) {
    double x = Math.ceil((dd - t0) * invStep - 1e-9);
    if (x <= 0) {
      return 0;
    }
    return x >= kPoints ? kPoints : (int) x;
  }

  private static double[] exactQuantiles(
      float[] d,
      int[] binOfVoxel,
      int[] segStart,
      double[] w,
      double[] hist,
      double total,
      double[] v) {
    int bins = hist.length;
    double[] before = new double[bins + 1];
    for (int b = 0; b < bins; b++) {
      before[b + 1] = before[b] + hist[b];
    }
    int[] binOf = new int[v.length];
    int[] slot = new int[bins];
    Arrays.fill(slot, -1);
    int slots = 0;
    double[] target = new double[v.length];
    for (int q = 0; q < v.length; q++) {
      target[q] = v[q] * total * (1 - 1e-12);
      int b = 0;
      while (b < bins - 1 && (before[b + 1] < target[q] || hist[b] == 0)) {
        b++;
      }
      binOf[q] = b;
      if (slot[b] < 0) {
        slot[b] = slots++;
      }
    }
    int[] size = new int[slots];
    for (int b : binOfVoxel) {
      int s = slot[b];
      if (s >= 0) {
        size[s]++;
      }
    }
    long[][] keys = new long[slots][];
    for (int s = 0; s < slots; s++) {
      keys[s] = new long[size[s]];
    }
    int[] fill = new int[slots];
    for (int kk = 0; kk + 1 < segStart.length; kk++) {
      for (int j = segStart[kk]; j < segStart[kk + 1]; j++) {
        int s = slot[binOfVoxel[j]];
        if (s >= 0) {
          keys[s][fill[s]++] = ((long) sortable(d[j]) << 32) | kk;
        }
      }
    }
    for (long[] k : keys) {
      Arrays.sort(k);
    }
    double[] out = new double[v.length];
    for (int q = 0; q < v.length; q++) {
      int b = binOf[q];
      long[] k = keys[slot[b]];
      double acc = before[b];
      double value = k.length > 0 ? fromSortable((int) (k[k.length - 1] >> 32)) : Double.NaN;
      for (long key : k) {
        acc += w[(int) (key & 0xffffffffL)];
        if (acc >= target[q]) {
          value = fromSortable((int) (key >> 32));
          break;
        }
      }
      out[q] = value;
    }
    return out;
  }

  private static int sortable(float f) {
    int bits = Float.floatToIntBits(f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  private static float fromSortable(int s) {
    return Float.intBitsToFloat(s ^ ((s >> 31) & 0x7fffffff));
  }
}

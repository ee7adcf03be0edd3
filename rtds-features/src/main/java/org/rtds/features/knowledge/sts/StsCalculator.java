package org.rtds.features.knowledge.sts;

import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * Computes the STS (spec §2.3, direction "PTV about the OAR", {@link #DIRECTION}).
 *
 * <ul>
 *   <li>c_O = volume-weighted mean of the OAR voxel centres (LPS mm, {@link VoxelLattice} handles
 *       HFS/FFS/HFP/FFP and per-slice ImagePositionPatient).
 *   <li>For each PTV voxel centre p: u = p − c_O, ρ = ‖u‖ (mm), ε = asin(u_z/ρ) ∈ [−90°, 90°], φ =
 *       atan2(u_y, u_x) ∈ (−180°, 180°] with φ = 0 when u_x = u_y = 0. ρ = 0 goes to the bin (ρ 0,
 *       ε 0°, φ 0°), i.e. elevation bin 5, azimuth bin 5.
 *   <li>Amount of a bin = PTV volume in it / PTV volume (each voxel weighs its volume).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class StsCalculator {
  /** Which structure is histogrammed about which: the PTV's voxels about the OAR centroid. */
  public static final String DIRECTION = "ptv-about-oar-centroid";

  private StsCalculator() {}

  /**
   * @param lattice the CT lattice
   * @param oar the OAR mask, non-empty
   * @return its volume-weighted centroid {x, y, z} (mm)
   */
  public static double[] centroidMm(VoxelLattice lattice, VoxelMask oar) {
    if (oar.isEmpty()) {
      throw new IllegalArgumentException("the OAR mask is empty");
    }
    Box b = oar.box();
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sz = 0;
    for (int k = b.rankLo(); k < b.rankHi(); k++) {
      int[] r = oar.runs(k);
      double n = 0;
      double rowSum = 0;
      double colSum = 0;
      for (int i = 0; i < r.length; i += 3) {
        int len = r[i + 2] - r[i + 1];
        n += len;
        rowSum += (double) r[i] * len;
        colSum += (r[i + 1] + r[i + 2] - 1) * 0.5 * len;
      }
      if (n == 0) {
        continue;
      }
      double w = lattice.voxelVolumeMm3(k);
      // x and y are affine in (row, col): the mean of x is x at the mean (row, col)
      sx += w * n * lattice.x(k, rowSum / n, colSum / n);
      sy += w * n * lattice.y(k, rowSum / n, colSum / n);
      sz += w * n * lattice.zMm(k);
      sw += w * n;
    }
    return new double[] {sx / sw, sy / sw, sz / sw};
  }

  /**
   * @param lattice the CT lattice
   * @param ptv the PTV mask, non-empty
   * @param oarCentroidMm the OAR centroid {x, y, z} (mm), {@link #centroidMm}
   * @return the STS
   */
  public static StsResult compute(VoxelLattice lattice, VoxelMask ptv, double[] oarCentroidMm) {
    if (ptv.isEmpty()) {
      throw new IllegalArgumentException("the PTV mask is empty");
    }
    double[] amounts = new double[StsBins.SIZE];
    Box b = ptv.box();
    double total = 0;
    double cx = oarCentroidMm[0];
    double cy = oarCentroidMm[1];
    double cz = oarCentroidMm[2];
    double xc = lattice.xPerCol();
    double yc = lattice.yPerCol();
    int[] counts = new int[StsBins.SIZE];
    for (int k = b.rankLo(); k < b.rankHi(); k++) {
      int[] r = ptv.runs(k);
      if (r.length == 0) {
        continue;
      }
      java.util.Arrays.fill(counts, 0);
      double uz = lattice.zMm(k) - cz;
      double uz2 = uz * uz;
      for (int i = 0; i < r.length; i += 3) {
        double ux = lattice.x(k, r[i], r[i + 1]) - cx;
        double uy = lattice.y(k, r[i], r[i + 1]) - cy;
        for (int c = r[i + 1]; c < r[i + 2]; c++, ux += xc, uy += yc) {
          counts[bin(ux, uy, uz, uz2)]++;
        }
      }
      double w = lattice.voxelVolumeMm3(k);
      for (int j = 0; j < counts.length; j++) {
        if (counts[j] != 0) {
          amounts[j] += counts[j] * w;
          total += counts[j] * w;
        }
      }
    }
    for (int j = 0; j < amounts.length; j++) {
      amounts[j] /= total;
    }
    return new StsResult(amounts, oarCentroidMm.clone(), total, ptv.voxelCount());
  }

  private static final double[] SIN_ELEVATION_EDGE = new double[StsBins.BINS];
  private static final double[] COS_AZIMUTH_EDGE = new double[StsBins.BINS];

  static {
    for (int e = 1; e < StsBins.BINS; e++) {
      SIN_ELEVATION_EDGE[e] = Math.sin(Math.toRadians(-90 + e * StsBins.ELEVATION_STEP_DEG));
      COS_AZIMUTH_EDGE[e] = Math.cos(Math.toRadians(-180 + e * StsBins.AZIMUTH_STEP_DEG));
    }
    SIN_ELEVATION_EDGE[5] = 0; // exactly: ε ≥ 0 ⟺ u_z ≥ 0
  }

  /**
   * The bin of offset u without inverse trigonometry (the same bins as {@link #referenceBin} up to
   * rounding at the edges): ε ≥ edge ⟺ u_z ≥ ρ·sin(edge); for u_y &gt; 0, φ ≥ edge ⟺ u_x ≤
   * ρ_xy·cos(edge); for u_y &lt; 0, φ ≥ edge ⟺ u_x ≥ ρ_xy·cos(edge); u_y = 0 gives φ = 0° (u_x ≥ 0)
   * or 180° (u_x &lt; 0).
   */
  static int bin(double ux, double uy, double uz, double uz2) {
    double rxy2 = ux * ux + uy * uy;
    double rho = Math.sqrt(rxy2 + uz2);
    if (rho == 0) {
      return StsBins.index(5, 0, 5);
    }
    int e = 0;
    while (e < StsBins.BINS - 1 && uz >= rho * SIN_ELEVATION_EDGE[e + 1]) {
      e++;
    }
    int a;
    if (uy == 0) {
      a = ux < 0 ? StsBins.BINS - 1 : 5;
    } else {
      double rxy = Math.sqrt(rxy2);
      if (uy > 0) {
        a = 5;
        while (a < StsBins.BINS - 1 && ux <= rxy * COS_AZIMUTH_EDGE[a + 1]) {
          a++;
        }
      } else {
        a = 0;
        while (a < 4 && ux >= rxy * COS_AZIMUTH_EDGE[a + 1]) {
          a++;
        }
      }
    }
    return StsBins.index(e, StsBins.distanceBin(rho), a);
  }

  /** The definition with asin/atan2 (reference for tests). */
  static int referenceBin(double ux, double uy, double uz) {
    double rho = Math.sqrt(ux * ux + uy * uy + uz * uz);
    if (rho == 0) {
      return StsBins.index(5, 0, 5);
    }
    double eps = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, uz / rho))));
    double phi = (ux == 0 && uy == 0) ? 0 : Math.toDegrees(Math.atan2(uy, ux));
    if (phi == -180) {
      phi = 180;
    }
    return StsBins.index(
        StsBins.elevationBin(eps), StsBins.distanceBin(rho), StsBins.azimuthBin(phi));
  }
}

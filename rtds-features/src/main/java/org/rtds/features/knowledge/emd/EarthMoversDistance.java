package org.rtds.features.knowledge.emd;

import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.sts.StsBins;

/**
 * Earth mover's distances (Rubner, Tomasi &amp; Guibas, IJCV 2000; spec §3): EMD = min Σ f_ij c_ij
 * / Σ f_ij with Σ f_ij = min(Σp, Σq). Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #ovhMm}: two cumulative OVHs on the same grid, 1-D closed form Σ_k |F_P(t_k) −
 *       F_Q(t_k)| · (t_{k+1} − t_k) (mm): the mean distance the OAR volume must move.
 *   <li>{@link #stsMm}: two STS histograms, exact transport between the centres of their non-empty
 *       bins ({@link StsBins#centreMm}) with Euclidean ground distance (mm).
 *   <li>{@link #exact}: any two weighted 3-D point sets, exact, Euclidean ground distance.
 * </ul>
 */
public final class EarthMoversDistance {
  private EarthMoversDistance() {}

  /**
   * 1-D EMD of two distributions given by their CDFs on a common ascending grid (the mass at grid
   * point t_k is F(t_k) − F(t_{k−1})).
   *
   * @param gridMm ascending positions (mm)
   * @param cdfP cumulative weights of P at the positions
   * @param cdfQ cumulative weights of Q at the positions
   * @return Σ_k |F_P − F_Q|·Δt_k (mm, weight-units × mm when the totals are not 1)
   */
  public static double fromCdfs(double[] gridMm, double[] cdfP, double[] cdfQ) {
    if (gridMm.length != cdfP.length || gridMm.length != cdfQ.length) {
      throw new IllegalArgumentException("grid and CDFs must have the same size");
    }
    double s = 0;
    for (int k = 0; k + 1 < gridMm.length; k++) {
      s += Math.abs(cdfP[k] - cdfQ[k]) * (gridMm[k + 1] - gridMm[k]);
    }
    return s;
  }

  /**
   * 1-D EMD of two normalised histograms at common ascending positions.
   *
   * @param x positions (ascending)
   * @param p weights of P (sum 1)
   * @param q weights of Q (sum 1)
   * @return the EMD (units of x)
   */
  public static double oneDimensional(double[] x, double[] p, double[] q) {
    double[] fp = new double[x.length];
    double[] fq = new double[x.length];
    double a = 0;
    double b = 0;
    for (int k = 0; k < x.length; k++) {
      a += p[k];
      b += q[k];
      fp[k] = a;
      fq[k] = b;
    }
    return fromCdfs(x, fp, fq);
  }

  /**
   * @param a an OVH
   * @param b another OVH on the same grid
   * @return EMD_OVH (mm)
   */
  public static double ovhMm(OvhCurve a, OvhCurve b) {
    double[] ta = a.gridMm();
    double[] tb = b.gridMm();
    if (ta.length != tb.length) {
      throw new IllegalArgumentException("OVHs on different grids cannot be compared bin by bin");
    }
    for (int k = 0; k < ta.length; k++) {
      if (Math.abs(ta[k] - tb[k]) > 1e-6) {
        throw new IllegalArgumentException("OVHs on different grids cannot be compared bin by bin");
      }
    }
    return fromCdfs(ta, a.cumulativeFraction(), b.cumulativeFraction());
  }

  /**
   * @param amountsA STS amounts ({@value StsBins#SIZE})
   * @param amountsB STS amounts ({@value StsBins#SIZE})
   * @return EMD_STS (mm)
   */
  public static double stsMm(double[] amountsA, double[] amountsB) {
    return exact(stsPoints(amountsA), stsPoints(amountsB));
  }

  /**
   * @param amounts STS amounts
   * @return the non-empty bins as weighted points (bin centres, mm)
   */
  public static WeightedPoints stsPoints(double[] amounts) {
    if (amounts.length != StsBins.SIZE) {
      throw new IllegalArgumentException("an STS has " + StsBins.SIZE + " amounts");
    }
    int n = 0;
    for (double v : amounts) {
      if (v > 0) {
        n++;
      }
    }
    double[] xyz = new double[3 * n];
    double[] w = new double[n];
    int i = 0;
    for (int b = 0; b < amounts.length; b++) {
      if (amounts[b] > 0) {
        double[] c = StsBins.centreMm(b);
        System.arraycopy(c, 0, xyz, 3 * i, 3);
        w[i++] = amounts[b];
      }
    }
    return new WeightedPoints(xyz, w);
  }

  /**
   * @param p a signature
   * @param q another signature
   * @return the exact EMD with Euclidean ground distance (mm); 0 when either has no weight
   */
  public static double exact(WeightedPoints p, WeightedPoints q) {
    return plan(p, q).emd();
  }

  /**
   * @param p a signature
   * @param q another signature
   * @return the optimal transport plan (flows indexed p-major)
   */
  public static TransportSolver.Plan plan(WeightedPoints p, WeightedPoints q) {
    int m = p.size();
    int n = q.size();
    double[] c = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c[i * n + j] = p.distanceMm(i, q, j);
      }
    }
    return TransportSolver.solve(p.weights(), q.weights(), c);
  }
}

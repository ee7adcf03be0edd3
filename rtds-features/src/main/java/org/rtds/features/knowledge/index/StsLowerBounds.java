package org.rtds.features.knowledge.index;

import java.util.Arrays;
import org.rtds.features.knowledge.emd.WeightedPoints;
import org.rtds.features.knowledge.sts.StsBins;

/**
 * Cheap, provable lower bounds on the EMDs of {@link
 * org.rtds.features.knowledge.emd.EarthMoversDistance} (all in mm). Stateless and thread-safe.
 *
 * <h2>STS</h2>
 *
 * Let P and Q be two STS as weighted points at the bin centres ({@link StsBins#centreMm}), masses a
 * = Σp and b = Σq, and write W(μ, ν) for the Wasserstein-1 distance (Euclidean ground distance)
 * between two probability measures. All bin centres lie in the ball ‖x‖ ≤ {@value
 * StsBins#LAST_DISTANCE_BIN_CENTRE_MM} mm, so every transport moves mass at most D = {@value
 * #SUPPORT_DIAMETER_MM} mm.
 *
 * <ol>
 *   <li><b>Centroid</b>: W(μ, ν) ≥ ‖E_μ x − E_ν y‖. For any coupling π of μ and ν, ‖E_μ x − E_ν y‖
 *       = ‖E_π (x − y)‖ ≤ E_π ‖x − y‖ (the norm is convex, Jensen); take the optimal π.
 *   <li><b>Radial</b>: W(μ, ν) ≥ W₁(ρ#μ, ρ#ν), the 1-D transport between the distributions of ρ =
 *       ‖x‖, because |‖x‖ − ‖y‖| ≤ ‖x − y‖ (reverse triangle inequality), so every coupling of μ
 *       and ν costs at least what its image costs in 1-D. The bin centres have only 10 distinct ρ,
 *       and the 1-D EMD is Σ |F_P − F_Q| Δρ (closed form).
 *   <li><b>Axes</b>: for any coupling π, E_π ‖x − y‖ ≥ ‖(E_π |x₁ − y₁|, E_π |x₂ − y₂|, E_π |x₃ −
 *       y₃|)‖ (Jensen, the norm is convex) and E_π |x_i − y_i| ≥ W₁ of the i-th marginals, so W(μ,
 *       ν) ≥ (W_x² + W_y² + W_z²)^½ with the three 1-D transports of the coordinate marginals
 *       (closed form on the sorted distinct coordinates of the bin centres).
 *   <li><b>Unequal masses</b>. Rubner's EMD moves min(a, b): with a ≤ b, EMD(P, Q) = min over Q' ≤
 *       Q of mass a of W(P/a, Q'/a). Write Q/b = (a/b)(Q'/a) + ((b − a)/b) R/(b − a) with R = Q −
 *       Q'; keeping the first part in place shows W(Q'/a, Q/b) ≤ ((b − a)/b) D, so by the triangle
 *       inequality EMD(P, Q) ≥ W(P/a, Q/b) − (|b − a| / max(a, b)) D. Stored STS sum to 1 within
 *       rounding (6 digits per bin), so the correction is a few 10⁻⁴ mm at most.
 * </ol>
 *
 * The bound used is max(1, 2, 3) minus the correction of 4, and 0 when either side is empty (the
 * EMD is 0 then). These bounds are those of Rubner, Tomasi &amp; Guibas (IJCV 2000, §4.2, the
 * centroid bound) and the "sliced" 1-D bounds of the Wasserstein literature (e.g. Bonneel et al.,
 * J. Math. Imaging Vis. 2015).
 *
 * <h2>OVH</h2>
 *
 * EMD_OVH = Σ_k |F_P(t_k) − F_Q(t_k)| Δt_k ≥ |Σ_k (F_P(t_k) − F_Q(t_k)) Δt_k| = |m_Q − m_P|, where
 * m = t_K − Σ_{k&lt;K} F(t_k) Δt_k is the mean distance of the curve's grid distribution ({@link
 * #ovhGridMeanMm}, mm; the mean of the distances as the grid sees them, not the exact voxel mean).
 */
public final class StsLowerBounds {
  /** Diameter of the support of every STS (mm): all bin centres lie within 210 mm of 0. */
  public static final double SUPPORT_DIAMETER_MM = 2 * StsBins.LAST_DISTANCE_BIN_CENTRE_MM;

  /** Bin centres, x y z per bin (mm), exactly as {@link StsBins#centreMm} gives them. */
  static final double[] CENTRES = new double[3 * StsBins.SIZE];

  static final Projection RADIAL;
  static final Projection X;
  static final Projection Y;
  static final Projection AXIAL;

  static {
    double[] rho = new double[StsBins.SIZE];
    double[] x = new double[StsBins.SIZE];
    double[] y = new double[StsBins.SIZE];
    double[] z = new double[StsBins.SIZE];
    for (int b = 0; b < StsBins.SIZE; b++) {
      double[] c = StsBins.centreMm(b);
      System.arraycopy(c, 0, CENTRES, 3 * b, 3);
      int r = (b / StsBins.BINS) % StsBins.BINS;
      rho[b] =
          r == StsBins.BINS - 1
              ? StsBins.LAST_DISTANCE_BIN_CENTRE_MM
              : (r + 0.5) * StsBins.DISTANCE_STEP_MM;
      x[b] = c[0];
      y[b] = c[1];
      z[b] = c[2];
    }
    RADIAL = new Projection(rho);
    X = new Projection(x);
    Y = new Projection(y);
    AXIAL = new Projection(z);
  }

  /** Scratch size for {@link #bound}: the most distinct values of a projection. */
  static final int SCRATCH =
      Math.max(
          Math.max(RADIAL.values.length, AXIAL.values.length),
          Math.max(X.values.length, Y.values.length));

  private StsLowerBounds() {}

  /** A 1-D projection of the bin centres onto few distinct values (sorted), for 1-D bounds. */
  static final class Projection {
    final int[] rank;
    final double[] values;

    Projection(double[] valueByBin) {
      double[] v = valueByBin.clone();
      Arrays.sort(v);
      int d = 0;
      for (int i = 0; i < v.length; i++) {
        if (i == 0 || v[i] != v[d - 1]) {
          v[d++] = v[i];
        }
      }
      values = Arrays.copyOf(v, d);
      rank = new int[valueByBin.length];
      for (int b = 0; b < valueByBin.length; b++) {
        rank[b] = Arrays.binarySearch(values, valueByBin[b]);
      }
    }

    /**
     * 1-D EMD between the normalised projections of P and Q (mm). scratch: ≥ values.length zeros,
     * left zeroed.
     */
    double w1(short[] bp, double[] wp, double mp, short[] bq, double[] wq, double mq, double[] s) {
      int lo = Integer.MAX_VALUE;
      int hi = -1;
      for (int i = 0; i < bp.length; i++) {
        int r = rank[bp[i]];
        s[r] += wp[i] / mp;
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
      for (int i = 0; i < bq.length; i++) {
        int r = rank[bq[i]];
        s[r] -= wq[i] / mq;
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
      double c = 0;
      double out = 0;
      for (int i = lo; i < hi; i++) {
        c += s[i];
        s[i] = 0;
        out += Math.abs(c) * (values[i + 1] - values[i]);
      }
      if (hi >= 0) {
        s[hi] = 0;
      }
      return out;
    }
  }

  /**
   * An STS in sparse form: the non-empty bins (ascending flat index, as {@link
   * org.rtds.features.knowledge.emd.EarthMoversDistance#stsPoints} orders them), their amounts, the
   * total mass and the mass-weighted centroid of the bin centres (mm).
   *
   * @param bins non-empty flat bin indices, ascending
   * @param weights their amounts (&gt; 0)
   * @param mass Σ weights
   * @param cx centroid x (mm; 0 when empty)
   * @param cy centroid y (mm)
   * @param cz centroid z (mm)
   */
  public record Sparse(
      short[] bins, double[] weights, double mass, double cx, double cy, double cz) {

    /**
     * @param amounts the {@value StsBins#SIZE} STS amounts
     * @return the sparse form (bins with amount &gt; 0)
     */
    public static Sparse of(double[] amounts) {
      if (amounts.length != StsBins.SIZE) {
        throw new IllegalArgumentException("an STS has " + StsBins.SIZE + " amounts");
      }
      int n = 0;
      for (double v : amounts) {
        if (v > 0) {
          n++;
        }
      }
      short[] b = new short[n];
      double[] w = new double[n];
      int i = 0;
      double m = 0;
      double x = 0;
      double y = 0;
      double z = 0;
      for (int k = 0; k < amounts.length; k++) {
        double v = amounts[k];
        if (v > 0) {
          b[i] = (short) k;
          w[i++] = v;
          m += v;
          x += v * CENTRES[3 * k];
          y += v * CENTRES[3 * k + 1];
          z += v * CENTRES[3 * k + 2];
        }
      }
      return m > 0 ? new Sparse(b, w, m, x / m, y / m, z / m) : new Sparse(b, w, 0, 0, 0, 0);
    }

    /**
     * @return the weighted points the exact EMD uses (same order and values as {@link
     *     org.rtds.features.knowledge.emd.EarthMoversDistance#stsPoints})
     */
    public WeightedPoints points() {
      return StsLowerBounds.points(bins, weights);
    }
  }

  static WeightedPoints points(short[] bins, double[] weights) {
    double[] xyz = new double[3 * bins.length];
    for (int i = 0; i < bins.length; i++) {
      System.arraycopy(CENTRES, 3 * bins[i], xyz, 3 * i, 3);
    }
    return new WeightedPoints(xyz, weights);
  }

  /**
   * @param massP Σp
   * @param massQ Σq
   * @return (|b − a| / max(a, b)) · D (mm), what unequal masses can take off a normalised bound
   */
  public static double massCorrectionMm(double massP, double massQ) {
    double hi = Math.max(massP, massQ);
    return hi > 0 ? Math.abs(massP - massQ) / hi * SUPPORT_DIAMETER_MM : 0;
  }

  /**
   * The centroid bound (cheap: O(1) per pair once the centroids are known).
   *
   * @param p an STS
   * @param q another STS
   * @return max(0, ‖c_P − c_Q‖ − correction) ≤ EMD_STS(P, Q) (mm)
   */
  public static double centroidBoundMm(Sparse p, Sparse q) {
    return centroidBound(p.mass(), p.cx(), p.cy(), p.cz(), q.mass(), q.cx(), q.cy(), q.cz());
  }

  static double centroidBound(
      double mp, double px, double py, double pz, double mq, double qx, double qy, double qz) {
    if (!(mp > 0) || !(mq > 0)) {
      return 0;
    }
    double dx = px - qx;
    double dy = py - qy;
    double dz = pz - qz;
    return Math.max(0, Math.sqrt(dx * dx + dy * dy + dz * dz) - massCorrectionMm(mp, mq));
  }

  /**
   * The best bound: max(centroid, radial, axes) minus the mass correction (O(n_P + n_Q) plus the
   * span of their sorted coordinates, at most 1000).
   *
   * @param p an STS
   * @param q another STS
   * @return a lower bound on EMD_STS(P, Q) (mm)
   */
  public static double lowerBoundMm(Sparse p, Sparse q) {
    return bound(
        p.bins(),
        p.weights(),
        p.mass(),
        p.cx(),
        p.cy(),
        p.cz(),
        q.bins(),
        q.weights(),
        q.mass(),
        q.cx(),
        q.cy(),
        q.cz(),
        new double[SCRATCH]);
  }

  static double bound(
      short[] bp,
      double[] wp,
      double mp,
      double px,
      double py,
      double pz,
      short[] bq,
      double[] wq,
      double mq,
      double qx,
      double qy,
      double qz,
      double[] scratch) {
    if (!(mp > 0) || !(mq > 0)) {
      return 0;
    }
    double dx = px - qx;
    double dy = py - qy;
    double dz = pz - qz;
    double b = Math.sqrt(dx * dx + dy * dy + dz * dz);
    b = Math.max(b, RADIAL.w1(bp, wp, mp, bq, wq, mq, scratch));
    double wx = X.w1(bp, wp, mp, bq, wq, mq, scratch);
    double wy = Y.w1(bp, wp, mp, bq, wq, mq, scratch);
    double wz = AXIAL.w1(bp, wp, mp, bq, wq, mq, scratch);
    b = Math.max(b, Math.sqrt(wx * wx + wy * wy + wz * wz));
    return Math.max(0, b - massCorrectionMm(mp, mq));
  }

  /**
   * @param gridMm ascending grid t_0..t_K (mm)
   * @param cdf F(t_k)
   * @return m = t_K − Σ_{k&lt;K} F(t_k)(t_{k+1} − t_k) (mm): |m_P − m_Q| ≤ EMD_OVH(P, Q)
   */
  public static double ovhGridMeanMm(double[] gridMm, double[] cdf) {
    int n = gridMm.length;
    double s = 0;
    for (int k = 0; k + 1 < n; k++) {
      s += cdf[k] * (gridMm[k + 1] - gridMm[k]);
    }
    return gridMm[n - 1] - s;
  }
}

package org.rtds.features.knowledge.distance;

/**
 * One-dimensional squared distance transform of a sampled function on arbitrary ascending sample
 * positions (Felzenszwalb &amp; Huttenlocher, <i>Distance transforms of sampled functions</i>,
 * Theory of Computing 8, 2012): out(q) = min_p ((x_q − x_p)² + f(p)), computed as the lower
 * envelope of the parabolas rooted at (x_p, f(p)) in O(n). Positions are real coordinates (mm), so
 * unevenly spaced CT slices are handled exactly. Samples with f = +∞ carry no parabola; if every
 * sample is +∞ the output is +∞. Arithmetic in double; values stored as float (mm²).
 *
 * <p>Not thread-safe: an instance owns scratch arrays; use one per thread.
 */
final class LowerEnvelope {
  private int[] v = new int[16];
  private double[] z = new double[17];
  private double[] vx = new double[16];
  private double[] vf = new double[16];

  private void ensure(int n) {
    if (v.length < n) {
      v = new int[n];
      z = new double[n + 1];
      vx = new double[n];
      vf = new double[n];
    }
  }

  /**
   * @param x ascending positions (mm), length ≥ n
   * @param f squared distances at the positions (mm², +∞ = no feature), length ≥ n
   * @param n number of samples
   * @param out result (may be f itself)
   */
  void transform(double[] x, float[] f, int n, float[] out) {
    ensure(n);
    int k = -1;
    for (int q = 0; q < n; q++) {
      float fq = f[q];
      if (fq == Float.POSITIVE_INFINITY) {
        continue;
      }
      double xq = x[q];
      if (k < 0) {
        k = 0;
        v[0] = q;
        vx[0] = xq;
        vf[0] = fq;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        continue;
      }
      double s;
      while (true) {
        s = ((fq + xq * xq) - (vf[k] + vx[k] * vx[k])) / (2 * (xq - vx[k]));
        if (s <= z[k]) {
          k--;
          if (k < 0) {
            break;
          }
        } else {
          break;
        }
      }
      k++;
      v[k] = q;
      vx[k] = xq;
      vf[k] = fq;
      z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    if (k < 0) {
      for (int q = 0; q < n; q++) {
        out[q] = Float.POSITIVE_INFINITY;
      }
      return;
    }
    int j = 0;
    for (int q = 0; q < n; q++) {
      double xq = x[q];
      while (z[j + 1] < xq) {
        j++;
      }
      double d = xq - vx[j];
      out[q] = (float) (d * d + vf[j]);
    }
  }
}

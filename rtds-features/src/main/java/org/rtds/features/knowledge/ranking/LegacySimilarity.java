package org.rtds.features.knowledge.ranking;

/**
 * The legacy MATLAB similarity ({@code HN_similarityRank.m}, {@code SIM.m}; spec §2.1, §3.5), kept
 * only so that old results can be reproduced. Not used by the recommended ranking.
 *
 * <ul>
 *   <li>Orientation similarity of two unit vectors (OAR centroid → PTV centroid): (1 + cos θ)/2.
 *   <li>Per query: emdN_ij = 1 − EMD_ij / max_{i,j} EMD_ij over the database patients i and the
 *       query's OARs j; similarity_i = 100 · Σ_j (emdN_ij + orientSim_ij) / (2 · number of OARs
 *       with data). Missing values (NaN) are left out of the sum and the count.
 * </ul>
 */
public final class LegacySimilarity {
  private LegacySimilarity() {}

  /**
   * @param a a direction {x, y, z} (normalised here)
   * @param b another direction
   * @return (1 + cos θ)/2 in [0, 1]
   */
  public static double orientationSimilarity(double[] a, double[] b) {
    double na = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    double nb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
    if (na == 0 || nb == 0) {
      throw new IllegalArgumentException("a direction of length 0 has no orientation");
    }
    double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (na * nb);
    return (1 + Math.max(-1, Math.min(1, cos))) / 2;
  }

  /**
   * @param emd EMD_ij: rows = database patients, columns = the query's OARs (NaN = no data)
   * @param orientationSimilarity orientSim_ij, same shape
   * @return similarity_i in percent (NaN for a patient without any OAR data)
   */
  public static double[] similarityPercent(double[][] emd, double[][] orientationSimilarity) {
    double max = 0;
    for (double[] row : emd) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double[] out = new double[emd.length];
    for (int i = 0; i < emd.length; i++) {
      double s = 0;
      int n = 0;
      for (int j = 0; j < emd[i].length; j++) {
        double e = emd[i][j];
        double o = orientationSimilarity[i][j];
        if (Double.isNaN(e) || Double.isNaN(o)) {
          continue;
        }
        s += (max > 0 ? 1 - e / max : 1) + o;
        n++;
      }
      out[i] = n == 0 ? Double.NaN : 100 * s / (2.0 * n);
    }
    return out;
  }
}

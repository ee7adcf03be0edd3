package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.emd.EarthMoversDistance;
import org.rtds.features.knowledge.emd.TransportSolver;
import org.rtds.features.knowledge.emd.WeightedPoints;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.sts.StsBins;

/** Spec §8 E, random instances against an independent min-cost-flow solver, metric properties. */
class EmdTest {

  static WeightedPoints pts(double[][] xyz, double... w) {
    double[] c = new double[3 * xyz.length];
    for (int i = 0; i < xyz.length; i++) {
      System.arraycopy(xyz[i], 0, c, 3 * i, 3);
    }
    return new WeightedPoints(c, w);
  }

  @Test
  void specOneDimensionalCase() {
    double[] x = {0, 1, 2};
    double[] p = {.2, .5, .3};
    double[] q = {.6, .1, .3};
    assertThat(EarthMoversDistance.oneDimensional(x, p, q)).isCloseTo(0.4, within(1e-12));
    WeightedPoints a = pts(new double[][] {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}}, p);
    WeightedPoints b = pts(new double[][] {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}}, q);
    assertThat(EarthMoversDistance.exact(a, b)).isCloseTo(0.4, within(1e-12));
  }

  static OvhCurve uniform(double lo, double hi) {
    double[] t = OvhOptions.DEFAULT.gridMm();
    double[] f = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      f[k] = Math.max(0, Math.min(1, (t[k] - lo) / (hi - lo)));
    }
    return new OvhCurve(t, f);
  }

  @Test
  void specShiftedUniformOvhs() {
    assertThat(EarthMoversDistance.ovhMm(uniform(5, 25), uniform(10, 30)))
        .isCloseTo(5, within(1e-9));
    assertThat(EarthMoversDistance.ovhMm(uniform(0, 20), uniform(0, 10)))
        .isCloseTo(5, within(1e-9));
  }

  @Test
  void specThreeDimensionalCases() {
    assertThat(
            EarthMoversDistance.exact(
                pts(new double[][] {{0, 0, 0}, {1, 0, 0}}, .5, .5),
                pts(new double[][] {{0, 1, 0}, {1, 1, 0}}, .5, .5)))
        .isCloseTo(1, within(1e-12));
    assertThat(
            EarthMoversDistance.exact(
                pts(new double[][] {{0, 0, 0}, {2, 0, 0}}, .5, .5),
                pts(new double[][] {{1, 0, 0}}, 1)))
        .isCloseTo(1, within(1e-12));
    assertThat(
            EarthMoversDistance.exact(
                pts(new double[][] {{0, 0, 0}, {0, 0, 3}, {4, 0, 0}}, .5, .25, .25),
                pts(new double[][] {{0, 0, 0}, {4, 0, 3}}, .25, .75)))
        .isCloseTo(3.0, within(1e-12));
  }

  @Test
  void partialFlowNormalisesByTheSmallerTotal() {
    // Rubner: all of P (total 1) moves to the nearest part of Q (total 3)
    double emd =
        EarthMoversDistance.exact(
            pts(new double[][] {{0, 0, 0}}, 1), pts(new double[][] {{1, 0, 0}, {5, 0, 0}}, 1, 2));
    assertThat(emd).isCloseTo(1, within(1e-12));
    assertThat(
            EarthMoversDistance.exact(
                pts(new double[][] {{0, 0, 0}}, 0), pts(new double[][] {{1, 0, 0}}, 1)))
        .isZero();
  }

  @RepeatedTest(60)
  void randomInstancesMatchAnIndependentMinCostFlowSolver(RepetitionInfo info) {
    Random rnd = new Random(77 + info.getCurrentRepetition());
    int m = 1 + rnd.nextInt(6);
    int n = 1 + rnd.nextInt(6);
    double[] p = randomWeights(rnd, m, info.getCurrentRepetition() % 3 != 0);
    double[] q = randomWeights(rnd, n, info.getCurrentRepetition() % 3 != 0);
    if (info.getCurrentRepetition() % 3 == 0) {
      // unequal totals: partial flow
      for (int j = 0; j < n; j++) {
        q[j] *= 1.7;
      }
    }
    double[] c = new double[m * n];
    for (int i = 0; i < c.length; i++) {
      // integer costs sometimes, to provoke ties and degenerate pivots
      c[i] = info.getCurrentRepetition() % 2 == 0 ? rnd.nextInt(4) : rnd.nextDouble() * 10;
    }
    TransportSolver.Plan plan = TransportSolver.solve(p, q, c);
    double expected = SuccessiveShortestPaths.minCost(p, q, c);
    assertThat(plan.cost()).isCloseTo(expected, within(1e-9));
    // the flow is feasible
    double total = 0;
    for (int i = 0; i < m; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        assertThat(plan.flow()[i * n + j]).isGreaterThanOrEqualTo(0);
        row += plan.flow()[i * n + j];
      }
      assertThat(row).isLessThanOrEqualTo(p[i] + 1e-12);
      total += row;
    }
    assertThat(total).isCloseTo(Math.min(sum(p), sum(q)), within(1e-9));
  }

  @RepeatedTest(20)
  void metricPropertiesOnRandomPointSets(RepetitionInfo info) {
    Random rnd = new Random(5 + info.getCurrentRepetition());
    WeightedPoints a = randomPoints(rnd, 1 + rnd.nextInt(30));
    WeightedPoints b = randomPoints(rnd, 1 + rnd.nextInt(30));
    WeightedPoints c = randomPoints(rnd, 1 + rnd.nextInt(30));
    double ab = EarthMoversDistance.exact(a, b);
    double ba = EarthMoversDistance.exact(b, a);
    double bc = EarthMoversDistance.exact(b, c);
    double ac = EarthMoversDistance.exact(a, c);
    assertThat(EarthMoversDistance.exact(a, a)).isCloseTo(0, within(1e-9));
    assertThat(ab).isCloseTo(ba, within(1e-9));
    assertThat(ac).isLessThanOrEqualTo(ab + bc + 1e-9);
  }

  @RepeatedTest(20)
  void collinearPointsAgreeWithTheOneDimensionalClosedForm(RepetitionInfo info) {
    Random rnd = new Random(900 + info.getCurrentRepetition());
    int n = 2 + rnd.nextInt(40);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 2.5 + (i > 0 ? rnd.nextDouble() : 0);
    }
    double[] p = randomWeights(rnd, n, true);
    double[] q = randomWeights(rnd, n, true);
    // along a random direction in 3-D
    double[] dir = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
    double norm = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
    double[][] xyz = new double[n][3];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < 3; d++) {
        xyz[i][d] = 7 + x[i] * dir[d] / norm;
      }
    }
    double closed = EarthMoversDistance.oneDimensional(x, p, q);
    assertThat(EarthMoversDistance.exact(pts(xyz, p), pts(xyz, q))).isCloseTo(closed, within(1e-9));
  }

  @Test
  void largeStsLikeInstancesSolveExactlyAndQuickly() {
    Random rnd = new Random(3);
    double[] a = new double[StsBins.SIZE];
    double[] b = new double[StsBins.SIZE];
    for (int i = 0; i < 400; i++) {
      a[rnd.nextInt(StsBins.SIZE)] += rnd.nextDouble();
      b[rnd.nextInt(StsBins.SIZE)] += rnd.nextDouble();
    }
    normalise(a);
    normalise(b);
    long t0 = System.nanoTime();
    double ab = EarthMoversDistance.stsMm(a, b);
    double ms = (System.nanoTime() - t0) / 1e6;
    assertThat(ab).isGreaterThan(0);
    assertThat(EarthMoversDistance.stsMm(a, a)).isCloseTo(0, within(1e-9));
    assertThat(EarthMoversDistance.stsMm(b, a)).isCloseTo(ab, within(1e-7));
    assertThat(ms).isLessThan(5000);
  }

  static void normalise(double[] a) {
    double s = sum(a);
    for (int i = 0; i < a.length; i++) {
      a[i] /= s;
    }
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  static double[] randomWeights(Random rnd, int n, boolean normalised) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble();
    }
    if (sum(w) == 0) {
      w[0] = 1;
    }
    if (normalised) {
      normalise(w);
    }
    return w;
  }

  static WeightedPoints randomPoints(Random rnd, int n) {
    double[] xyz = new double[3 * n];
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] = rnd.nextDouble() * 100 - 50;
    }
    return new WeightedPoints(xyz, randomWeights(rnd, n, true));
  }

  /**
   * Independent exact solver: min-cost flow by successive shortest paths (Bellman–Ford on the
   * residual graph) from a source through rows and columns to a sink, pushing min(Σp, Σq).
   */
  static final class SuccessiveShortestPaths {
    static double minCost(double[] p, double[] q, double[] c) {
      int m = p.length;
      int n = q.length;
      int nodes = m + n + 2;
      int s = m + n;
      int t = s + 1;
      double[][] cap = new double[nodes][nodes];
      double[][] cost = new double[nodes][nodes];
      for (int i = 0; i < m; i++) {
        cap[s][i] = p[i];
        for (int j = 0; j < n; j++) {
          cap[i][m + j] = Double.POSITIVE_INFINITY;
          cost[i][m + j] = c[i * n + j];
          cost[m + j][i] = -c[i * n + j];
        }
      }
      for (int j = 0; j < n; j++) {
        cap[m + j][t] = q[j];
      }
      double need = Math.min(sum(p), sum(q));
      double total = 0;
      while (need > 1e-13) {
        double[] dist = new double[nodes];
        int[] prev = new int[nodes];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(prev, -1);
        dist[s] = 0;
        for (int it = 0; it < nodes; it++) {
          boolean changed = false;
          for (int u = 0; u < nodes; u++) {
            if (dist[u] == Double.POSITIVE_INFINITY) {
              continue;
            }
            for (int v = 0; v < nodes; v++) {
              if (cap[u][v] > 1e-15 && dist[u] + cost[u][v] < dist[v] - 1e-12) {
                dist[v] = dist[u] + cost[u][v];
                prev[v] = u;
                changed = true;
              }
            }
          }
          if (!changed) {
            break;
          }
        }
        if (prev[t] < 0) {
          break;
        }
        double f = need;
        for (int v = t; v != s; v = prev[v]) {
          f = Math.min(f, cap[prev[v]][v]);
        }
        for (int v = t; v != s; v = prev[v]) {
          int u = prev[v];
          cap[u][v] -= f;
          cap[v][u] += f;
          total += f * cost[u][v];
        }
        need -= f;
      }
      return total;
    }
  }
}

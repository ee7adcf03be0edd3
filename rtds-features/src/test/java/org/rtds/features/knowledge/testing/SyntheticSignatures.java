package org.rtds.features.knowledge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.sts.StsBins;

/**
 * Synthetic OVH/STS signatures for the index tests and the similarity benchmark. Values are rounded
 * to the stored 6 significant digits (as the {@code ovh}/{@code sts} columns hold them).
 */
public final class SyntheticSignatures {
  private static final double[] GRID = OvhOptions.DEFAULT.gridMm();

  /** A study: key, target dose (Gy) and pairs. */
  public record Study(String key, double targetDoseGy, Map<PairKey, PairSignature> pairs) {}

  /** Per-pair template of the realistic generator: where the organ usually lies. */
  private record Template(double d0, double width, double eps, double phi, double rho) {}

  private final Random rnd;
  private final List<PairKey> keys = new ArrayList<>();
  private final List<Template> templates = new ArrayList<>();
  private final double missing;

  /**
   * @param seed random seed
   * @param levels target levels (e.g. PTV_All, PTV_High)
   * @param organs organ count (OAR_00…)
   * @param missing probability that a study lacks a pair
   */
  public SyntheticSignatures(long seed, List<String> levels, int organs, double missing) {
    this.rnd = new Random(seed);
    this.missing = missing;
    for (String level : levels) {
      for (int o = 0; o < organs; o++) {
        keys.add(new PairKey(level, String.format("OAR_%02d", o)));
        templates.add(
            new Template(
                -10 + 60 * rnd.nextDouble(),
                20 + 70 * rnd.nextDouble(),
                -60 + 120 * rnd.nextDouble(),
                -180 + 360 * rnd.nextDouble(),
                30 + 120 * rnd.nextDouble()));
      }
    }
  }

  /**
   * @return the pair keys
   */
  public List<PairKey> keys() {
    return keys;
  }

  /**
   * A realistic study: each OVH a smooth CDF rising from a jittered start distance over a jittered
   * width; each STS 400 PTV samples around a jittered direction and distance, binned (typically
   * 20–100 non-empty bins).
   *
   * @param key study key
   * @return the study
   */
  public Study realistic(String key) {
    Map<PairKey, PairSignature> pairs = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (rnd.nextDouble() < missing) {
        continue;
      }
      Template t = templates.get(i);
      double d0 = t.d0 + 8 * rnd.nextGaussian();
      double width = Math.max(8, t.width * (1 + 0.2 * rnd.nextGaussian()));
      double shape = 0.7 + 0.8 * rnd.nextDouble();
      double[] f = new double[GRID.length];
      for (int k = 0; k < f.length; k++) {
        double x = Math.min(1, Math.max(0, (GRID[k] - d0) / width));
        f[k] = Math.pow(x * x * (3 - 2 * x), shape);
      }
      f[f.length - 1] = 1;
      double eps = t.eps + 10 * rnd.nextGaussian();
      double phi = t.phi + 15 * rnd.nextGaussian();
      double rho = Math.max(5, t.rho + 15 * rnd.nextGaussian());
      double se = 8 + 10 * rnd.nextDouble();
      double sp = 12 + 20 * rnd.nextDouble();
      double sr = 10 + 20 * rnd.nextDouble();
      double[] a = new double[StsBins.SIZE];
      int m = 400;
      for (int s = 0; s < m; s++) {
        double e = Math.max(-90, Math.min(90, eps + se * rnd.nextGaussian()));
        double p = phi + sp * rnd.nextGaussian();
        p = p - 360 * Math.floor((p + 180) / 360);
        double r = Math.abs(rho + sr * rnd.nextGaussian());
        a[StsBins.index(StsBins.elevationBin(e), StsBins.distanceBin(r), StsBins.azimuthBin(p))] +=
            1.0 / m;
      }
      pairs.put(keys.get(i), signature(f, a));
    }
    return new Study(key, 60 + 10 * rnd.nextInt(2) + 2 * rnd.nextGaussian(), pairs);
  }

  /**
   * A random study for the exactness tests: random monotone OVHs (often with leading 0 and trailing
   * 1 runs), random sparse STS (1–25 bins, anywhere), random masses of 1 ± 10⁻³ at times, random
   * prescriptions (some beyond the 5 Gy filter).
   *
   * @param key study key
   * @return the study
   */
  public Study random(String key) {
    Map<PairKey, PairSignature> pairs = new TreeMap<>();
    for (PairKey k : keys) {
      if (rnd.nextDouble() < missing) {
        continue;
      }
      double[] f = new double[GRID.length];
      int start = rnd.nextInt(GRID.length);
      int end = start + rnd.nextInt(GRID.length - start);
      double v = 0;
      for (int i = 0; i < f.length; i++) {
        if (i >= start && i < end) {
          v += rnd.nextDouble();
        }
        f[i] = v;
      }
      for (int i = 0; i < f.length; i++) {
        f[i] = i >= end || v == 0 ? 1 : f[i] / v * (rnd.nextInt(4) == 0 ? 0.999 : 1);
      }
      for (int i = 1; i < f.length; i++) {
        f[i] = Math.max(f[i], f[i - 1]);
      }
      f[f.length - 1] = 1;
      double[] a = new double[StsBins.SIZE];
      int n = 1 + rnd.nextInt(25);
      int centre = rnd.nextInt(StsBins.SIZE);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int b =
            rnd.nextBoolean()
                ? rnd.nextInt(StsBins.SIZE)
                : Math.floorMod(centre + rnd.nextInt(21) - 10, StsBins.SIZE);
        double w = rnd.nextDouble();
        a[b] += w;
        sum += w;
      }
      double mass = rnd.nextInt(3) == 0 ? 1 + (rnd.nextDouble() - 0.5) * 2e-3 : 1;
      for (int i = 0; i < a.length; i++) {
        a[i] = a[i] / sum * mass;
      }
      pairs.put(k, signature(f, a));
    }
    return new Study(key, 60 + 12 * rnd.nextDouble(), pairs);
  }

  /**
   * @param ovh OVH fractions on the default grid
   * @param sts STS amounts
   * @return the signature with both rounded to 6 significant digits (the stored precision)
   */
  public static PairSignature signature(double[] ovh, double[] sts) {
    double[] f = new double[ovh.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = round6(ovh[i]);
      if (i > 0) {
        f[i] = Math.max(f[i], f[i - 1]);
      }
    }
    f[f.length - 1] = 1;
    double[] a = new double[sts.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = round6(sts[i]);
    }
    return new PairSignature(new OvhCurve(GRID.clone(), f), a);
  }

  /**
   * @param v a value in [0, 1]
   * @return v rounded to 6 significant digits, the double {@link NumberLists#parse} reads back from
   *     the stored text (m / 10^j is correctly rounded, as parsing is)
   */
  public static double round6(double v) {
    if (v == 0 || v == 1) {
      return v;
    }
    int j = 5 - (int) Math.floor(Math.log10(v));
    if (j < 0 || j > 22) {
      return NumberLists.parse(NumberLists.join(new double[] {v}, 6), "value")[0];
    }
    double scale = POW10[j];
    return Math.rint(v * scale) / scale;
  }

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /**
   * @return the random source (to draw further choices reproducibly)
   */
  public Random random() {
    return rnd;
  }
}

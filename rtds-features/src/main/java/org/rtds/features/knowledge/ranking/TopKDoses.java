package org.rtds.features.knowledge.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What the k most similar plans achieved for one OAR (spec §3.6): median and minimum of Dmean, D50
 * and D0.03cc over the top-k ranked plans, with the plans used as evidence. Stateless.
 */
public final class TopKDoses {
  /** Default k. */
  public static final int DEFAULT_K = 5;

  /** The rule's name, shown with its numbers. */
  public static final String RULE = "median and minimum over the k most similar plans (spec 3.6)";

  private TopKDoses() {}

  /**
   * One ranked plan's OAR doses (NaN = not available).
   *
   * @param studyKey the plan's study key
   * @param dmeanGy mean dose (Gy)
   * @param d50Gy D50 (Gy)
   * @param d003ccGy D0.03cc (Gy)
   */
  public record PlanDoses(String studyKey, double dmeanGy, double d50Gy, double d003ccGy) {}

  /**
   * One metric's summary.
   *
   * @param metric "Dmean", "D50" or "D0.03cc"
   * @param medianGy median over the plans with a value (Gy; mean of the two middle values for an
   *     even count); NaN when none
   * @param minimumGy minimum (Gy); NaN when none
   * @param minimumStudyKey the plan with the minimum
   * @param studyKeys the plans with a value (evidence)
   */
  public record Summary(
      String metric,
      double medianGy,
      double minimumGy,
      String minimumStudyKey,
      List<String> studyKeys) {}

  /**
   * The summaries.
   *
   * @param k the k used
   * @param dmean Dmean summary
   * @param d50 D50 summary
   * @param d003cc D0.03cc summary
   * @param rule {@link #RULE}
   */
  public record Result(int k, Summary dmean, Summary d50, Summary d003cc, String rule) {}

  /**
   * @param rankedBestFirst plans in rank order
   * @param k how many to use (≥ 1)
   * @return the summaries over the first k
   */
  public static Result summarise(List<PlanDoses> rankedBestFirst, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be ≥ 1");
    }
    List<PlanDoses> top = rankedBestFirst.subList(0, Math.min(k, rankedBestFirst.size()));
    return new Result(
        k,
        summary("Dmean", top, PlanDoses::dmeanGy),
        summary("D50", top, PlanDoses::d50Gy),
        summary("D0.03cc", top, PlanDoses::d003ccGy),
        RULE);
  }

  private static Summary summary(String name, List<PlanDoses> top, ToDoubleFunction<PlanDoses> f) {
    List<String> keys = new ArrayList<>();
    double[] v = new double[top.size()];
    int n = 0;
    double min = Double.NaN;
    String minKey = null;
    for (PlanDoses p : top) {
      double x = f.applyAsDouble(p);
      if (!Double.isFinite(x)) {
        continue;
      }
      keys.add(p.studyKey());
      v[n++] = x;
      if (minKey == null || x < min) {
        min = x;
        minKey = p.studyKey();
      }
    }
    if (n == 0) {
      return new Summary(name, Double.NaN, Double.NaN, null, keys);
    }
    double[] s = Arrays.copyOf(v, n);
    Arrays.sort(s);
    double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    return new Summary(name, median, min, minKey, keys);
  }
}

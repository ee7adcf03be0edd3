package org.rtds.features.knowledge.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "harder geometry, lower dose" rule (spec §1.6; Wu et al. 2009/2011) for one OAR and one dose
 * metric D_v (e.g. D50, or Dmean with v = 50 %): among candidate plans (already matched on OAR and
 * prescription), H = {p : r_v(p) ≤ r_v(q)} are those whose OAR lies at least as close to the PTV
 * (geometry at least as hard); the achievable dose is D̂ = min_{p∈H} D(p); the query is flagged
 * when D(q) &gt; D̂ + τ. Stateless and thread-safe.
 */
public final class AchievableDose {
  /** The rule's name, shown with its numbers. */
  public static final String RULE =
      "harder-geometry rule: min dose over plans with r_v <= query r_v (spec 1.6)";

  /** Default tolerance τ (Gy). */
  public static final double DEFAULT_TOLERANCE_GY = 3.0;

  private AchievableDose() {}

  /**
   * One candidate plan's OAR geometry and dose.
   *
   * @param studyKey the plan's study key
   * @param rvMm r_v of its OVH (mm)
   * @param doseGy its D_v (or Dmean) of the OAR (Gy)
   */
  public record PlanOarDose(String studyKey, double rvMm, double doseGy) {}

  /**
   * The outcome.
   *
   * @param metric the dose metric, e.g. "D50" or "Dmean"
   * @param queryRvMm r_v of the query (mm)
   * @param queryDoseGy the query's dose (Gy)
   * @param toleranceGy τ (Gy)
   * @param harderGeometry keys of H, by ascending dose then key (the evidence)
   * @param achievableGy D̂ (Gy); NaN when H is empty
   * @param evidenceStudyKey the plan achieving D̂ (null when H is empty)
   * @param flagged true when D(q) &gt; D̂ + τ
   * @param excessGy D(q) − D̂ (Gy); NaN when H is empty
   * @param rule {@link #RULE}
   */
  public record Check(
      String metric,
      double queryRvMm,
      double queryDoseGy,
      double toleranceGy,
      List<String> harderGeometry,
      double achievableGy,
      String evidenceStudyKey,
      boolean flagged,
      double excessGy,
      String rule) {

    /**
     * Copies the list.
     *
     * @param metric metric
     * @param queryRvMm r_v (mm)
     * @param queryDoseGy dose (Gy)
     * @param toleranceGy τ (Gy)
     * @param harderGeometry H
     * @param achievableGy D̂ (Gy)
     * @param evidenceStudyKey argmin
     * @param flagged flag
     * @param excessGy excess (Gy)
     * @param rule rule text
     */
    public Check {
      harderGeometry = List.copyOf(harderGeometry);
    }

    /**
     * @return a one-line explanation
     */
    public String explanation() {
      if (evidenceStudyKey == null) {
        return String.format(
            Locale.ROOT,
            "%s: no comparable plan with harder-or-equal geometry (query r50 %.1f mm); no achievable"
                + " dose",
            metric,
            queryRvMm);
      }
      return String.format(
          Locale.ROOT,
          "%s %.2f Gy vs achievable %.2f Gy (plan %s, %d plans with harder-or-equal geometry, query"
              + " r50 %.1f mm), tolerance %.1f Gy: %s",
          metric,
          queryDoseGy,
          achievableGy,
          evidenceStudyKey,
          harderGeometry.size(),
          queryRvMm,
          toleranceGy,
          flagged ? "flagged" : "ok");
    }
  }

  /**
   * @param metric the metric name (e.g. "D50")
   * @param queryRvMm r_v of the query's OAR (mm)
   * @param queryDoseGy the query's dose (Gy)
   * @param candidates candidate plans
   * @param toleranceGy τ ≥ 0 (Gy)
   * @return the check
   */
  public static Check check(
      String metric,
      double queryRvMm,
      double queryDoseGy,
      List<PlanOarDose> candidates,
      double toleranceGy) {
    if (!(toleranceGy >= 0)) {
      throw new IllegalArgumentException("tolerance must be ≥ 0 Gy");
    }
    List<PlanOarDose> h = new ArrayList<>();
    for (PlanOarDose p : candidates) {
      if (p.rvMm() <= queryRvMm && Double.isFinite(p.doseGy())) {
        h.add(p);
      }
    }
    h.sort(Comparator.comparingDouble(PlanOarDose::doseGy).thenComparing(PlanOarDose::studyKey));
    List<String> keys = h.stream().map(PlanOarDose::studyKey).toList();
    if (h.isEmpty()) {
      return new Check(
          metric,
          queryRvMm,
          queryDoseGy,
          toleranceGy,
          keys,
          Double.NaN,
          null,
          false,
          Double.NaN,
          RULE);
    }
    PlanOarDose best = h.get(0);
    double excess = queryDoseGy - best.doseGy();
    return new Check(
        metric,
        queryRvMm,
        queryDoseGy,
        toleranceGy,
        keys,
        best.doseGy(),
        best.studyKey(),
        excess > toleranceGy,
        excess,
        RULE);
  }
}

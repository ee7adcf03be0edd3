package org.rtds.features.knowledge.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * The achievable-dose review of one organ at risk of a query plan (spec §1.6 and §3.6): the
 * harder-geometry rule ({@link AchievableDose}, on D50 with r50 by default) over every comparable
 * plan that has the organ, and what the k most similar plans achieved ({@link TopKDoses}). The
 * query is flagged by the harder-geometry rule only; the top-k numbers are shown beside it, each
 * with the rule that produced it. Stateless.
 */
public final class OarReview {

  /** The metric the harder-geometry rule flags on. */
  public static final String METRIC = "D50%";

  private OarReview() {}

  /**
   * One plan's organ: its geometry relative to the targets and the doses its plan achieved.
   *
   * @param studyKey the plan's study key
   * @param r50Mm r50 of the organ's OVH (mm; exact, relative to the union of the targets)
   * @param dmeanGy mean dose (Gy; NaN when unknown)
   * @param d50Gy D50%, the dose to half the organ (Gy; NaN when unknown)
   * @param d003ccGy D0.03cc (Gy; NaN when unknown)
   */
  public record OarPlan(
      String studyKey, double r50Mm, double dmeanGy, double d50Gy, double d003ccGy) {

    TopKDoses.PlanDoses doses() {
      return new TopKDoses.PlanDoses(studyKey, dmeanGy, d50Gy, d003ccGy);
    }
  }

  /**
   * The review.
   *
   * @param oar the organ's TG-263 name
   * @param query the query's organ
   * @param candidates how many comparable plans have the organ
   * @param achievable the harder-geometry check on {@link #METRIC} (the flag)
   * @param topK median and minimum over the k most similar plans for this organ
   */
  public record Result(
      String oar,
      OarPlan query,
      int candidates,
      AchievableDose.Check achievable,
      TopKDoses.Result topK) {

    /**
     * @return whether the harder-geometry rule flags the organ
     */
    public boolean flagged() {
      return achievable.flagged();
    }
  }

  /**
   * @param oar the organ's TG-263 name
   * @param query the query plan's organ (its D50 must be finite to be checked)
   * @param rankedCandidates the comparable plans with this organ, most similar first (for this
   *     organ)
   * @param toleranceGy τ (Gy, ≥ 0)
   * @param k how many of the most similar plans the top-k summary uses (≥ 1)
   * @return the review
   */
  public static Result review(
      String oar, OarPlan query, List<OarPlan> rankedCandidates, double toleranceGy, int k) {
    List<AchievableDose.PlanOarDose> plans = new ArrayList<>(rankedCandidates.size());
    List<TopKDoses.PlanDoses> doses = new ArrayList<>(rankedCandidates.size());
    for (OarPlan p : rankedCandidates) {
      plans.add(new AchievableDose.PlanOarDose(p.studyKey(), p.r50Mm(), p.d50Gy()));
      doses.add(p.doses());
    }
    return new Result(
        oar,
        query,
        rankedCandidates.size(),
        AchievableDose.check(METRIC, query.r50Mm(), query.d50Gy(), plans, toleranceGy),
        TopKDoses.summarise(doses, k));
  }
}

package org.rtds.features.knowledge.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The achievable-dose review of one organ at risk of a query plan (spec §1.6 and §3.6): the
 * harder-geometry rule ({@link AchievableDose} on D50) over the comparable plans whose organ lies
 * at least as close to the targets, and what the k most similar plans achieved ({@link TopKDoses}).
 * The query is flagged by the harder-geometry rule only; the top-k numbers are shown beside it,
 * each with the rule that produced it. Stateless.
 *
 * <p><b>Harder-or-equal geometry.</b> The spec's form compares one value, r50 (of the OVH relative
 * to the targets). On head-and-neck plans with several dose levels that is not enough: an organ
 * inside the 56 Gy target is "closer" to the union of the targets than one 5 mm outside the 70 Gy
 * target, yet receives less dose; and r_v measured on 2–4 mm slices ties between organs whose doses
 * differ by several Gy. The default, {@link Geometry#WHOLE_OVH}, therefore counts a plan as at
 * least as hard only when it has the same target levels and, at every level (and for the union),
 * r_v(p) ≤ r_v(q) for every v = 5 %, 10 %, …, 100 %: its whole OVH lies at or left of the query's
 * (Wu et al. 2009's original notion). This is a subset of the spec's H, so D̂ can only be higher
 * and a flag only rarer: fewer false alarms at the price of fewer checked organs. {@link
 * Geometry#R50} is the spec's single-value form on the union, for comparison.
 */
public final class OarReview {

  /** The metric the harder-geometry rule flags on. */
  public static final String METRIC = "D50%";

  /** Index of r50 in the r_v arrays (v = 5 %, 10 %, …, 100 %). */
  public static final int R50 = 9;

  /** Which plans count as having a geometry at least as hard as the query's. */
  public enum Geometry {
    /** Same target levels; r_v(p) ≤ r_v(q) for every v and every level (the default). */
    WHOLE_OVH,
    /** r50(p) ≤ r50(q) relative to the union of the targets (spec §1.6 as written). */
    R50
  }

  private OarReview() {}

  /**
   * One plan's organ: its geometry relative to the targets and the doses its plan achieved.
   *
   * @param studyKey the plan's study key
   * @param rvMmByLevel r_v (mm, exact, v = 5 %, 10 %, …, 100 %: 20 values) of the organ's OVH per
   *     target level ({@code PTV_High}, {@code PTV_Mid}, {@code PTV_Low}, and the union {@code
   *     PTV_All}, which must be present)
   * @param unionLevel the key of the union in {@code rvMmByLevel}
   * @param dmeanGy mean dose (Gy; NaN when unknown)
   * @param d50Gy D50%, the dose to half the organ (Gy; NaN when unknown)
   * @param d003ccGy D0.03cc (Gy; NaN when unknown)
   */
  public record OarPlan(
      String studyKey,
      Map<String, double[]> rvMmByLevel,
      String unionLevel,
      double dmeanGy,
      double d50Gy,
      double d003ccGy) {

    /**
     * Validates and copies.
     *
     * @param studyKey key
     * @param rvMmByLevel r_v per level (mm)
     * @param unionLevel union key
     * @param dmeanGy Dmean (Gy)
     * @param d50Gy D50 (Gy)
     * @param d003ccGy D0.03cc (Gy)
     */
    public OarPlan {
      rvMmByLevel = Map.copyOf(rvMmByLevel);
      double[] union = rvMmByLevel.get(Objects.requireNonNull(unionLevel, "unionLevel"));
      if (union == null) {
        throw new IllegalArgumentException("no OVH of the organ relative to the union of targets");
      }
      for (double[] rv : rvMmByLevel.values()) {
        if (rv.length != 20) {
          throw new IllegalArgumentException("20 r_v values (r5 … r100) expected");
        }
      }
    }

    /**
     * @return r50 relative to the union of the targets (mm)
     */
    public double r50Mm() {
      return rvMmByLevel.get(unionLevel)[R50];
    }

    /**
     * @param query the query's organ
     * @param geometry the criterion
     * @return whether this plan's organ lies at least as close to the targets as the query's
     */
    public boolean atLeastAsHardAs(OarPlan query, Geometry geometry) {
      if (geometry == Geometry.R50) {
        return r50Mm() <= query.r50Mm();
      }
      if (!rvMmByLevel.keySet().equals(query.rvMmByLevel.keySet())) {
        return false;
      }
      for (Map.Entry<String, double[]> level : rvMmByLevel.entrySet()) {
        double[] mine = level.getValue();
        double[] theirs = query.rvMmByLevel.get(level.getKey());
        for (int i = 0; i < mine.length; i++) {
          if (!(mine[i] <= theirs[i])) {
            return false;
          }
        }
      }
      return true;
    }

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
   * @param geometry the harder-geometry criterion used
   * @param achievable the harder-geometry check on {@link #METRIC} (the flag); its evidence lists
   *     the plans of H
   * @param topK median and minimum over the k most similar plans for this organ
   */
  public record Result(
      String oar,
      OarPlan query,
      int candidates,
      Geometry geometry,
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
   * @param query the query plan's organ (its D50 must be finite to be flagged)
   * @param rankedCandidates the comparable plans with this organ, most similar first (for this
   *     organ)
   * @param geometry which plans count as at least as hard
   * @param toleranceGy τ (Gy, ≥ 0)
   * @param k how many of the most similar plans the top-k summary uses (≥ 1)
   * @return the review
   */
  public static Result review(
      String oar,
      OarPlan query,
      List<OarPlan> rankedCandidates,
      Geometry geometry,
      double toleranceGy,
      int k) {
    return review(
        oar, query, rankedCandidates, List.of(), rankedCandidates.size(), geometry, toleranceGy, k);
  }

  /**
   * The review when the most similar plans and the rest come separately (e.g. the top-k from a
   * similarity index, the rest from a scan): the same result as {@link #review(String, OarPlan,
   * List, Geometry, double, int)} on the ranked list followed by the others.
   *
   * @param oar the organ's TG-263 name
   * @param query the query plan's organ
   * @param mostSimilar comparable plans with this organ, most similar first; the top-k summary uses
   *     the first k
   * @param others further comparable plans (any order), counted for the harder-geometry rule only;
   *     those not at least as hard as the query may be left out
   * @param candidates how many comparable plans have the organ (for the result)
   * @param geometry which plans count as at least as hard
   * @param toleranceGy τ (Gy, ≥ 0)
   * @param k how many of the most similar plans the top-k summary uses (≥ 1)
   * @return the review
   */
  public static Result review(
      String oar,
      OarPlan query,
      List<OarPlan> mostSimilar,
      List<OarPlan> others,
      int candidates,
      Geometry geometry,
      double toleranceGy,
      int k) {
    List<AchievableDose.PlanOarDose> harder = new ArrayList<>();
    List<TopKDoses.PlanDoses> doses = new ArrayList<>(mostSimilar.size());
    for (OarPlan p : mostSimilar) {
      if (p.atLeastAsHardAs(query, geometry)) {
        harder.add(new AchievableDose.PlanOarDose(p.studyKey(), p.r50Mm(), p.d50Gy()));
      }
      doses.add(p.doses());
    }
    for (OarPlan p : others) {
      if (p.atLeastAsHardAs(query, geometry)) {
        harder.add(new AchievableDose.PlanOarDose(p.studyKey(), p.r50Mm(), p.d50Gy()));
      }
    }
    return new Result(
        oar,
        query,
        candidates,
        geometry,
        AchievableDose.check(METRIC, query.r50Mm(), query.d50Gy(), harder, toleranceGy),
        TopKDoses.summarise(doses, k));
  }
}

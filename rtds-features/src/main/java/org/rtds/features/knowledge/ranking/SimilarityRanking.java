package org.rtds.features.knowledge.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rtds.features.knowledge.emd.EarthMoversDistance;

/**
 * Ranks historical studies by geometric similarity to the query (spec §3.5, recommended). See
 * {@link SimilarityWeights} for the score. Only pairs present in both studies count; a candidate
 * without any common pair, or with |TDdiff| above the filter, is excluded with a reason. Ties are
 * broken by study key (ascending), so the order is deterministic. Stateless and thread-safe.
 */
public final class SimilarityRanking {
  private SimilarityRanking() {}

  /**
   * Compares the stored geometry of two studies: EMD_OVH and EMD_STS for every pair present in
   * both.
   *
   * @param studyKey the historical study's key
   * @param queryTargetDoseGy TD of the query (Gy)
   * @param historicalTargetDoseGy TD of the historical study (Gy)
   * @param query the query's pairs
   * @param historical the historical study's pairs
   * @return the comparison (pairs in key order)
   */
  public static CandidateComparison compare(
      String studyKey,
      double queryTargetDoseGy,
      double historicalTargetDoseGy,
      Map<PairKey, PairSignature> query,
      Map<PairKey, PairSignature> historical) {
    List<CandidateComparison.PairComparison> pairs = new ArrayList<>();
    for (Map.Entry<PairKey, PairSignature> e : new TreeMap<>(query).entrySet()) {
      PairSignature h = historical.get(e.getKey());
      if (h == null) {
        continue;
      }
      PairSignature q = e.getValue();
      pairs.add(
          new CandidateComparison.PairComparison(
              e.getKey(),
              EarthMoversDistance.ovhMm(q.ovh(), h.ovh()),
              EarthMoversDistance.stsMm(q.stsAmounts(), h.stsAmounts())));
    }
    return new CandidateComparison(studyKey, queryTargetDoseGy - historicalTargetDoseGy, pairs);
  }

  /**
   * @param candidates the compared historical studies
   * @param weights weights, scales and the target dose filter
   * @return ranked and excluded candidates
   */
  public static Ranking rank(List<CandidateComparison> candidates, SimilarityWeights weights) {
    List<RankedCandidate> scored = new ArrayList<>();
    List<Ranking.Excluded> excluded = new ArrayList<>();
    double so = weights.ovhScaleMm();
    double ss = weights.stsScaleMm();
    if (weights.scales() == SimilarityWeights.Scales.CANDIDATE_MEDIAN) {
      List<Double> o = new ArrayList<>();
      List<Double> st = new ArrayList<>();
      for (CandidateComparison c : candidates) {
        if (Math.abs(c.targetDoseDifferenceGy()) <= weights.maxTargetDoseDifferenceGy()) {
          for (CandidateComparison.PairComparison p : c.pairs()) {
            o.add(p.ovhEmdMm());
            st.add(p.stsEmdMm());
          }
        }
      }
      so = medianOr(o, so);
      ss = medianOr(st, ss);
    }
    for (CandidateComparison c : candidates) {
      double td = Math.abs(c.targetDoseDifferenceGy());
      if (Double.isNaN(td)) {
        excluded.add(
            new Ranking.Excluded(c.studyKey(), "prescription unknown: no target dose difference"));
        continue;
      }
      if (!(td <= weights.maxTargetDoseDifferenceGy())) {
        excluded.add(
            new Ranking.Excluded(
                c.studyKey(),
                String.format(
                    Locale.ROOT,
                    "|target dose difference| %.2f Gy > %.2f Gy",
                    td,
                    weights.maxTargetDoseDifferenceGy())));
        continue;
      }
      double sw = 0;
      double s = 0;
      List<RankedCandidate.ScoredPair> terms = new ArrayList<>();
      for (CandidateComparison.PairComparison p : c.pairs()) {
        double wk = weights.oarWeight(p.key().oarName());
        double o = p.ovhEmdMm() / so;
        double st = p.stsEmdMm() / ss;
        terms.add(new RankedCandidate.ScoredPair(p.key(), p.ovhEmdMm(), p.stsEmdMm(), o, st, wk));
        sw += wk;
        s += wk * (weights.ovhWeight() * o + weights.stsWeight() * st);
      }
      if (terms.isEmpty() || !(sw > 0)) {
        excluded.add(new Ranking.Excluded(c.studyKey(), "no (PTV, OAR) pair in common"));
        continue;
      }
      double score = s / sw + weights.targetDoseWeight() * td / weights.targetDoseScaleGy();
      scored.add(new RankedCandidate(0, c.studyKey(), score, c.targetDoseDifferenceGy(), terms));
    }
    scored.sort(
        Comparator.comparingDouble(RankedCandidate::score)
            .thenComparing(RankedCandidate::studyKey));
    List<RankedCandidate> ranked = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      RankedCandidate r = scored.get(i);
      ranked.add(
          new RankedCandidate(
              i + 1, r.studyKey(), r.score(), r.targetDoseDifferenceGy(), r.pairs()));
    }
    return new Ranking(ranked, excluded);
  }

  private static double medianOr(List<Double> values, double fallback) {
    if (values.isEmpty()) {
      return fallback;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    double m = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return m > 0 ? m : fallback;
  }
}

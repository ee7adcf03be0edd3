package org.rtds.features.knowledge.ranking;

import java.util.List;

/**
 * A ranked historical study.
 *
 * @param rank 1 = most similar
 * @param studyKey the study's key
 * @param score the score of {@link SimilarityWeights} (dimensionless, lower = more similar)
 * @param targetDoseDifferenceGy TDdiff = TD_query − TD_historical (Gy)
 * @param pairs per-pair terms (for "most similar for parotid L" views)
 */
public record RankedCandidate(
    int rank,
    String studyKey,
    double score,
    double targetDoseDifferenceGy,
    List<ScoredPair> pairs) {

  /**
   * Copies the list.
   *
   * @param rank rank
   * @param studyKey key
   * @param score score
   * @param targetDoseDifferenceGy TDdiff (Gy)
   * @param pairs per-pair terms
   */
  public RankedCandidate {
    pairs = List.copyOf(pairs);
  }

  /**
   * One pair's contribution.
   *
   * @param key the pair
   * @param ovhEmdMm EMD_OVH (mm)
   * @param stsEmdMm EMD_STS (mm)
   * @param ovhNormalised ô = EMD_OVH / s_o
   * @param stsNormalised ŝ = EMD_STS / s_s
   * @param weight w_k
   */
  public record ScoredPair(
      PairKey key,
      double ovhEmdMm,
      double stsEmdMm,
      double ovhNormalised,
      double stsNormalised,
      double weight) {}
}

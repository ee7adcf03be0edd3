package org.rtds.features.knowledge.ranking;

import java.util.List;

/**
 * A historical study compared with the query.
 *
 * @param studyKey the historical study's key (also the deterministic tie-breaker)
 * @param targetDoseDifferenceGy TDdiff = TD_query − TD_historical (Gy), from the prescriptions
 * @param pairs the pairs present in both studies, with their EMDs
 */
public record CandidateComparison(
    String studyKey, double targetDoseDifferenceGy, List<PairComparison> pairs) {

  /**
   * Copies the list.
   *
   * @param studyKey the historical study's key
   * @param targetDoseDifferenceGy TDdiff (Gy)
   * @param pairs the matched pairs
   */
  public CandidateComparison {
    pairs = List.copyOf(pairs);
  }

  /**
   * One matched pair.
   *
   * @param key the pair
   * @param ovhEmdMm EMD between the OVHs (mm)
   * @param stsEmdMm EMD between the STSs (mm)
   */
  public record PairComparison(PairKey key, double ovhEmdMm, double stsEmdMm) {}
}

package org.rtds.features.knowledge.ranking;

import java.util.List;

/**
 * Result of {@link SimilarityRanking#rank}.
 *
 * @param ranked candidates that passed the filters, best (lowest score) first
 * @param excluded candidates left out, with the reason
 */
public record Ranking(List<RankedCandidate> ranked, List<Excluded> excluded) {

  /**
   * Copies the lists.
   *
   * @param ranked ranked candidates
   * @param excluded excluded candidates
   */
  public Ranking {
    ranked = List.copyOf(ranked);
    excluded = List.copyOf(excluded);
  }

  /**
   * A candidate that was not ranked.
   *
   * @param studyKey its key
   * @param reason why (target dose difference, no common OAR, …)
   */
  public record Excluded(String studyKey, String reason) {}
}

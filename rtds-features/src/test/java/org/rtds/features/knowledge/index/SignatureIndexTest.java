package org.rtds.features.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtds.features.knowledge.emd.EarthMoversDistance;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.RankedCandidate;
import org.rtds.features.knowledge.ranking.Ranking;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.testing.SyntheticSignatures;
import org.rtds.features.knowledge.testing.SyntheticSignatures.Study;

/** The index's top-k against the full scan (compare + rank), updates, and the lower bounds. */
class SignatureIndexTest {
  private static final List<String> LEVELS = List.of("PTV_All", "PTV_High", "PTV_Low");

  /** The cohort as the full scan sees it. */
  private static final class Cohort {
    final Map<String, Study> studies = new LinkedHashMap<>();
    final SignatureIndex index;

    Cohort() {
      this(2);
    }

    Cohort(int threads) {
      index = new SignatureIndex(threads);
    }

    void put(Study s) {
      studies.put(s.key(), s);
      index.put(s.key(), s.targetDoseGy(), s.pairs());
    }

    void remove(String key) {
      studies.remove(key);
      assertThat(index.remove(key)).isTrue();
    }

    Ranking fullScan(Study q, SimilarityWeights w, Set<String> organs) {
      Map<PairKey, PairSignature> query = filter(q.pairs(), organs);
      List<CandidateComparison> all = new ArrayList<>();
      for (Study h : studies.values()) {
        all.add(
            SimilarityRanking.compare(
                h.key(), q.targetDoseGy(), h.targetDoseGy(), query, h.pairs()));
      }
      return SimilarityRanking.rank(all, w);
    }

    Map<String, CandidateComparison> comparisons(Study q, Set<String> organs) {
      Map<String, CandidateComparison> m = new HashMap<>();
      for (Study h : studies.values()) {
        m.put(
            h.key(),
            SimilarityRanking.compare(
                h.key(), q.targetDoseGy(), h.targetDoseGy(), filter(q.pairs(), organs), h.pairs()));
      }
      return m;
    }

    SignatureIndex.Result check(Study q, SimilarityWeights w, int k, Set<String> organs) {
      Ranking full = fullScan(q, w, organs);
      SignatureIndex.Result r = index.query(q.pairs(), q.targetDoseGy(), w, k, organs);
      List<RankedCandidate> expected = full.ranked().subList(0, Math.min(k, full.ranked().size()));
      List<RankedCandidate> actual = r.ranking().ranked();
      assertThat(actual)
          .extracting(RankedCandidate::studyKey)
          .containsExactlyElementsOf(expected.stream().map(RankedCandidate::studyKey).toList());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).rank()).isEqualTo(expected.get(i).rank());
        assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-9));
        assertThat(actual.get(i).pairs()).isEqualTo(expected.get(i).pairs());
      }
      Map<String, CandidateComparison> comps = comparisons(q, organs);
      for (CandidateComparison c : r.topK()) {
        assertThat(c).isEqualTo(comps.get(c.studyKey()));
      }
      // counts over the studies with a common pair
      int withCommon = 0;
      int failingTd = 0;
      for (CandidateComparison cc : comps.values()) {
        if (!cc.pairs().isEmpty()) {
          withCommon++;
          if (!(Math.abs(cc.targetDoseDifferenceGy()) <= w.maxTargetDoseDifferenceGy())) {
            failingTd++;
          }
        }
      }
      assertThat(r.stats().excludedByTargetDose()).isEqualTo(failingTd);
      assertThat(r.stats().candidates()).isEqualTo(full.ranked().size());
      assertThat(r.stats().excludedNoWeight())
          .isEqualTo(withCommon - failingTd - full.ranked().size());
      assertThat(r.stats().pruned())
          .isEqualTo(r.stats().candidates() - r.stats().exactStsCandidates());
      return r;
    }
  }

  private static Map<PairKey, PairSignature> filter(
      Map<PairKey, PairSignature> pairs, Set<String> organs) {
    Map<PairKey, PairSignature> m = new TreeMap<>();
    pairs.forEach(
        (k, v) -> {
          if (organs == null || organs.contains(k.oarName())) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static Cohort randomCohort(SyntheticSignatures g, int n) {
    return randomCohort(g, n, 2);
  }

  private static Cohort randomCohort(SyntheticSignatures g, int n, int threads) {
    Cohort c = new Cohort(threads);
    List<Study> made = new ArrayList<>();
    Random rnd = g.random();
    for (int i = 0; i < n; i++) {
      Study s;
      if (i > 10 && rnd.nextInt(15) == 0) {
        // an exact duplicate under another key: ties decided by the key
        Study o = made.get(rnd.nextInt(made.size()));
        s = new Study(String.format("S%04d", rnd.nextInt(10_000)), o.targetDoseGy(), o.pairs());
      } else {
        s = g.random(String.format("S%04d", rnd.nextInt(10_000)));
      }
      made.add(s);
      c.put(s);
    }
    return c;
  }

  private static final SimilarityWeights OAR_WEIGHTS =
      new SimilarityWeights(
          0.4,
          0.5,
          0.1,
          8,
          15,
          4,
          6,
          Map.of("OAR_00", 3.0, "OAR_01", 0.0, "OAR_02", 0.5),
          1,
          SimilarityWeights.Scales.FIXED);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void topKEqualsTheFullScan(long seed) {
    SyntheticSignatures g = new SyntheticSignatures(seed, LEVELS, 4, 0.35);
    Cohort c = randomCohort(g, 250, 1 + (int) (seed % 3));
    int pruned = 0;
    for (int q = 0; q < 4; q++) {
      Study query = g.random("query");
      for (int k : new int[] {1, 3, 10, 400}) {
        c.check(query, SimilarityWeights.DEFAULT, k, null);
        c.check(query, OAR_WEIGHTS, k, null);
      }
      // a query equal to an indexed study: score 0 and its duplicates tie
      Study twin = c.studies.values().stream().skip(q * 7L).findFirst().orElseThrow();
      pruned +=
          c.check(
                  new Study("q", twin.targetDoseGy(), twin.pairs()),
                  SimilarityWeights.DEFAULT,
                  5,
                  null)
              .stats()
              .pruned();
    }
    assertThat(pruned).as("the bounds prune some candidates").isPositive();
  }

  @Test
  void organFilterEqualsTheFullScanOnThoseOrgans() {
    SyntheticSignatures g = new SyntheticSignatures(11, LEVELS, 5, 0.3);
    Cohort c = randomCohort(g, 200);
    for (int q = 0; q < 3; q++) {
      Study query = g.random("query");
      c.check(query, SimilarityWeights.DEFAULT, 5, Set.of("OAR_02"));
      c.check(query, SimilarityWeights.DEFAULT, 8, Set.of("OAR_00", "OAR_03"));
      c.check(query, OAR_WEIGHTS, 8, Set.of("OAR_01"));
      c.check(query, OAR_WEIGHTS, 8, Set.of("nothing"));
    }
  }

  @Test
  void addReplaceRemoveKeepItEqual() {
    SyntheticSignatures g = new SyntheticSignatures(21, LEVELS, 4, 0.3);
    Cohort c = randomCohort(g, 150);
    Random rnd = new Random(5);
    Study query = g.random("query");
    for (int round = 0; round < 4; round++) {
      List<String> keys = new ArrayList<>(c.studies.keySet());
      for (int i = 0; i < 25; i++) {
        String key = keys.get(rnd.nextInt(keys.size()));
        if (!c.studies.containsKey(key)) {
          continue;
        }
        switch (rnd.nextInt(3)) {
          case 0 -> c.remove(key);
          case 1 -> c.put(g.random(key)); // replace
          default -> c.put(g.random("N" + round + "-" + i)); // add
        }
      }
      assertThat(c.index.size()).isEqualTo(c.studies.size());
      c.check(query, SimilarityWeights.DEFAULT, 7, null);
      c.check(query, OAR_WEIGHTS, 3, Set.of("OAR_00", "OAR_01"));
    }
    assertThat(c.index.remove("absent")).isFalse();
    for (String key : new ArrayList<>(c.studies.keySet())) {
      c.remove(key);
    }
    assertThat(c.index.size()).isZero();
    assertThat(c.index.pairCount()).isZero();
    assertThat(c.index.query(query.pairs(), 60, SimilarityWeights.DEFAULT, 5, null).topK())
        .isEmpty();
  }

  @Test
  void anExcludedKeyIsNeverACandidateAndOtherwiseChangesNothing() {
    SyntheticSignatures g = new SyntheticSignatures(51, LEVELS, 4, 0.3);
    Cohort c = randomCohort(g, 120);
    for (Study self : c.studies.values().stream().limit(3).toList()) {
      SignatureIndex.Result excluded =
          c.index.query(
              self.pairs(), self.targetDoseGy(), SimilarityWeights.DEFAULT, 6, null, self.key());
      assertThat(excluded.topK())
          .extracting(CandidateComparison::studyKey)
          .doesNotContain(self.key());
      SignatureIndex.Result included =
          c.index.query(self.pairs(), self.targetDoseGy(), SimilarityWeights.DEFAULT, 7, null);
      assertThat(included.topK()).extracting(CandidateComparison::studyKey).contains(self.key());
      assertThat(excluded.stats().candidates()).isEqualTo(included.stats().candidates() - 1);
      // the same as an index without it
      List<String> expected =
          included.ranking().ranked().stream()
              .map(r -> r.studyKey() + "@" + r.score())
              .filter(k -> !k.startsWith(self.key() + "@"))
              .limit(6)
              .toList();
      assertThat(excluded.ranking().ranked())
          .extracting(r -> r.studyKey() + "@" + r.score())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void candidateMedianScalesFallBackToTheFullComputation() {
    SyntheticSignatures g = new SyntheticSignatures(31, LEVELS, 3, 0.3);
    Cohort c = randomCohort(g, 120);
    SimilarityWeights median =
        SimilarityWeights.DEFAULT.withScales(SimilarityWeights.Scales.CANDIDATE_MEDIAN);
    Study query = g.random("query");
    c.check(query, median, 6, null);
    c.check(query, median, 6, Set.of("OAR_01"));
  }

  @Test
  void realisticCohortIsExactAndPrunesMost() {
    SyntheticSignatures g = new SyntheticSignatures(41, List.of("PTV_All", "PTV_High"), 4, 0.1);
    Cohort c = new Cohort();
    for (int i = 0; i < 300; i++) {
      c.put(g.realistic(String.format("R%04d", i)));
    }
    SignatureIndex.Result r = c.check(g.realistic("query"), SimilarityWeights.DEFAULT, 10, null);
    assertThat(r.stats().exactStsCandidates()).isLessThan(r.stats().candidates() / 2);
    assertThat(c.index.heapBytesEstimate()).isPositive();
  }

  @Test
  void watermarkNeverMovesBack() {
    SignatureIndex index = new SignatureIndex();
    assertThat(index.watermark()).isEqualTo(Long.MIN_VALUE);
    index.advanceWatermark(42);
    index.advanceWatermark(7);
    assertThat(index.watermark()).isEqualTo(42);
  }

  @Test
  void refusesAnotherGridAndLeavesTheIndexUnchanged() {
    SyntheticSignatures g = new SyntheticSignatures(51, List.of("PTV_All"), 2, 0);
    SignatureIndex index = new SignatureIndex();
    Study s = g.random("A");
    index.put("A", 60, s.pairs());
    Map<PairKey, PairSignature> other = new TreeMap<>();
    PairKey key = s.pairs().keySet().iterator().next();
    double[] grid = new OvhOptions(-50, 150, 2).gridMm();
    double[] f = new double[grid.length];
    f[f.length - 1] = 1;
    other.put(key, new PairSignature(new OvhCurve(grid, f), s.pairs().get(key).stsAmounts()));
    assertThatThrownBy(() -> index.put("B", 60, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(index.size()).isEqualTo(1);
    assertThatThrownBy(() -> index.query(other, 60, SimilarityWeights.DEFAULT, 3, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queriesRunConcurrentlyWithUpdates() throws Exception {
    SyntheticSignatures g = new SyntheticSignatures(61, LEVELS, 3, 0.3);
    Cohort c = randomCohort(g, 100);
    List<Study> extra = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      extra.add(g.random("X" + i));
    }
    Study query = g.random("query");
    ExecutorService ex = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          ex.submit(
              () -> {
                for (Study s : extra) {
                  c.index.put(s.key(), s.targetDoseGy(), s.pairs());
                }
                for (int i = 0; i < 30; i++) {
                  c.index.remove(extra.get(i).key());
                }
              });
      Future<?> reader =
          ex.submit(
              () -> {
                for (int i = 0; i < 20; i++) {
                  assertThat(
                          c.index
                              .query(query.pairs(), 65, SimilarityWeights.DEFAULT, 5, null)
                              .topK())
                      .hasSizeLessThanOrEqualTo(5);
                }
              });
      writer.get();
      reader.get();
    } finally {
      ex.shutdown();
    }
    for (Study s : extra.subList(30, 60)) {
      c.studies.put(s.key(), s);
    }
    c.check(query, SimilarityWeights.DEFAULT, 5, null);
  }

  @Test
  void lowerBoundsHoldOnRandomCases() {
    SyntheticSignatures g = new SyntheticSignatures(71, List.of("PTV_All"), 1, 0);
    int tight = 0;
    for (int i = 0; i < 400; i++) {
      PairSignature a =
          (i % 2 == 0 ? g.random("a") : g.realistic("a")).pairs().values().iterator().next();
      PairSignature b =
          (i % 3 == 0 ? g.random("b") : g.realistic("b")).pairs().values().iterator().next();
      double exact = EarthMoversDistance.stsMm(a.stsAmounts(), b.stsAmounts());
      StsLowerBounds.Sparse p = StsLowerBounds.Sparse.of(a.stsAmounts());
      StsLowerBounds.Sparse q = StsLowerBounds.Sparse.of(b.stsAmounts());
      double lb = StsLowerBounds.lowerBoundMm(p, q);
      double centroid = StsLowerBounds.centroidBoundMm(p, q);
      assertThat(lb).isLessThanOrEqualTo(exact + 1e-9).isGreaterThanOrEqualTo(centroid);
      assertThat(StsLowerBounds.lowerBoundMm(q, p)).isCloseTo(lb, within(1e-9));
      if (lb > 0.5 * exact) {
        tight++;
      }
      double ovh = EarthMoversDistance.ovhMm(a.ovh(), b.ovh());
      double ma = StsLowerBounds.ovhGridMeanMm(a.ovh().gridMm(), a.ovh().cumulativeFraction());
      double mb = StsLowerBounds.ovhGridMeanMm(b.ovh().gridMm(), b.ovh().cumulativeFraction());
      assertThat(Math.abs(ma - mb)).isLessThanOrEqualTo(ovh + 1e-9);
      // the sparse points are those of the exact EMD
      assertThat(EarthMoversDistance.exact(p.points(), q.points())).isEqualTo(exact);
    }
    assertThat(tight).as("bounds within a factor 2 of the EMD").isGreaterThan(100);
  }

  @Test
  void syntheticRoundingIsTheStoredPrecision() {
    Random rnd = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      double v = rnd.nextDouble() * Math.pow(10, -rnd.nextInt(8));
      assertThat(SyntheticSignatures.round6(v))
          .isEqualTo(NumberLists.parse(NumberLists.join(new double[] {v}, 6), "v")[0]);
    }
  }

  @Test
  void boundsOfPointMassesAreTheDistance() {
    double[] a = new double[1000];
    double[] b = new double[1000];
    a[123] = 1;
    b[777] = 1;
    StsLowerBounds.Sparse p = StsLowerBounds.Sparse.of(a);
    StsLowerBounds.Sparse q = StsLowerBounds.Sparse.of(b);
    double exact = EarthMoversDistance.stsMm(a, b);
    assertThat(StsLowerBounds.centroidBoundMm(p, q)).isCloseTo(exact, within(1e-9));
    assertThat(StsLowerBounds.lowerBoundMm(p, q)).isCloseTo(exact, within(1e-9));
    assertThat(StsLowerBounds.lowerBoundMm(p, StsLowerBounds.Sparse.of(new double[1000]))).isZero();
  }
}

package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ranking.AchievableDose;
import org.rtds.features.knowledge.ranking.AchievableDose.PlanOarDose;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.CandidateComparison.PairComparison;
import org.rtds.features.knowledge.ranking.DvhBand;
import org.rtds.features.knowledge.ranking.LegacySimilarity;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.Ranking;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.ranking.TopKDoses;
import org.rtds.features.knowledge.sts.StsBins;

/** Spec §8 J (§1.6 example), the §3.5 score, §3.6 summaries and the DVH band. */
class RankingTest {
  private static final PairKey PAROTID = new PairKey("PTV_High", "Parotid_L");
  private static final PairKey CORD = new PairKey("PTV_High", "SpinalCord");

  @Test
  void specExampleHarderGeometryRule() {
    List<PlanOarDose> c =
        List.of(
            new PlanOarDose("A", 8, 24), new PlanOarDose("B", 12, 20), new PlanOarDose("C", 5, 28));
    AchievableDose.Check k = AchievableDose.check("D50", 10, 30, c, 3);
    assertThat(k.harderGeometry()).containsExactly("A", "C");
    assertThat(k.achievableGy()).isEqualTo(24);
    assertThat(k.evidenceStudyKey()).isEqualTo("A");
    assertThat(k.excessGy()).isEqualTo(6);
    assertThat(k.flagged()).isTrue();
    assertThat(k.rule()).contains("harder-geometry");
    assertThat(k.explanation()).contains("plan A").contains("flagged");
    // flagged iff τ < 6 Gy
    assertThat(AchievableDose.check("D50", 10, 30, c, 5.99).flagged()).isTrue();
    assertThat(AchievableDose.check("D50", 10, 30, c, 6).flagged()).isFalse();
    // no harder geometry: no achievable dose, no flag
    AchievableDose.Check none = AchievableDose.check("D50", 4, 30, c, 3);
    assertThat(none.achievableGy()).isNaN();
    assertThat(none.flagged()).isFalse();
    assertThat(none.explanation()).contains("no comparable plan with harder-or-equal geometry");
  }

  @Test
  void scoreFollowsTheDocumentedFormulaAndRanksDeterministically() {
    SimilarityWeights w = SimilarityWeights.DEFAULT;
    CandidateComparison a =
        new CandidateComparison(
            "study-A",
            2,
            List.of(new PairComparison(PAROTID, 5, 10), new PairComparison(CORD, 15, 30)));
    // score A = ((0.5·0.5 + 0.3·0.5) + (0.5·1.5 + 0.3·1.5)) / 2 + 0.2·2/5 = 0.8 + 0.08
    CandidateComparison b =
        new CandidateComparison("study-B", -1, List.of(new PairComparison(PAROTID, 2, 4)));
    // score B = 0.5·0.2 + 0.3·0.2 + 0.2·1/5 = 0.2
    CandidateComparison tie =
        new CandidateComparison("study-0", -1, List.of(new PairComparison(PAROTID, 2, 4)));
    CandidateComparison far =
        new CandidateComparison("study-F", 6, List.of(new PairComparison(PAROTID, 0, 0)));
    CandidateComparison none = new CandidateComparison("study-N", 0, List.of());
    Ranking r = SimilarityRanking.rank(List.of(a, b, far, tie, none), w);
    assertThat(r.ranked())
        .extracting(x -> x.studyKey())
        .containsExactly("study-0", "study-B", "study-A");
    assertThat(r.ranked().get(1).score()).isCloseTo(0.2, within(1e-12));
    assertThat(r.ranked().get(2).score()).isCloseTo(0.88, within(1e-12));
    assertThat(r.ranked().get(2).rank()).isEqualTo(3);
    assertThat(r.ranked().get(2).pairs().get(1).ovhNormalised()).isEqualTo(1.5);
    assertThat(r.excluded())
        .extracting(Ranking.Excluded::studyKey)
        .containsExactly("study-F", "study-N");
    assertThat(r.excluded().get(0).reason()).contains("6.00 Gy > 5.00 Gy");
    // clinical priority weights per OAR
    SimilarityWeights cordHeavy =
        new SimilarityWeights(
            0.5,
            0.3,
            0.2,
            10,
            20,
            5,
            5,
            Map.of("SpinalCord", 3.0),
            1,
            SimilarityWeights.Scales.FIXED);
    Ranking r2 = SimilarityRanking.rank(List.of(a), cordHeavy);
    assertThat(r2.ranked().get(0).score()).isCloseTo((0.4 + 3 * 1.2) / 4 + 0.08, within(1e-12));
  }

  @Test
  void legacyMatlabSimilarityExample() {
    double[][] emd = {{2, 4}, {1, 8}, {4, 2}};
    double[][] ones = {{1, 1}, {1, 1}, {1, 1}};
    assertThat(LegacySimilarity.similarityPercent(emd, ones))
        .containsExactly(new double[] {81.25, 71.875, 81.25}, within(1e-12));
    assertThat(
            LegacySimilarity.orientationSimilarity(new double[] {1, 0, 0}, new double[] {1, 0, 0}))
        .isEqualTo(1.0);
    assertThat(
            LegacySimilarity.orientationSimilarity(
                new double[] {1, 0, 0}, new double[] {0.5, Math.sqrt(3) / 2, 0}))
        .isCloseTo(0.75, within(1e-12));
    assertThat(
            LegacySimilarity.orientationSimilarity(new double[] {1, 0, 0}, new double[] {0, 2, 0}))
        .isCloseTo(0.5, within(1e-12));
    assertThat(
            LegacySimilarity.orientationSimilarity(new double[] {1, 0, 0}, new double[] {-1, 0, 0}))
        .isEqualTo(0.0);
  }

  @Test
  void robustScalesAreTheCandidateMedians() {
    CandidateComparison a =
        new CandidateComparison("a", 0, List.of(new PairComparison(PAROTID, 2, 10)));
    CandidateComparison b =
        new CandidateComparison("b", 0, List.of(new PairComparison(PAROTID, 4, 30)));
    CandidateComparison c =
        new CandidateComparison("c", 0, List.of(new PairComparison(PAROTID, 8, 20)));
    CandidateComparison out =
        new CandidateComparison("x", 9, List.of(new PairComparison(PAROTID, 1000, 1000)));
    Ranking r =
        SimilarityRanking.rank(
            List.of(a, b, c, out),
            SimilarityWeights.DEFAULT.withScales(SimilarityWeights.Scales.CANDIDATE_MEDIAN));
    // medians over a, b, c (x is filtered out): s_o = 4 mm, s_s = 20 mm
    assertThat(r.ranked().get(0).studyKey()).isEqualTo("a");
    assertThat(r.ranked().get(0).score()).isCloseTo(0.5 * 0.5 + 0.3 * 0.5, within(1e-12));
    assertThat(r.ranked().get(0).pairs().get(0).ovhNormalised()).isEqualTo(0.5);
  }

  @Test
  void compareUsesOnlyPairsPresentInBothStudies() {
    double[] t = {0, 1, 2, 3};
    double[] sts = new double[StsBins.SIZE];
    sts[StsBins.index(5, 1, 5)] = 1;
    double[] sts2 = new double[StsBins.SIZE];
    sts2[StsBins.index(5, 2, 5)] = 1;
    PairSignature q = new PairSignature(new OvhCurve(t, new double[] {0, 0.5, 1, 1}), sts);
    PairSignature h = new PairSignature(new OvhCurve(t, new double[] {0, 0, 0.5, 1}), sts2);
    CandidateComparison c =
        SimilarityRanking.compare(
            "H",
            70,
            66,
            Map.of(PAROTID, q, CORD, q),
            Map.of(PAROTID, h, new PairKey("PTV_High", "Lens_L"), h));
    assertThat(c.targetDoseDifferenceGy()).isEqualTo(4);
    assertThat(c.pairs()).hasSize(1);
    assertThat(c.pairs().get(0).ovhEmdMm()).isCloseTo(1.0, within(1e-12));
    // centres ρ 30 mm and 50 mm in the same direction
    assertThat(c.pairs().get(0).stsEmdMm()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void topKMedianAndMinimumWithEvidence() {
    List<TopKDoses.PlanDoses> ranked =
        List.of(
            new TopKDoses.PlanDoses("p1", 20, 18, 40),
            new TopKDoses.PlanDoses("p2", 25, 22, Double.NaN),
            new TopKDoses.PlanDoses("p3", 15, 30, 35),
            new TopKDoses.PlanDoses("p4", 30, 10, 50),
            new TopKDoses.PlanDoses("p5", 26, 21, 45),
            new TopKDoses.PlanDoses("p6", 1, 1, 1));
    TopKDoses.Result r = TopKDoses.summarise(ranked, TopKDoses.DEFAULT_K);
    assertThat(r.dmean().medianGy()).isEqualTo(25);
    assertThat(r.dmean().minimumGy()).isEqualTo(15);
    assertThat(r.dmean().minimumStudyKey()).isEqualTo("p3");
    assertThat(r.d50().minimumStudyKey()).isEqualTo("p4");
    assertThat(r.d003cc().studyKeys()).containsExactly("p1", "p3", "p4", "p5");
    assertThat(r.d003cc().medianGy()).isEqualTo(42.5);
    assertThat(r.rule()).contains("k most similar");
  }

  @Test
  void dvhBandOnACommonGrid() {
    DvhBand.Curve a = new DvhBand.Curve(new double[] {0, 10, 20}, new double[] {1, 0.5, 0});
    DvhBand.Curve b = new DvhBand.Curve(new double[] {0, 40}, new double[] {1, 0});
    DvhBand.Curve c = new DvhBand.Curve(new double[] {5, 30}, new double[] {1, 0.2});
    DvhBand.Band band = DvhBand.of(List.of(a, b, c), 10.0);
    assertThat(band.doseGy()).containsExactly(0, 10, 20, 30, 40);
    assertThat(band.minimum()).containsExactly(1, 0.5, 0, 0, 0);
    // at 10 Gy: a = 0.5, b = 0.75, c = 1 − 0.8·(5/25) = 0.84
    assertThat(band.maximum()[1]).isCloseTo(0.84, within(1e-12));
    assertThat(band.median()[1]).isCloseTo(0.75, within(1e-12));
    assertThat(band.median()[3]).isCloseTo(0.2, within(1e-12));
    assertThat(band.maximum()[4]).isEqualTo(0);
  }
}

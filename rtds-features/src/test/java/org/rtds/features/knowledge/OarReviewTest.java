package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.OarReview.Geometry;
import org.rtds.features.knowledge.ranking.OarReview.OarPlan;

/** The harder-geometry criteria of {@link OarReview}: whole-OVH dominance and the spec's r50. */
class OarReviewTest {

  /** r_v rising linearly from {@code r5} by {@code step} mm per 5 %. */
  private static double[] rv(double r5, double step) {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[i] = r5 + i * step;
    }
    return v;
  }

  private static OarPlan plan(String key, Map<String, double[]> levels, double d50) {
    return new OarPlan(key, levels, "PTV_All", d50 + 1, d50, d50 + 10);
  }

  @Test
  void theSpecExampleFlagsWithR50() {
    // spec §1.6: q r50 = 10 mm, D50 30 Gy; A (8, 24), B (12, 20), C (5, 28): H = {A, C}, D̂ = 24
    OarPlan q = plan("q", Map.of("PTV_All", rv(10 - 9 * 2, 2)), 30);
    List<OarPlan> c =
        List.of(
            plan("A", Map.of("PTV_All", rv(8 - 9 * 2, 2)), 24),
            plan("B", Map.of("PTV_All", rv(12 - 9 * 2, 2)), 20),
            plan("C", Map.of("PTV_All", rv(5 - 9 * 2, 2)), 28));
    OarReview.Result r = OarReview.review("Parotid_L", q, c, Geometry.R50, 3, 5);
    assertThat(q.r50Mm()).isEqualTo(10);
    assertThat(r.achievable().harderGeometry()).containsExactly("A", "C");
    assertThat(r.achievable().achievableGy()).isEqualTo(24);
    assertThat(r.flagged()).isTrue();
    assertThat(OarReview.review("Parotid_L", q, c, Geometry.R50, 6, 5).flagged()).isFalse();
    assertThat(r.topK().d50().medianGy()).isEqualTo(24);
    assertThat(r.topK().d50().minimumGy()).isEqualTo(20);
  }

  @Test
  void theWholeOvhMustLieAtOrLeftOfTheQuerysAtEveryLevel() {
    OarPlan q = plan("q", Map.of("PTV_All", rv(0, 2), "PTV_High", rv(5, 2)), 30);
    double[] crossing = rv(-5, 3); // closer at first, farther from r50 on: r50 -5+27=22 > 18
    List<OarPlan> c =
        List.of(
            plan("closer", Map.of("PTV_All", rv(-1, 2), "PTV_High", rv(5, 2)), 20),
            plan("crossing", Map.of("PTV_All", crossing, "PTV_High", rv(0, 1)), 10),
            plan("fartherFromHigh", Map.of("PTV_All", rv(-1, 2), "PTV_High", rv(6, 2)), 5),
            plan(
                "otherLevels",
                Map.of("PTV_All", rv(-1, 2), "PTV_High", rv(0, 2), "PTV_Mid", rv(0, 2)),
                5));
    OarReview.Result r = OarReview.review("Parotid_L", q, c, Geometry.WHOLE_OVH, 3, 5);
    assertThat(r.achievable().harderGeometry()).containsExactly("closer");
    assertThat(r.achievable().achievableGy()).isEqualTo(20);
    assertThat(r.flagged()).isTrue();
    assertThat(r.candidates()).isEqualTo(4);
    // the spec's single value admits all four (r50 ≤ 18 on the union for three; crossing has 22)
    assertThat(
            OarReview.review("Parotid_L", q, c, Geometry.R50, 3, 5).achievable().harderGeometry())
        .containsExactly("fartherFromHigh", "otherLevels", "closer");
    // the same plan is as hard as itself
    assertThat(q.atLeastAsHardAs(q, Geometry.WHOLE_OVH)).isTrue();
    assertThat(Arrays.stream(crossing).max().orElseThrow()).isEqualTo(52);
  }

  @Test
  void withoutAHarderPlanNothingIsFlagged() {
    OarPlan q = plan("q", Map.of("PTV_All", rv(0, 2)), 60);
    OarReview.Result r =
        OarReview.review(
            "Larynx",
            q,
            List.of(plan("far", Map.of("PTV_All", rv(1, 2)), 10)),
            Geometry.WHOLE_OVH,
            3,
            5);
    assertThat(r.flagged()).isFalse();
    assertThat(r.achievable().evidenceStudyKey()).isNull();
    assertThat(r.topK().d50().minimumGy()).isEqualTo(10);
  }

  @Test
  void theMostSimilarAndTheRestGivenApartGiveTheSameReviewAsOneRankedList() {
    java.util.Random rnd = new java.util.Random(3);
    for (int round = 0; round < 200; round++) {
      OarPlan q = plan("q", Map.of("PTV_All", rv(rnd.nextInt(10), 2)), 20 + rnd.nextInt(20));
      List<OarPlan> ranked = new java.util.ArrayList<>();
      int n = 1 + rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        ranked.add(
            plan(
                "p" + i,
                Map.of("PTV_All", rv(rnd.nextInt(12), 1.5 + rnd.nextInt(2))),
                rnd.nextInt(4) == 0 ? Double.NaN : 10 + rnd.nextInt(30)));
      }
      int k = 1 + rnd.nextInt(6);
      Geometry geometry = rnd.nextBoolean() ? Geometry.R50 : Geometry.WHOLE_OVH;
      OarReview.Result whole = OarReview.review("Parotid_L", q, ranked, geometry, 3, k);
      List<OarPlan> top = ranked.subList(0, Math.min(k, n));
      // the rest: only those at least as hard need to be given
      List<OarPlan> harderRest =
          ranked.subList(top.size(), n).stream()
              .filter(p -> p.atLeastAsHardAs(q, geometry))
              .toList();
      OarReview.Result split = OarReview.review("Parotid_L", q, top, harderRest, n, geometry, 3, k);
      assertThat(split).isEqualTo(whole);
    }
  }
}

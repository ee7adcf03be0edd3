package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.web.view.SimilarPlans.Filter;
import org.rtds.web.view.SimilarPlans.Hospital;
import org.rtds.web.view.SimilarPlans.Row;

class SimilarPlansTest {

  private static KnowledgeBase.Similar similar(
      int rank, KnowledgeBase.StudyRef ref, KnowledgeBase.OarMatch... oars) {
    return new KnowledgeBase.Similar(rank, ref, 0.1 * rank, 0.0, List.of(oars));
  }

  private static KnowledgeBase.OarMatch match(String ptv, String oar, double dmean, double r50) {
    return new KnowledgeBase.OarMatch(ptv, oar, 1, 2, dmean, dmean - 1, r50);
  }

  /** Plans 1..5: Dmean 10, 20, 30, 40, 50 Gy; Rx 60 or 70 Gy; PTV 100..500 cc; odd ranks own. */
  private static List<Row> five() {
    return java.util.stream.IntStream.rangeClosed(1, 5)
        .mapToObj(
            i ->
                new Row(
                    i,
                    0.1 * i,
                    i % 2 == 1,
                    i % 2 == 1 ? "1.2." + i : "KB-" + i,
                    i % 2 == 1 ? "1.2." + i : null,
                    i % 2 == 1 ? "Doe, Jane" : null,
                    i % 2 == 1 ? "P" + i : null,
                    i % 2 == 1,
                    i <= 2 ? 60.0 : 70.0,
                    100.0 * i,
                    5.0 * i,
                    10.0 * i,
                    10.0 * i - 1,
                    0))
        .toList();
  }

  @Test
  void aRowCarriesTheChosenOrgansValuesRelativeToTheUnionOfTheTargets() {
    KnowledgeBase.StudyRef own =
        new KnowledgeBase.StudyRef("1.2.3", true, "1.2.3", "P1", 70.0, "Doe^Jane^^Dr", true, 250.0);
    KnowledgeBase.StudyRef other =
        new KnowledgeBase.StudyRef("KB-ABC", false, null, null, 66.0, null, false, 180.0);
    List<Row> rows =
        SimilarPlans.rows(
            List.of(
                similar(
                    1,
                    own,
                    match("PTV_High", "Parotid_L", 30, 4),
                    match("PTV_All", "Parotid_L", 30, 3),
                    match("PTV_All", "Cord", 20, 40)),
                similar(2, other, match("PTV_High", "Parotid_L", 25, 8))),
            "parotid_l");
    assertThat(rows).extracting(Row::rank).containsExactly(1, 2);
    Row first = rows.get(0);
    assertThat(first.r50Mm()).isEqualTo(3.0); // the union's match, not the first level's
    assertThat(first.dmeanGy()).isEqualTo(30.0);
    assertThat(first.patient()).isEqualTo("Dr Doe, Jane");
    assertThat(first.patientId()).isEqualTo("P1");
    assertThat(first.ptvVolumeCc()).isEqualTo(250.0);
    Row second = rows.get(1);
    assertThat(second.r50Mm()).isEqualTo(8.0); // no union match: the only one
    assertThat(second.patient()).isEqualTo("KB-ABC");
    assertThat(second.patientName()).isNull();
    assertThat(second.patientId()).isNull();
    assertThat(second.ownHospital()).isFalse();
  }

  @Test
  void anOrganThePlanLacksLeavesItsValuesUnknown() {
    KnowledgeBase.StudyRef ref = new KnowledgeBase.StudyRef("1.2", true, "1.2", "P", 70.0);
    Row row =
        SimilarPlans.rows(List.of(similar(1, ref, match("PTV_All", "Cord", 20, 40))), "Lens_L")
            .get(0);
    assertThat(row.r50Mm()).isNull();
    assertThat(row.dmeanGy()).isNull();
    assertThat(row.patient()).isEqualTo("P"); // no name: the ID
  }

  @Test
  void noFilterKeepsEveryRowInRankOrder() {
    assertThat(Filter.NONE.apply(five())).extracting(Row::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(Filter.NONE.active()).isFalse();
  }

  @Test
  void theHospitalFilterSplitsOwnFromOthers() {
    assertThat(filter(Hospital.OWN, null, null, null, null, null, null, null).apply(five()))
        .extracting(Row::rank)
        .containsExactly(1, 3, 5);
    assertThat(filter(Hospital.OTHER, null, null, null, null, null, null, null).apply(five()))
        .extracting(Row::rank)
        .containsExactly(2, 4);
  }

  @Test
  void boundsAreInclusiveAndEachNarrowsTheList() {
    // score <= 0.3 keeps ranks 1..3 (0.1 * 3 is 0.30000000000000004: compare with a margin)
    assertThat(filter(null, 0.3000001, null, null, null, null, null, null).apply(five()))
        .extracting(Row::rank)
        .containsExactly(1, 2, 3);
    // Dmean 20..40 Gy
    assertThat(filter(null, null, 20.0, 40.0, null, null, null, null).apply(five()))
        .extracting(Row::rank)
        .containsExactly(2, 3, 4);
    // prescription 70 Gy only
    assertThat(filter(null, null, null, null, 69.5, 70.5, null, null).apply(five()))
        .extracting(Row::rank)
        .containsExactly(3, 4, 5);
    // PTV at most 200 cc
    assertThat(filter(null, null, null, null, null, null, null, 200.0).apply(five()))
        .extracting(Row::rank)
        .containsExactly(1, 2);
    // together: own hospital, Dmean >= 20 Gy, PTV >= 300 cc
    Filter all = filter(Hospital.OWN, null, 20.0, null, null, null, 300.0, null);
    assertThat(all.apply(five())).extracting(Row::rank).containsExactly(3, 5);
    assertThat(all.active()).isTrue();
  }

  @Test
  void anUnknownValueIsHiddenOnlyByABoundOnIt() {
    Row unknown =
        new Row(1, 0.1, true, "1.2", "1.2", null, "P", true, null, null, null, null, null, 0);
    assertThat(Filter.NONE.test(unknown)).isTrue();
    assertThat(filter(null, 1.0, null, null, null, null, null, null).test(unknown)).isTrue();
    assertThat(filter(null, null, 0.0, null, null, null, null, null).test(unknown)).isFalse();
    assertThat(filter(null, null, null, null, null, 80.0, null, null).test(unknown)).isFalse();
    assertThat(filter(null, null, null, null, null, null, 0.0, null).test(unknown)).isFalse();
  }

  @Test
  void typedNumbersTakeAPointOrACommaAndBlankIsNoBound() {
    assertThat(SimilarPlans.number(" 12,5 ")).isEqualTo(12.5);
    assertThat(SimilarPlans.number("70")).isEqualTo(70.0);
    assertThat(SimilarPlans.number("")).isNull();
    assertThat(SimilarPlans.number(null)).isNull();
    assertThatThrownBy(() -> SimilarPlans.number("abc")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> SimilarPlans.number("NaN")).isInstanceOf(NumberFormatException.class);
    assertThat(Hospital.parse("Own")).isEqualTo(Hospital.OWN);
    assertThat(Hospital.parse(null)).isEqualTo(Hospital.ALL);
    assertThatThrownBy(() -> Hospital.parse("mine")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Filter filter(
      Hospital h,
      Double maxScore,
      Double doseMin,
      Double doseMax,
      Double rxMin,
      Double rxMax,
      Double ptvMin,
      Double ptvMax) {
    return new Filter(h, maxScore, doseMin, doseMax, rxMin, rxMax, ptvMin, ptvMax);
  }
}

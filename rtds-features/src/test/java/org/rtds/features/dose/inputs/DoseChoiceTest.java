package org.rtds.features.dose.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtds.features.dose.inputs.DoseChoice.Ambiguity;
import org.rtds.features.dose.inputs.DoseChoice.Choice;
import org.rtds.features.dose.inputs.DoseChoice.Dose;
import org.rtds.features.dose.inputs.DoseChoice.Part;
import org.rtds.features.dose.inputs.DoseChoice.Plan;
import org.rtds.features.dose.inputs.StudyInputException.Kind;

/**
 * The one dose rule of the server and the command line: every branch (whole plan, beam sum,
 * fraction, relative units, refusals) under both ambiguity policies.
 */
class DoseChoiceTest {

  static final String PLAN_UID = "1.2.3.100";
  static final Optional<Plan> PLAN = Optional.of(Plan.of(PLAN_UID, 70.0, 35));

  static Dose dose(String uid, String type, String units, String plan, String beam) {
    return new Dose(uid, type, units, "PHYSICAL", plan, beam);
  }

  static Dose planDose(String uid) {
    return dose(uid, "PLAN", "GY", PLAN_UID, null);
  }

  static Dose beam(String uid, String plan, String beam) {
    return dose(uid, "BEAM", "GY", plan, beam);
  }

  static List<Integer> indices(Choice c) {
    return c.parts().stream().map(Part::index).toList();
  }

  @ParameterizedTest
  @EnumSource(Ambiguity.class)
  void oneWholePlanDoseIsUsedAsItIs(Ambiguity ambiguity) throws Exception {
    Choice c = DoseChoice.choose(List.of(planDose("d1")), PLAN, ambiguity);
    assertThat(indices(c)).containsExactly(0);
    assertThat(c.parts().get(0).gyPerUnit()).isEqualTo(1.0);
    assertThat(c.description()).isEqualTo("PLAN dose d1");
    assertThat(c.notes()).isEmpty();
  }

  @Test
  void aMissingSummationTypeCountsAsPlanAndSaysSo() throws Exception {
    Choice c =
        DoseChoice.choose(
            List.of(dose("d1", null, "GY", null, null)), Optional.empty(), Ambiguity.REFUSE);
    assertThat(c.description()).isEqualTo("PLAN dose d1");
    assertThat(c.notes()).singleElement().asString().contains("no DoseSummationType");
  }

  @Test
  void multiPlanAndBrachyDosesAreWholeDoses() throws Exception {
    for (String type : List.of("MULTI_PLAN", "BRACHY", "plan")) {
      Choice c =
          DoseChoice.choose(
              List.of(beam("b1", PLAN_UID, "1"), dose("d1", type, "GY", PLAN_UID, null)),
              PLAN,
              Ambiguity.REFUSE);
      assertThat(indices(c)).as(type).containsExactly(1);
      assertThat(c.notes()).as(type).anySatisfy(n -> assertThat(n).contains("1 BEAM/FRACTION"));
    }
  }

  @Test
  void severalWholePlanDosesAreRefusedOrTheNewestWins() throws Exception {
    List<Dose> doses = List.of(planDose("newer"), planDose("older"));
    assertThatThrownBy(() -> DoseChoice.choose(doses, PLAN, Ambiguity.REFUSE))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE))
        .hasMessageContaining("2 RT Doses of a whole plan")
        .hasMessageContaining("newer, older");
    Choice c = DoseChoice.choose(doses, PLAN, Ambiguity.NEWEST);
    assertThat(indices(c)).containsExactly(0);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("the newest used"));
  }

  @Test
  void dosesOfAnotherPlanAreIgnoredWhenSomeReferenceTheStudysPlan() throws Exception {
    List<Dose> doses = List.of(dose("other", "PLAN", "GY", "9.9.9", null), planDose("mine"));
    Choice c = DoseChoice.choose(doses, PLAN, Ambiguity.REFUSE);
    assertThat(indices(c)).containsExactly(1);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("do not reference RT Plan"));
    // no dose references the plan: all are candidates (refused as ambiguous here)
    assertThatThrownBy(
            () ->
                DoseChoice.choose(
                    List.of(
                        dose("a", "PLAN", "GY", "9.9.9", null),
                        dose("b", "PLAN", "GY", null, null)),
                    PLAN,
                    Ambiguity.REFUSE))
        .hasMessageContaining("2 RT Doses of a whole plan");
  }

  @ParameterizedTest
  @EnumSource(Ambiguity.class)
  void theBeamDosesOfOnePlanAreSummed(Ambiguity ambiguity) throws Exception {
    List<Dose> doses =
        List.of(beam("b3", PLAN_UID, "3"), beam("b2", PLAN_UID, "2"), beam("b1", PLAN_UID, "1"));
    Choice c = DoseChoice.choose(doses, PLAN, ambiguity);
    assertThat(indices(c)).containsExactly(0, 1, 2);
    assertThat(c.parts()).allSatisfy(p -> assertThat(p.gyPerUnit()).isEqualTo(1.0));
    assertThat(c.description()).isEqualTo("sum of 3 BEAM dose(s) of plan " + PLAN_UID);
  }

  @Test
  void beamDosesOfTwoPlansAreRefusedOrTheNewestPlansAreSummed() throws Exception {
    List<Dose> doses =
        List.of(
            beam("n2", "plan-new", "2"), beam("o1", "plan-old", "1"), beam("n1", "plan-new", "1"));
    assertThatThrownBy(() -> DoseChoice.choose(doses, Optional.empty(), Ambiguity.REFUSE))
        .hasMessageContaining("BEAM doses of 2 plans");
    Choice c = DoseChoice.choose(doses, Optional.empty(), Ambiguity.NEWEST);
    assertThat(indices(c)).containsExactly(0, 2);
    assertThat(c.description()).endsWith("of plan plan-new");
  }

  @Test
  void aBeamNumberGivenTwiceIsRefusedOrTheNewestIsKept() throws Exception {
    List<Dose> doses =
        List.of(
            beam("new1", PLAN_UID, "1"), beam("b2", PLAN_UID, "2"), beam("old1", PLAN_UID, "1"));
    assertThatThrownBy(() -> DoseChoice.choose(doses, PLAN, Ambiguity.REFUSE))
        .hasMessageContaining("two BEAM doses for beam 1 (new1, old1)");
    Choice c = DoseChoice.choose(doses, PLAN, Ambiguity.NEWEST);
    assertThat(indices(c)).containsExactly(0, 1);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("old1 ignored"));
  }

  @Test
  void aFractionDoseIsMultipliedByThePlannedFractions() throws Exception {
    Choice c =
        DoseChoice.choose(
            List.of(dose("f", "FRACTION", "GY", PLAN_UID, null)), PLAN, Ambiguity.NEWEST);
    assertThat(c.parts().get(0).gyPerUnit()).isEqualTo(35.0);
    assertThat(c.description()).isEqualTo("FRACTION dose f × 35 fractions");
  }

  @Test
  void aFractionDoseWithoutPlannedFractionsIsIncomplete() {
    List<Dose> doses = List.of(dose("f", "FRACTION", "GY", PLAN_UID, null));
    assertThatThrownBy(() -> DoseChoice.choose(doses, Optional.empty(), Ambiguity.NEWEST))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE))
        .hasMessageContaining("there is no RT Plan");
    assertThatThrownBy(
            () ->
                DoseChoice.choose(doses, Optional.of(Plan.of(PLAN_UID, 70.0, 0)), Ambiguity.NEWEST))
        .hasMessageContaining("the RT Plan does not give it");
  }

  @Test
  void aRelativeDoseIsPercentOfThePrescription() throws Exception {
    Choice c =
        DoseChoice.choose(
            List.of(dose("r", "PLAN", "RELATIVE", PLAN_UID, null)), PLAN, Ambiguity.REFUSE);
    assertThat(c.parts().get(0).gyPerUnit()).isCloseTo(0.70, within(1e-12));
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("RELATIVE"));
    // a relative fraction dose: percent of Rx, times the fractions
    Choice f =
        DoseChoice.choose(
            List.of(dose("rf", "FRACTION", "relative", PLAN_UID, null)), PLAN, Ambiguity.REFUSE);
    assertThat(f.parts().get(0).gyPerUnit()).isCloseTo(0.70 * 35, within(1e-12));
  }

  @Test
  void aRelativeDoseWithoutPrescriptionIsIncomplete() {
    assertThatThrownBy(
            () ->
                DoseChoice.choose(
                    List.of(dose("r", "PLAN", "RELATIVE", PLAN_UID, null)),
                    Optional.of(Plan.of(PLAN_UID, null, 35)),
                    Ambiguity.NEWEST))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE))
        .hasMessageContaining("needs the prescription");
  }

  @Test
  void errorDosesOtherUnitsAndPartialDosesAreUnsupported() {
    assertThatThrownBy(
            () ->
                DoseChoice.choose(
                    List.of(new Dose("e", "PLAN", "GY", "ERROR", PLAN_UID, null)),
                    PLAN,
                    Ambiguity.NEWEST))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
        .hasMessageContaining("DoseType ERROR");
    assertThatThrownBy(
            () ->
                DoseChoice.choose(
                    List.of(dose("c", "PLAN", "CGY", PLAN_UID, null)), PLAN, Ambiguity.NEWEST))
        .hasMessageContaining("DoseUnits 'CGY'");
    assertThatThrownBy(
            () ->
                DoseChoice.choose(
                    List.of(dose("cp", "CONTROL_POINT", "GY", PLAN_UID, null)),
                    PLAN,
                    Ambiguity.NEWEST))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
        .hasMessageContaining("CONTROL_POINT cannot be evaluated");
    assertThatThrownBy(() -> DoseChoice.choose(List.of(), PLAN, Ambiguity.NEWEST))
        .hasMessageContaining("no RT Dose");
  }

  @Test
  void planFactsTreatNonPositiveValuesAsUnknown() {
    assertThat(Plan.of("p", 0.0, 0).prescriptionGy()).isEmpty();
    assertThat(Plan.of("p", -1.0, -3).fractionsPlanned()).isEmpty();
    assertThat(Plan.of("p", Double.NaN, null).prescriptionGy()).isEmpty();
    assertThat(Plan.of("p", 50.4, 28).prescriptionGy()).hasValue(50.4);
    assertThat(Plan.of("p", 50.4, 28).fractionsPlanned()).hasValue(28);
  }
}

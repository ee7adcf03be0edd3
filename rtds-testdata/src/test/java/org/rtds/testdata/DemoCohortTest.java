package org.rtds.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.ClinicalStudy.TargetLevel;
import org.rtds.testdata.DemoCohort.Member;

/** The demonstration cohort: variety, determinism, the over-dosed members, real files. */
class DemoCohortTest {

  @TempDir Path dir;

  @Test
  void theCohortVariesInEveryDimensionItPromises() {
    List<Member> members = DemoCohort.members(DemoCohort.DEFAULT_SIZE, 1);
    assertThat(members).hasSize(40);
    assertThat(members)
        .filteredOn(Member::overdosed)
        .extracting(Member::index)
        .containsExactly(7, 17, 27, 37);
    assertThat(members)
        .extracting(Member::description)
        .anySatisfy(d -> assertThat(d).contains("left primary"))
        .anySatisfy(d -> assertThat(d).contains("right primary"))
        .anySatisfy(d -> assertThat(d).contains("3 dose levels"))
        .anySatisfy(d -> assertThat(d).contains("66 Gy/33"))
        .anySatisfy(d -> assertThat(d).contains("70 Gy/35"));
    assertThat(members).extracting(Member::patientId).doesNotHaveDuplicates();
    for (Member m : members) {
      double sigma = m.anatomy().falloffSigmaMm();
      if (m.overdosed()) {
        assertThat(sigma).as(m.description()).isGreaterThan(12);
      } else {
        assertThat(sigma).as(m.description()).isBetween(6.65, 7.35);
      }
      List<String> targets = m.anatomy().targets().stream().map(TargetLevel::roiName).toList();
      assertThat(targets.get(0)).isIn("PTV70", "PTV66");
      assertThat(targets).contains("PTV_5600");
    }
  }

  @Test
  void theSameSeedGivesTheSameCohortAndAnotherSeedAnother() {
    assertThat(geometry(DemoCohort.members(10, 3))).isEqualTo(geometry(DemoCohort.members(10, 3)));
    assertThat(DemoCohort.members(10, 3).get(0).description())
        .isNotEqualTo(DemoCohort.members(10, 4).get(0).description());
  }

  /** Every member's description and every solid's centre and semi-axes (mm), as text. */
  static List<String> geometry(List<Member> members) {
    return members.stream()
        .flatMap(
            m ->
                java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(m.description()),
                    m.anatomy().solids().stream()
                        .map(
                            s ->
                                s.name()
                                    + java.util.Arrays.toString(
                                        new double[] {
                                          s.cx(), s.cy(), s.cz(), s.ax(), s.ay(), s.az()
                                        }))))
        .toList();
  }

  @Test
  void aMemberIsWrittenAsACompleteRtStudy() throws Exception {
    Member m = DemoCohort.members(2, 1).get(1); // index 1: three dose levels
    StudyManifest study = DemoCohort.write(dir.resolve(m.patientId()), m, 1);
    assertThat(study.patientId()).isEqualTo("DEMO-002");
    assertThat(study.ctSliceCount()).isEqualTo(100);
    assertThat(study.ctGrid().columns()).isEqualTo(256);
    assertThat(study.rois())
        .extracting(RoiSummary::name)
        .contains("PTV63", "PTV_5600", "Parotid L");
    assertThat(study.prescription().targetRoiName())
        .isEqualTo(m.anatomy().targets().get(0).roiName());
    assertThat(study.prescription().targetPrescriptionDoseGy())
        .isEqualTo(m.anatomy().targets().get(0).doseGy());
    assertThat(study.allFiles()).hasSize(103).allSatisfy(f -> assertThat(f.path()).isRegularFile());
  }
}

package org.rtds.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.ClinicalStudy.Anatomy;
import org.rtds.testdata.ClinicalStudy.Solid;

/** The clinical study's structure-set size option ({@code --rois}). */
class ClinicalStudyTest {

  @TempDir Path dir;

  @Test
  void planningRiskVolumesBringTheStructureSetToTheCountAskedFor() throws Exception {
    StudyManifest m =
        ClinicalStudy.write(
            dir,
            ClinicalStudy.Options.defaults().withSlices(40, 10),
            Anatomy.standard().withRoiCount(50));

    assertThat(m.rois()).hasSize(50);
    assertThat(m.rois().subList(30, 50))
        .allSatisfy(
            r -> {
              assertThat(r.name()).endsWith("_PRV03");
              assertThat(r.interpretedType()).isEqualTo("AVOIDANCE");
              assertThat(r.contourCount()).isPositive();
            });
    assertThat(m.rois().get(30).name()).isEqualTo("Brain_PRV03");
    assertThat(m.roi("Parotid_L_PRV03").number()).isEqualTo(43);
  }

  @Test
  void aRiskVolumeIsItsOrganGrownByThreeMillimetresOnEveryAxis() {
    Anatomy a = Anatomy.standard().withRoiCount(32);
    Solid brainstem = a.solid("Brainstem");
    Solid prv = a.solid("Brainstem_PRV03");

    assertThat(new double[] {prv.ax(), prv.ay(), prv.az()})
        .containsExactly(brainstem.ax() + 3, brainstem.ay() + 3, brainstem.az() + 3);
    assertThat(new double[] {prv.cx(), prv.cy(), prv.cz()})
        .containsExactly(brainstem.cx(), brainstem.cy(), brainstem.cz());
  }

  @Test
  void theStandardCountIsTheStandardAnatomyAndImpossibleCountsAreRefused() {
    assertThat(Anatomy.standard().withRoiCount(30).solids())
        .extracting(Solid::name)
        .isEqualTo(Anatomy.standard().solids().stream().map(Solid::name).toList());
    assertThatThrownBy(() -> Anatomy.standard().withRoiCount(29))
        .hasMessageContaining("between 30 and 53");
    assertThatThrownBy(() -> Anatomy.standard().withRoiCount(54))
        .hasMessageContaining("between 30 and 53");
  }
}

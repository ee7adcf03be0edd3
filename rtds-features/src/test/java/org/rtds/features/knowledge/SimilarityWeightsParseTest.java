package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.ranking.SimilarityWeights;

class SimilarityWeightsParseTest {

  @Test
  void blankIsTheDefaultAndKeysOverrideIt() {
    assertThat(SimilarityWeights.parse(" ")).isEqualTo(SimilarityWeights.DEFAULT);
    SimilarityWeights w =
        SimilarityWeights.parse("ovh=0.7, sts=0.1,maxDoseDiffGy=2,oar.Parotid_L=2,scales=median");
    assertThat(w.ovhWeight()).isEqualTo(0.7);
    assertThat(w.stsWeight()).isEqualTo(0.1);
    assertThat(w.targetDoseWeight()).isEqualTo(0.2);
    assertThat(w.maxTargetDoseDifferenceGy()).isEqualTo(2);
    assertThat(w.oarWeight("Parotid_L")).isEqualTo(2);
    assertThat(w.oarWeight("Larynx")).isEqualTo(1);
    assertThat(w.scales()).isEqualTo(SimilarityWeights.Scales.CANDIDATE_MEDIAN);
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> SimilarityWeights.parse("ovh"))
        .hasMessageContaining("'ovh' is not key=value");
    assertThatThrownBy(() -> SimilarityWeights.parse("ovh=lots"))
        .hasMessageContaining("ovh must be a number, not 'lots'");
    assertThatThrownBy(() -> SimilarityWeights.parse("colour=1"))
        .hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> SimilarityWeights.parse("scales=log"))
        .hasMessageContaining("fixed or median");
    assertThatThrownBy(() -> SimilarityWeights.parse("ovh=-1")).hasMessageContaining("≥ 0");
  }
}

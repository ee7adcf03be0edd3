package org.rtds.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void likeCharactersAreMatchedLiterally() {
    assertThat(SearchText.containsPattern(" Müller_50% ")).isEqualTo("%müller!_50!%%");
    assertThat(SearchText.containsPattern("a!b")).isEqualTo("%a!!b%");
    assertThat(SearchText.containsPattern("' OR 1=1 --")).isEqualTo("%' or 1=1 --%");
  }

  @Test
  void blankMeansNoFilterAndLongTextIsCut() {
    assertThat(SearchText.containsPattern("  ")).isNull();
    assertThat(SearchText.containsPattern(null)).isNull();
    assertThat(SearchText.containsPattern("x".repeat(500))).hasSize(SearchText.MAX_LENGTH + 2);
  }
}

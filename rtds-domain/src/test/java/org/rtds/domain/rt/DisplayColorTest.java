package org.rtds.domain.rt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayColorTest {

  @Test
  void readsThreeChannelsAndClampsThem() {
    assertThat(DisplayColor.rgb("255\\0\\128")).containsExactly(255, 0, 128);
    assertThat(DisplayColor.rgb(" 300\\ -4 \\12 ")).containsExactly(255, 0, 12);
  }

  @Test
  void anythingElseIsNoColour() {
    assertThat(DisplayColor.rgb(null)).isNull();
    assertThat(DisplayColor.rgb("255\\0")).isNull();
    assertThat(DisplayColor.rgb("red\\green\\blue")).isNull();
    assertThat(DisplayColor.rgb("")).isNull();
  }
}

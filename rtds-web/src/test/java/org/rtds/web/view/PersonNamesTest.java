package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

  @Test
  void familyThenGivenAndMiddleNames() {
    assertThat(PersonNames.display("Curie^Marie")).isEqualTo("Curie, Marie");
    assertThat(PersonNames.display("Gray^Louis^Harold")).isEqualTo("Gray, Louis Harold");
    assertThat(PersonNames.display("Doe^John^^Dr^Jr")).isEqualTo("Dr Doe, John Jr");
  }

  @Test
  void missingComponentsAndOtherGroupsAreLeftOut() {
    assertThat(PersonNames.display("Anonymous")).isEqualTo("Anonymous");
    assertThat(PersonNames.display("^Marie")).isEqualTo("Marie");
    assertThat(PersonNames.display("Yamada^Tarou=山田^太郎=やまだ^たろう")).isEqualTo("Yamada, Tarou");
    assertThat(PersonNames.display(" ")).isEmpty();
    assertThat(PersonNames.display(null)).isEmpty();
  }
}

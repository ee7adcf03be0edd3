package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyVisibilityTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theSenderAndAdministratorsSeeTheStudyOthersDoNot() {
    assertThat(StudyVisibility.identifiable(5, false, 5)).isTrue();
    assertThat(StudyVisibility.identifiable(5, false, 6)).isFalse();
    assertThat(StudyVisibility.identifiable(5, false, null)).isFalse();
    assertThat(StudyVisibility.identifiable(5, true, 6)).isTrue();
  }

  @Test
  void keysAreStableDistinctAndDependOnTheSecret() {
    StudyVisibility v = new StudyVisibility(SECRET);
    assertThat(v.deidentifiedKey(42)).matches("KB-[A-Z2-7]{16}").isEqualTo(v.deidentifiedKey(42));
    assertThat(new StudyVisibility(SECRET.clone()).deidentifiedKey(42))
        .isEqualTo(v.deidentifiedKey(42));
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    assertThat(new StudyVisibility(other).deidentifiedKey(42)).isNotEqualTo(v.deidentifiedKey(42));
    Set<String> keys = new HashSet<>();
    for (int id = 1; id <= 10_000; id++) {
      keys.add(v.deidentifiedKey(id));
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new StudyVisibility(new byte[8]))
        .hasMessageContaining("at least 16 bytes");
  }
}

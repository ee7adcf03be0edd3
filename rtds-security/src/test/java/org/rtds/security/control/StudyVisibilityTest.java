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
  void theSendersHospitalAndSuperusersSeeTheStudyOthersDoNot() {
    HospitalScope ucla = new HospitalScope(false, "UCLA", Set.of(5, 7));
    HospitalScope alone = new HospitalScope(false, null, Set.of(9));
    HospitalScope superuser = HospitalScope.everyHospital(null, 1);

    assertThat(StudyVisibility.identifiable(ucla, 5)).isTrue();
    assertThat(StudyVisibility.identifiable(ucla, 7)).as("a colleague's study").isTrue();
    assertThat(StudyVisibility.identifiable(ucla, 6)).as("another hospital's").isFalse();
    assertThat(StudyVisibility.identifiable(ucla, null)).as("no sender").isFalse();
    assertThat(StudyVisibility.identifiable(alone, 9)).isTrue();
    assertThat(StudyVisibility.identifiable(alone, 5)).isFalse();
    assertThat(StudyVisibility.identifiable(superuser, 6)).isTrue();
    assertThat(StudyVisibility.identifiable(superuser, null)).isTrue();
  }

  @Test
  void hospitalNamesAreStrippedAndBlankMeansNone() {
    assertThat(HospitalScope.normalise("  UCLA ")).isEqualTo("UCLA");
    assertThat(HospitalScope.normalise("  ")).isNull();
    assertThat(HospitalScope.normalise(null)).isNull();
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

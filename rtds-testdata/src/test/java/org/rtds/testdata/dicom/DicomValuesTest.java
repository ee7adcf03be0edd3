package org.rtds.testdata.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DicomValuesTest {

  @Test
  void dsIsShortestRepresentationWhenItFits() {
    assertThat(DicomValues.ds(0.0)).isEqualTo("0");
    assertThat(DicomValues.ds(-0.0)).isEqualTo("0");
    assertThat(DicomValues.ds(28.0)).isEqualTo("28");
    assertThat(DicomValues.ds(-1024)).isEqualTo("-1024");
    assertThat(DicomValues.ds(0.1)).isEqualTo("0.1");
    assertThat(DicomValues.ds(0.9765625)).isEqualTo("0.9765625");
    assertThat(DicomValues.ds(9e-9)).isEqualTo("0.000000009");
  }

  @Test
  void dsRoundsLongValuesToSixteenCharacters() {
    assertThat(DicomValues.ds(Math.PI)).isEqualTo("3.14159265358979").hasSize(16);
    assertThat(DicomValues.ds(-Math.PI)).isEqualTo("-3.1415926535898").hasSize(16);
    assertThat(DicomValues.ds(1.0 / 3)).hasSizeLessThanOrEqualTo(16);
    assertThat(DicomValues.ds(1.234567890123e-12)).isEqualTo("1.2345678901E-12");
    assertThat(DicomValues.ds(6.02214076e23)).isEqualTo("6.02214076E23");
    assertThat(DicomValues.ds(-Double.MAX_VALUE)).hasSizeLessThanOrEqualTo(16);
    assertThat(DicomValues.ds(Double.MIN_VALUE)).isEqualTo("4.9E-324");
  }

  @Test
  void dsOfRandomDoublesFitsAndIsAccurate() {
    Random r = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
      String s = DicomValues.ds(v);
      assertThat(s.length()).as(s).isLessThanOrEqualTo(16);
      assertThat(s).matches("[-+]?[0-9]*\\.?[0-9]*([eE][-+]?[0-9]+)?");
      assertThat(Double.parseDouble(s))
          .isCloseTo(v, org.assertj.core.api.Assertions.within(Math.abs(v) * 1e-9));
    }
  }

  @Test
  void dsRejectsNonFinite() {
    assertThatThrownBy(() -> DicomValues.ds(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomValues.ds(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isAndUidValidation() {
    assertThat(DicomValues.is(-2147483648L)).hasSize(11);
    assertThatThrownBy(() -> DicomValues.is(1L << 31)).isInstanceOf(IllegalArgumentException.class);
    assertThat(DicomValues.isValidUid("1.2.840.10008.1.2.1")).isTrue();
    assertThat(DicomValues.isValidUid("1.02.3")).isFalse();
    assertThat(DicomValues.isValidUid("1..2")).isFalse();
    assertThat(DicomValues.isValidUid("1.2.")).isFalse();
    assertThat(DicomValues.isValidUid("1.2.a")).isFalse();
    assertThat(DicomValues.isValidUid("1." + "2".repeat(63))).isFalse();
    for (int i = 0; i < 1000; i++) {
      String uid = Uids.random();
      assertThat(DicomValues.isValidUid(uid)).as(uid).isTrue();
      assertThat(uid.length()).isLessThanOrEqualTo(44);
    }
    assertThat(Uids.fromName("x")).isEqualTo(Uids.fromName("x")).isNotEqualTo(Uids.fromName("y"));
    assertThat(DicomValues.isValidUid(Uids.IMPLEMENTATION_CLASS_UID)).isTrue();
  }
}

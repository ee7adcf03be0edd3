package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rtds.features.dose.dvh.CumulativeDvh;
import org.rtds.features.dose.dvh.DoseVolumeSamples;
import org.rtds.features.dose.dvh.DvhDataCodec;
import org.rtds.features.dose.dvh.DvhType;
import org.rtds.features.dose.dvh.VolumeUnit;

/** rt_dvh DVHData encoding and decoding (§4.4 step 8). */
class DvhDataCodecTest {

  @Test
  void roundTripOfAComputedDvh() {
    CumulativeDvh dvh =
        DoseVolumeSamples.of(new double[] {1.234, 2.5, 3.75}, new double[] {0.1, 0.2, 1.0 / 3})
            .cumulativeDvh(0.01);
    String text = DvhDataCodec.encode(dvh);
    assertThat(text).startsWith("0.01,0.63333334").contains(",0.01,0.3333333");
    CumulativeDvh back = DvhDataCodec.decode(text, 1, DvhType.CUMULATIVE, VolumeUnit.CM3);
    assertThat(back.binCount()).isEqualTo(dvh.binCount());
    for (int k = 0; k < dvh.binCount(); k++) {
      assertThat(back.volumes()[k]).isCloseTo(dvh.volumes()[k], within(1e-9));
      assertThat(back.binWidthsGy()[k]).isEqualTo(0.01);
    }
    assertThat(back.lowerEdgesGy()[375]).isCloseTo(3.75, within(1e-9));
  }

  @Test
  void everyValueIsWrittenAsItsOwnTenDigitTextWhateverRepeats() {
    double[] widths = new double[600];
    double[] volumes = new double[600];
    java.util.SplittableRandom random = new java.util.SplittableRandom(14);
    double v = 123.456789012345;
    for (int k = 0; k < widths.length; k++) {
      widths[k] = k < 300 ? 0.01 : 0.01 + (k % 7) * 1e-12; // repeats, then values 1e-12 apart
      if (random.nextInt(4) == 0) {
        v = v * random.nextDouble();
      }
      volumes[k] = k > 550 ? 0 : v;
    }
    String text = DvhDataCodec.encode(new CumulativeDvh(widths, volumes, VolumeUnit.CM3));
    StringBuilder expected = new StringBuilder();
    for (int k = 0; k < widths.length; k++) {
      expected.append(k == 0 ? "" : ",").append(tenDigits(widths[k]));
      expected.append(',').append(tenDigits(volumes[k]));
    }
    assertThat(text).isEqualTo(expected.toString());
  }

  private static String tenDigits(double v) {
    return Math.abs(v) < 1e-9
        ? "0"
        : new java.math.BigDecimal(v)
            .round(new java.math.MathContext(10))
            .stripTrailingZeros()
            .toPlainString();
  }

  @Test
  void decodesScaledDifferentialAndPercentTpsDvhs() {
    // DICOM style: backslashes, widths in units of DVHDoseScaling
    CumulativeDvh d =
        DvhDataCodec.decode("100\\2\\100\\3\\200\\5", 0.01, DvhType.DIFFERENTIAL, VolumeUnit.CM3);
    assertThat(d.volumes()).containsExactly(10, 8, 5);
    assertThat(d.lowerEdgesGy()).containsExactly(0, 1, 2);
    CumulativeDvh p = DvhDataCodec.decode("1,100,1,50", 1, DvhType.CUMULATIVE, VolumeUnit.PERCENT);
    assertThat(p.toCc(8).volumes()).containsExactly(8, 4);
  }

  @Test
  void rejectsNaturalAndOddLists() {
    assertThatThrownBy(() -> DvhDataCodec.decode("1,2", 1, DvhType.NATURAL, VolumeUnit.CM3))
        .hasMessage("NATURAL DVHs are not supported");
    assertThatThrownBy(() -> DvhDataCodec.decode("1,2,3", 1, DvhType.CUMULATIVE, VolumeUnit.CM3))
        .hasMessageContaining("(width, volume) pairs");
    assertThatThrownBy(() -> VolumeUnit.fromDicom("PER_U")).hasMessageContaining("not supported");
  }
}

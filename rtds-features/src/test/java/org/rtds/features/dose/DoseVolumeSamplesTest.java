package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.dvh.CumulativeDvh;
import org.rtds.features.dose.dvh.DoseVolumeSamples;

/** Spec §8 G and the exact step rule on larger lists. */
class DoseVolumeSamplesTest {
  private static final DoseVolumeSamples FOUR =
      DoseVolumeSamples.of(new double[] {20, 40, 10, 30}, new double[] {1, 1, 1, 1});

  @Test
  void discreteCaseG() {
    assertThat(FOUR.meanGy()).isEqualTo(25.0);
    assertThat(FOUR.maxGy()).isEqualTo(40.0);
    assertThat(FOUR.minGy()).isEqualTo(10.0);
    assertThat(FOUR.volumeAtLeastCc(20)).isCloseTo(3.0, within(1e-9));
    assertThat(FOUR.doseAtVolumePercent(50)).hasValue(30.0);
    assertThat(FOUR.doseAtVolumePercent(75)).hasValue(20.0);
    assertThat(FOUR.doseAtVolumePercent(100)).hasValue(10.0);
    assertThat(FOUR.doseAtVolumeCc(2)).hasValue(30.0);
    assertThat(FOUR.doseAtVolumeCc(0)).hasValue(40.0);
    assertThat(FOUR.doseAtVolumeCc(4.5)).isEmpty();
  }

  @Test
  void uniformDose() {
    DoseVolumeSamples s = DoseVolumeSamples.of(new double[] {50, 50, 50}, new double[] {1, 2, 3});
    assertThat(s.volumeAtLeastCc(50)).isCloseTo(6.0, within(1e-9));
    assertThat(s.volumeAtLeastCc(50.01)).isZero();
    assertThat(s.doseAtVolumePercent(95)).hasValue(50.0);
  }

  @Test
  void stepRuleMatchesAFullSortOnRandomWeightedData() {
    Random rnd = new Random(7);
    int n = 200_000;
    float[] d = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (rnd.nextGaussian() * 10 + 40);
      v[i] = 1 + rnd.nextInt(4);
    }
    DoseVolumeSamples s = new DoseVolumeSamples(d.clone(), v.clone());
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Float.compare(d[b], d[a]));
    double total = 0;
    for (float x : v) {
      total += x;
    }
    for (double pct : new double[] {0.5, 2, 50, 95, 98, 99.9}) {
      double target = pct / 100 * total;
      double cum = 0;
      double expected = Double.NaN;
      for (Integer i : idx) {
        cum += v[i];
        if (cum >= target - 1e-9 * total) {
          expected = d[i];
          break;
        }
      }
      assertThat(s.doseAtVolumePercent(pct).getAsDouble()).as("D%s%%", pct).isEqualTo(expected);
    }
  }

  @Test
  void cumulativeDvhBinsAreHalfOpenAndStartAtZero() {
    CumulativeDvh dvh = FOUR.cumulativeDvh(0.01);
    assertThat(dvh.binCount()).isEqualTo(4001);
    assertThat(dvh.volumes()[0]).isCloseTo(4.0, within(1e-12));
    assertThat(dvh.volumes()[1000]).isCloseTo(4.0, within(1e-12));
    assertThat(dvh.volumes()[1001]).isCloseTo(3.0, within(1e-12));
    assertThat(dvh.volumes()[2000]).isCloseTo(3.0, within(1e-12));
    assertThat(dvh.volumes()[4000]).isCloseTo(1.0, within(1e-12));
    DoseVolumeSamples exact = DoseVolumeSamples.of(new double[] {0.3}, new double[] {1});
    assertThat(exact.cumulativeDvh(0.01).binCount()).isEqualTo(31);
  }

  @Test
  void emptyListHasNoMetrics() {
    DoseVolumeSamples s = new DoseVolumeSamples(new float[0], new float[0]);
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.meanGy()).isZero();
    assertThat(s.doseAtVolumePercent(50)).isEmpty();
    assertThat(s.cumulativeDvh(0.01).volumes()).containsExactly(0.0);
  }
}

package org.rtds.features.knowledge.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trig-free binning agrees with the asin/atan2 definition. */
class StsBinningTest {

  @Test
  void fastBinsEqualTheReferenceOnRandomAndAxisAlignedOffsets() {
    Random rnd = new Random(11);
    int disagree = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double ux = rnd.nextGaussian() * 60;
      double uy = rnd.nextGaussian() * 60;
      double uz = rnd.nextGaussian() * 60;
      if (i % 7 == 0) {
        ux = Math.rint(ux);
        uy = Math.rint(uy);
        uz = Math.rint(uz);
      }
      if (StsCalculator.bin(ux, uy, uz, uz * uz) != StsCalculator.referenceBin(ux, uy, uz)) {
        disagree++;
      }
    }
    assertThat(disagree).isZero();
    double[][] axes = {
      {1, 0, 0},
      {-1, 0, 0},
      {0, 1, 0},
      {0, -1, 0},
      {0, 0, 1},
      {0, 0, -1},
      {0, 0, 0},
      {-3, 0, 4},
      {0, -2, 0.5},
      {1, 1, 0},
      {-1, -1, 0}
    };
    for (double[] u : axes) {
      assertThat(StsCalculator.bin(u[0], u[1], u[2], u[2] * u[2]))
          .isEqualTo(StsCalculator.referenceBin(u[0], u[1], u[2]));
    }
  }
}

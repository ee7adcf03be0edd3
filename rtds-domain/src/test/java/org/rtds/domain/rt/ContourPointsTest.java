package org.rtds.domain.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The stored text of a contour reads back as the values sent, in every form a row may hold. */
class ContourPointsTest {

  @Test
  void theStoredFormReadsBackBitForBitAsParseDoubleReadsEachValue() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 2_000; n++) {
      String[] items = new String[3 * (1 + random.nextInt(40))];
      for (int i = 0; i < items.length; i++) {
        double v = (random.nextDouble() - 0.5) * 600;
        items[i] =
            switch (random.nextInt(4)) {
              case 0 -> String.valueOf(v);
              case 1 -> String.format(java.util.Locale.ROOT, "%.4f", v);
              case 2 -> String.format(java.util.Locale.ROOT, "%.6e", v);
              default -> String.valueOf((int) v);
            };
      }
      double[] values = ContourPoints.parse(ContourPoints.format(List.of(items)));
      assertThat(values).hasSize(items.length);
      for (int i = 0; i < items.length; i++) {
        assertThat(Double.doubleToRawLongBits(values[i]))
            .as(items[i])
            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(items[i])));
      }
    }
  }

  @Test
  void legacyRowsWithBackslashesSpacesOrRepeatedSeparatorsReadAsBefore() {
    double[] expected = {1.5, -2, 3, 4, 5.25, 6};
    for (String legacy :
        new String[] {
          "1.5\\-2\\3\\4\\5.25\\6",
          "1.5 -2 3\n4 5.25 6",
          "1.5, -2, 3, 4, 5.25, 6",
          " 1.5,,-2,3,4,5.25,6, ",
          "1.5\t-2\t3\t4\t5.25\t6"
        }) {
      assertThat(ContourPoints.parse(legacy)).as(legacy).containsExactly(expected);
    }
    assertThat(ContourPoints.parse("  ")).isEmpty();
  }

  @Test
  void aValueThatIsNotANumberOrACountThatIsNotTriplesIsNamed() {
    assertThatThrownBy(() -> ContourPoints.parse("1,2,x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 3 'x' is not a number");
    assertThatThrownBy(() -> ContourPoints.parse("1,2,3,4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a multiple of 3");
  }
}

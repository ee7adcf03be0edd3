package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtds.features.dose.dvh.DoseVolumeSamples;
import org.rtds.features.dose.metric.Metric;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.dose.metric.MetricParser;
import org.rtds.features.dose.metric.MetricValue;

/** Metric expression parser, canonical names, evaluation and errors. */
class MetricTest {
  private static final DoseVolumeSamples FOUR =
      DoseVolumeSamples.of(new double[] {10, 20, 30, 40}, new double[] {1, 1, 1, 1});

  @ParameterizedTest
  @CsvSource({
    "Dmean, Dmean, Gy",
    "dmax, Dmax, Gy",
    "DMIN, Dmin, Gy",
    "D95%, D95%, Gy",
    "d2cc, D2cc, Gy",
    "D2.0cc, D2cc, Gy",
    "D0.03cc, D0.03cc, Gy",
    "D.5cc, D0.5cc, Gy",
    "V20Gy, V20Gy, %",
    "v20.5gy, V20.5Gy, %",
    "V2000cGy, V20Gy, %",
    "V2050cGy, V20.5Gy, %",
    "V20Gy[cc], V20Gy[cc], cc",
    "V20Gy[%], V20Gy, %",
    "V95%Rx, V95%Rx, %",
    "v95%rx[cc], V95%Rx[cc], cc",
    "D95%[%Rx], D95%[%Rx], %",
    "Dmean[%rx], Dmean[%Rx], %",
    "volume, Volume, cc",
    "hi, HI, ''",
    "CI, CI_RTOG, ''",
    "PaddickCI, CI_Paddick, ''",
    "GI, GI, ''",
    "coverage, Coverage, ''",
    "' D95% ', D95%, Gy"
  })
  void parsesToStableCanonicalNames(String expression, String canonical, String unit) {
    Metric m = MetricParser.parse(expression);
    assertThat(m.canonicalName()).isEqualTo(canonical);
    assertThat(m.unit()).isEqualTo(unit);
    assertThat(MetricParser.parse(canonical)).isEqualTo(m);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "D95|metric 'D95' needs a unit: D95% or D95cc",
        "d2.50|metric 'd2.50' needs a unit: D2.5% or D2.5cc",
        "V20|metric 'V20' needs a dose unit: V20Gy, V20cGy or V20%Rx",
        "X|unknown metric 'X'",
        "D150%|metric 'D150%': the volume percentage must be between 0 and 100",
        "Dmean2|unknown metric 'Dmean2'",
        "' '|empty metric name"
      })
  void rejectsBadExpressionsNamingTheProblem(String expression, String message) {
    assertThatThrownBy(() -> MetricParser.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOf(MetricException.class)
        .hasMessage(message);
  }

  @Test
  void evaluatesCaseGAndRelativeDoses() {
    MetricContext ctx = MetricContext.of(FOUR).withPrescription(40);
    List<MetricValue> v =
        MetricEvaluator.evaluateAll(
            List.of(
                "Dmean",
                "D50%",
                "D2cc",
                "V20Gy",
                "V20Gy[cc]",
                "V2000cGy",
                "V75%Rx",
                "D50%[%Rx]",
                "Volume",
                "D5cc"),
            ctx);
    assertThat(v)
        .extracting(
            x ->
                x.metric()
                    + "="
                    + (x.value().isPresent() ? x.value().getAsDouble() : "")
                    + x.unit())
        .containsExactly(
            "Dmean=25.0Gy",
            "D50%=30.0Gy",
            "D2cc=30.0Gy",
            "V20Gy=75.0%",
            "V20Gy[cc]=3.0cc",
            "V20Gy=75.0%",
            "V75%Rx=50.0%",
            "D50%[%Rx]=75.0%",
            "Volume=4.0cc",
            "D5cc=Gy");
    assertThat(v.get(9).note()).isEqualTo("ROI volume 4.0000 cc is smaller than 5 cc");
  }

  @Test
  void missingPrescriptionOrIsodoseVolumeIsAClearError() {
    MetricContext ctx = MetricContext.of(FOUR);
    assertThatThrownBy(() -> MetricEvaluator.evaluateAll(List.of("V95%Rx"), ctx))
        .isInstanceOf(MetricException.class)
        .hasMessage("V95%Rx needs the prescription dose, which is unknown");
    assertThatThrownBy(() -> MetricEvaluator.evaluateAll(List.of("CI"), ctx.withPrescription(20)))
        .hasMessage(
            "CI_RTOG needs the isodose volume (dose grid or external ROI), which is unknown");
  }

  @Test
  void planQualityIndices() {
    // target: 4 cc at 10/20/30/40 Gy; Rx 20 Gy; the 20 Gy isodose encloses 6 cc, the 10 Gy one 12
    // cc
    MetricContext ctx =
        MetricContext.of(FOUR).withPrescription(20).withIsodoseVolume(d -> d <= 10 ? 12 : 6);
    assertThat(value("CI", ctx)).isCloseTo(6 / 4.0, within(1e-12));
    assertThat(value("PaddickCI", ctx)).isCloseTo(3.0 * 3.0 / (4 * 6), within(1e-12));
    assertThat(value("GI", ctx)).isCloseTo(2.0, within(1e-12));
    assertThat(value("Coverage", ctx)).isCloseTo(0.75, within(1e-12));
    // HI = (D2% − D98%)/D50% = (40 − 10)/30
    assertThat(value("HI", ctx)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void emptyRoiGivesEmptyValuesNeverNaN() {
    MetricContext ctx = MetricContext.of(new DoseVolumeSamples(new float[0], new float[0]));
    MetricValue v = MetricEvaluator.evaluate(MetricParser.parse("Dmean"), ctx);
    assertThat(v.value()).isEmpty();
    assertThat(v.note()).isEqualTo("ROI has no volume");
    assertThat(MetricEvaluator.evaluate(MetricParser.parse("Volume"), ctx).value()).hasValue(0.0);
  }

  private static double value(String m, MetricContext ctx) {
    return MetricEvaluator.evaluate(MetricParser.parse(m), ctx).value().getAsDouble();
  }
}

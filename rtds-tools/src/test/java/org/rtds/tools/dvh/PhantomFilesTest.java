package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtds.testdata.AnalyticDvh;
import org.rtds.testdata.DvhMetrics;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Gradient;
import org.rtds.testdata.PhantomStudy.Options;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.PhantomTruth;
import org.rtds.testdata.StudyManifest;

/**
 * The whole path from files to metrics: Nelms-style phantoms written as real DICOM (CT, RTSTRUCT,
 * RTPLAN, RTDOSE) by rtds-testdata, read by {@link DvhCommand#run} from the folder, CSV parsed back
 * and compared with {@link StudyManifest#analyticTruth()} using the tolerances of the features
 * module's AnalyticDvhTest (docs/algorithms.md §8 F): volume ±3 % at h ≤ 1 mm, ±5 % above; doses
 * ±(g·h/2 + bin), at least 3 % for the non-extreme metrics; V20Gy within the analytic V at 20 Gy ±
 * that dose tolerance (± 1 point); a cone's Dmin (apex, a single point) and the perpendicular
 * cone's Dmax (a rim) only bounded by D99/D1. h is the coarser of contour spacing and CT pixel
 * spacing.
 */
class PhantomFilesTest {
  private static final double BIN = 0.01;
  private static final String METRICS = "Volume,Dmean,D95%,D5%,Dmin,Dmax,D0.03cc,V20Gy";

  static Stream<Arguments> cases() {
    Options d = Options.defaults();
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("defaults: SI, 1 mm contours, 2 mm dose, 32-bit", d));
    out.add(Arguments.of("2 mm contours", d.withContourSpacingMm(2)));
    out.add(
        Arguments.of(
            "3 mm contours, 3 mm dose", d.withContourSpacingMm(3).withDoseGridSpacingMm(3)));
    out.add(Arguments.of("AP gradient", d.withGradient(Gradient.AP)));
    out.add(Arguments.of("LR gradient", d.withGradient(Gradient.LR)));
    out.add(
        Arguments.of(
            "R 8, 1.5 Gy/mm, 2.5 mm dose",
            d.withRadiusMm(8).withHeightMm(16).withDose(16, 1.5).withDoseGridSpacingMm(2.5)));
    out.add(
        Arguments.of(
            "R 20, 0.6 Gy/mm, 2 mm contours, AP",
            d.withRadiusMm(20)
                .withHeightMm(40)
                .withDose(16, 0.6)
                .withContourSpacingMm(2)
                .withGradient(Gradient.AP)));
    out.add(Arguments.of("32-bit RLE dose", d.withRle(true)));
    out.add(Arguments.of("16-bit dose", d.withDoseBits(16)));
    out.add(Arguments.of("3 BEAM doses (RLE) to be summed", d.withBeams(3).withRle(true)));
    out.add(
        Arguments.of(
            "implicit VR, undefined sequence lengths",
            d.withImplicitVr(true)
                .withSequenceLength(org.rtds.testdata.dicom.DicomWriter.SequenceLength.UNDEFINED)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void metricsFromFilesMatchTheAnalyticTruth(String name, Options options, @TempDir Path dir)
      throws IOException {
    StudyManifest m = PhantomStudy.write(dir, options);
    Cli.Result r = Cli.run(dir, "--metrics", METRICS);
    assertThat(r.status()).as(r.err()).isZero();
    double h = Math.max(options.contourSpacingMm(), options.ctPixelSpacingMm());
    double g = options.gradientGyPerMm();
    for (Shape shape : options.shapes()) {
      String roi = shape.roiName();
      DvhMetrics truth = m.analyticTruth().get(roi);
      AnalyticDvh exact = PhantomTruth.of(shape, options);
      double dose = g * h / 2 + BIN;
      // AP/LR gradients run across the CT rows/columns, whose pixel centres the generator puts on
      // the objects' centres: an object's extreme-dose boundary then coincides with a line of
      // pixel centres, and the innermost sample lies one full pixel inside (±g·h, not g·h/2)
      double extreme = options.gradient() == Gradient.SI ? dose : g * h + BIN;
      double volume = r.value(roi, "Volume");
      System.out.printf(
          Locale.ROOT,
          "%s %s: V %.4f/%.4f Dmean %.3f/%.3f D95 %.3f/%.3f D5 %.3f/%.3f Dmin %.3f/%.3f"
              + " Dmax %.3f/%.3f D0.03cc %.3f/%.3f V20 %.2f/%.2f%n",
          name,
          roi,
          volume,
          truth.volumeCc(),
          r.value(roi, "Dmean"),
          truth.dmeanGy(),
          r.value(roi, "D95%"),
          truth.d95Gy(),
          r.value(roi, "D5%"),
          truth.d5Gy(),
          r.value(roi, "Dmin"),
          truth.dminGy(),
          r.value(roi, "Dmax"),
          truth.dmaxGy(),
          r.value(roi, "D0.03cc"),
          truth.d003ccGy(),
          r.value(roi, "V20Gy"),
          truth.v20GyPercent());
      String as = name + " " + roi + " ";
      assertThat(volume)
          .as(as + "Volume")
          .isCloseTo(truth.volumeCc(), within(truth.volumeCc() * (h <= 1 ? 0.03 : 0.05)));
      assertThat(r.value(roi, "Dmean"))
          .as(as + "Dmean")
          .isCloseTo(truth.dmeanGy(), within(Math.max(dose, 0.03 * truth.dmeanGy())));
      assertThat(r.value(roi, "D95%"))
          .as(as + "D95%")
          .isCloseTo(truth.d95Gy(), within(Math.max(dose, 0.03 * truth.d95Gy())));
      assertThat(r.value(roi, "D5%"))
          .as(as + "D5%")
          .isCloseTo(truth.d5Gy(), within(Math.max(dose, 0.03 * truth.d5Gy())));
      assertThat(r.value(roi, "D0.03cc"))
          .as(as + "D0.03cc")
          .isCloseTo(truth.d003ccGy(), within(extreme));
      boolean cone = shape == Shape.CONE_PARALLEL || shape == Shape.CONE_PERPENDICULAR;
      if (cone) {
        assertThat(r.value(roi, "Dmin"))
            .as(as + "Dmin")
            .isBetween(truth.dminGy() - extreme, truth.d99Gy() + extreme);
      } else {
        assertThat(r.value(roi, "Dmin")).as(as + "Dmin").isCloseTo(truth.dminGy(), within(extreme));
      }
      if (shape == Shape.CONE_PERPENDICULAR) {
        assertThat(r.value(roi, "Dmax"))
            .as(as + "Dmax")
            .isBetween(truth.d1Gy() - extreme, truth.dmaxGy() + extreme);
      } else {
        assertThat(r.value(roi, "Dmax")).as(as + "Dmax").isCloseTo(truth.dmaxGy(), within(extreme));
      }
      double v = exact.volumeCc();
      assertThat(r.value(roi, "V20Gy"))
          .as(as + "V20Gy")
          .isBetween(
              100 * exact.volumeAtLeastCc(20 + dose) / v - 1,
              100 * exact.volumeAtLeastCc(20 - dose) / v + 1);
    }
  }
}

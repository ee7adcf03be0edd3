package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricValue;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.testing.Phantoms;
import org.rtds.features.dose.testing.Shape;
import org.rtds.testdata.Fixtures;

/**
 * The nelms-like study (rtds-testdata fixture, {@code org/rtds/testdata/fixtures/README.md})
 * rebuilt in code from its description (CT 121×121×41 at 1 mm, IPP (−60, −60, −19.5); 96-gon
 * contours on every CT slice; RT Dose 2 mm, IPP (−58, −58, −16), 17 frames, D = 16 Gy + 1 Gy/mm·z)
 * and checked against the analytic rows of {@link Fixtures#nelmsLikeExpected()} with the suggested
 * tolerances. The dicompyler-core rows are compared for information.
 */
class NelmsLikeStudyTest {
  private record Row(
      int roi,
      String name,
      String metric,
      double value,
      String unit,
      String source,
      String tolerance) {}

  private static final Map<String, Map<String, MetricValue>> OURS = new HashMap<>();
  private static final Map<String, Map<String, MetricValue>> SUPERSAMPLED = new HashMap<>();
  private static final List<Row> ROWS = new ArrayList<>();

  @BeforeAll
  static void computeStudy() throws IOException {
    for (String line : Fixtures.nelmsLikeExpectedRows()) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      ROWS.add(
          new Row(
              Integer.parseInt(f[0]),
              f[1],
              f[2],
              Double.parseDouble(f[3]),
              f[4],
              f[5],
              f[6].replace("\"", "")));
    }
    double[] z = Phantoms.range(-19.5, 1, 41);
    SamplingGrid ct = Phantoms.ct(-60, -60, 1, 121, 121, z);
    DoseGrid dose =
        Phantoms.linearDose(
            new double[] {-58, -58, -16},
            2,
            59,
            59,
            Phantoms.range(-16, 2, 17),
            16,
            new double[] {0, 0, 1});
    List<RoiContours> rois =
        List.of(
            new RoiContours(
                2,
                "PTV",
                new Shape(Shape.Kind.SPHERE, new double[] {-28, -28, 0}, 12, 2).contours(z, 96)),
            new RoiContours(
                3,
                "Cyl_Par",
                new Shape(Shape.Kind.CYLINDER, new double[] {28, -28, 0}, 12, 2).contours(z, 96)),
            new RoiContours(
                4,
                "Cyl_Perp",
                new Shape(Shape.Kind.CYLINDER, new double[] {0, 28, 0}, 12, 0).contours(z, 96)),
            new RoiContours(
                5,
                "Cone_Par",
                new Shape(Shape.Kind.CONE, new double[] {-28, 28, 0}, 12, 2).contours(z, 96)));
    List<String> metrics =
        ROWS.stream()
            .filter(r -> r.source().equals("analytic"))
            .map(Row::metric)
            .distinct()
            .toList();
    evaluate(DvhCalculator.computeAll(rois, ct, dose, DvhOptions.DEFAULT), metrics, OURS);
    DvhOptions x4 = DvhOptions.DEFAULT.withRaster(new RasterOptions(0, 50, 4, true));
    evaluate(DvhCalculator.computeAll(rois, ct, dose, x4), metrics, SUPERSAMPLED);
  }

  private static void evaluate(
      List<DvhResult> results, List<String> metrics, Map<String, Map<String, MetricValue>> out) {
    for (DvhResult r : results) {
      Map<String, MetricValue> m = new HashMap<>();
      for (MetricValue v : MetricEvaluator.evaluateAll(metrics, MetricContext.of(r.samples()))) {
        m.put(v.metric(), v);
      }
      out.put(r.roiName(), m);
      System.out.printf(
          Locale.ROOT,
          "%s: DVH volume %.4f cc, prism volume %.4f cc (difference %+.4f cc), supersampling ×%d%n",
          r.roiName(),
          r.volumeCc(),
          r.prismVolumeCc(),
          r.volumeDifferenceToPrismCc(),
          r.supersampling());
    }
  }

  /**
   * Default options (×4 only below 5 cc): every analytic row passes except the volume of Cyl_Par,
   * whose identical 12 mm circles are centred on a pixel centre: only 438 of the 452.4 mm² are
   * counted on every plane (Gauss circle lattice effect, −3.2 %, not averaged out over planes).
   */
  @Test
  void analyticRowsWithTheDefaultOptions() {
    check(OURS, row -> row.name().equals("Cyl_Par") && row.metric().equals("Volume"));
    double cylinder = OURS.get("Cyl_Par").get("Volume").value().getAsDouble();
    assertThat(cylinder / 10.8570 - 1).isBetween(-0.035, -0.03);
  }

  /**
   * Supersampling ×4 in-plane and along z of every ROI (below 50 cc): every analytic row passes.
   */
  @Test
  void analyticRowsWithSupersampling() {
    check(SUPERSAMPLED, row -> false);
  }

  private static void check(
      Map<String, Map<String, MetricValue>> ours,
      java.util.function.Predicate<Row> knownException) {
    List<Row> analytic = ROWS.stream().filter(r -> r.source().equals("analytic")).toList();
    assertThat(analytic).hasSize(48);
    for (Row row : analytic) {
      if (knownException.test(row)) {
        continue;
      }
      MetricValue v = ours.get(row.name()).get(row.metric());
      assertThat(v.unit()).as(row.metric()).isEqualTo(row.unit());
      assertThat(v.value().getAsDouble())
          .as(row.name() + " " + row.metric())
          .isCloseTo(row.value(), within(tolerance(row)));
    }
  }

  @Test
  void reportAgainstDicompyler() {
    System.out.println(
        "roi,metric,analytic,rtds,rtds-analytic,rtds x4z,rtds x4z-analytic,dicompyler,dicompyler-analytic");
    for (Row d : ROWS) {
      if (!d.source().startsWith("dicompyler")) {
        continue;
      }
      Row a =
          ROWS.stream()
              .filter(
                  r ->
                      r.source().equals("analytic")
                          && r.name().equals(d.name())
                          && r.metric().equals(d.metric()))
              .findFirst()
              .orElseThrow();
      double ours = OURS.get(d.name()).get(d.metric()).value().getAsDouble();
      double x4 = SUPERSAMPLED.get(d.name()).get(d.metric()).value().getAsDouble();
      System.out.printf(
          Locale.ROOT,
          "%s,%s,%.4f,%.4f,%+.4f,%.4f,%+.4f,%.4f,%+.4f%n",
          d.name(),
          d.metric(),
          a.value(),
          ours,
          ours - a.value(),
          x4,
          x4 - a.value(),
          d.value(),
          d.value() - a.value());
      if (d.metric().equals("D95%") || d.metric().equals("Dmin")) {
        // the README's point: RTDS must do better than dicompyler on D95% and Dmin (or tie
        // within one 0.01 Gy bin: dicompyler reports bin upper edges)
        assertThat(Math.abs(ours - a.value()))
            .as(d.name() + " " + d.metric())
            .isLessThanOrEqualTo(Math.abs(d.value() - a.value()) + 0.011);
      }
    }
  }

  private static double tolerance(Row row) {
    return switch (row.tolerance()) {
      case "3%" -> 0.03 * Math.abs(row.value());
      case "max(3%,0.60 Gy)" -> Math.max(0.03 * Math.abs(row.value()), 0.60);
      case "3 percentage points" -> 3.0;
      default -> throw new IllegalStateException("unknown tolerance " + row.tolerance());
    };
  }
}

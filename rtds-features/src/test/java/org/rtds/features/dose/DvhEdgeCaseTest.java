package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricParser;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.dose.testing.Phantoms;

/** Rasterisation and DVH edge cases: holes, keyholes, islands, one slice, outside grids. */
class DvhEdgeCaseTest {
  // CT 1 mm, pixel centres at −49.5 … 49.5, slices at z = 0 … 9
  private static final SamplingGrid CT =
      Phantoms.ct(-49.5, -49.5, 1, 100, 100, Phantoms.range(0, 1, 10));
  // dose = 10 + x Gy/mm on a 2 mm grid covering x, y ∈ [−50, 50], z ∈ [−2, 12]
  private static final DoseGrid DOSE =
      Phantoms.linearDose(
          new double[] {-50, -50, -2},
          2,
          51,
          51,
          Phantoms.range(-2, 2, 8),
          60,
          new double[] {1, 0, 0});
  private static final DvhOptions NO_SUPERSAMPLING =
      DvhOptions.DEFAULT.withRaster(RasterOptions.fixed(1));

  private static RoiContours onPlanes(
      double[] z, java.util.function.DoubleFunction<List<Contour>> f) {
    List<Contour> c = new ArrayList<>();
    for (double zz : z) {
      c.addAll(f.apply(zz));
    }
    return new RoiContours(7, "roi", c);
  }

  @Test
  void holeIslandsAndKeyholeFollowEvenOdd() {
    double[] z = Phantoms.range(0, 1, 10);
    RoiContours hole =
        onPlanes(
            z,
            zz ->
                List.of(
                    Phantoms.rectangle(-20, -20, 20, 20, zz),
                    Phantoms.rectangle(10, -10, -10, 10, zz)));
    RoiContours islands =
        onPlanes(
            z,
            zz ->
                List.of(
                    Phantoms.rectangle(-30, -5, -20, 5, zz),
                    Phantoms.rectangle(20, -5, 30, 5, zz)));
    // keyhole: outer square with a 0.2 mm slit into an inner square hole, one polygon
    RoiContours keyhole =
        onPlanes(
            z,
            zz ->
                List.of(
                    new Contour(
                        ContourType.CLOSED_PLANAR,
                        new double[] {
                          -20, -20, zz, 20, -20, zz, 20, 20, zz, 0.1, 20, zz, 0.1, 10, zz, 10, 10,
                              zz,
                          10, -10, zz, -10, -10, zz, -10, 10, zz, -0.1, 10, zz, -0.1, 20, zz, -20,
                              20, zz
                        })));
    DvhResult h = DvhCalculator.compute(hole, CT, DOSE, NO_SUPERSAMPLING);
    DvhResult i = DvhCalculator.compute(islands, CT, DOSE, NO_SUPERSAMPLING);
    DvhResult k = DvhCalculator.compute(keyhole, CT, DOSE, NO_SUPERSAMPLING);
    assertThat(h.volumeCc()).isCloseTo((1600 - 400) * 10 / 1000.0, within(1e-9));
    assertThat(h.prismVolumeCc()).isCloseTo(12.0, within(1e-9));
    assertThat(i.volumeCc()).isCloseTo(2 * 100 * 10 / 1000.0, within(1e-9));
    assertThat(i.samples().meanGy()).isCloseTo(60.0, within(1e-4));
    // the 0.2 mm slit holds no pixel centre: same as the hole
    assertThat(k.volumeCc()).isCloseTo(12.0, within(1e-9));
    assertThat(k.prismVolumeCc()).isCloseTo(12.0 - 0.2 * 10 * 10 / 1000.0, within(1e-9));
    assertThat(k.samples().meanGy()).isCloseTo(h.samples().meanGy(), within(1e-4));
  }

  @Test
  void roiOnOneSliceUsesTheCtSliceThickness() {
    SamplingGrid uneven = Phantoms.ct(-49.5, -49.5, 1, 100, 100, new double[] {0, 2, 5, 9});
    RoiContours one = new RoiContours(1, "one", List.of(Phantoms.rectangle(-10, -10, 10, 10, 5)));
    DvhResult r = DvhCalculator.compute(one, uneven, DOSE, NO_SUPERSAMPLING);
    assertThat(r.volumeCc()).isCloseTo(400 * 3.5 / 1000.0, within(1e-9));
    assertThat(r.prismVolumeCc()).isCloseTo(r.volumeCc(), within(1e-12));
  }

  @Test
  void roiOutsideTheDoseGridIsReportedAtZeroGy() {
    SamplingGrid far = Phantoms.ct(-49.5, -49.5, 1, 100, 100, Phantoms.range(100, 1, 5));
    RoiContours roi =
        onPlanes(
            Phantoms.range(100, 1, 5), zz -> List.of(Phantoms.rectangle(-10, -10, 10, 10, zz)));
    DvhResult r = DvhCalculator.compute(roi, far, DOSE, DvhOptions.DEFAULT);
    assertThat(r.volumeCc()).isCloseTo(2.0, within(1e-9));
    assertThat(r.volumeOutsideDoseGridCc()).isCloseTo(2.0, within(1e-9));
    assertThat(r.dvh().binCount()).isEqualTo(1);
    assertThat(r.dvh().volumes()[0]).isCloseTo(2.0, within(1e-9));
    assertThat(r.notes()).anyMatch(n -> n.contains("outside the dose grid"));
    assertThat(
            MetricEvaluator.evaluateAll(
                List.of("Dmean", "Dmax", "D95%", "V1Gy"), MetricContext.of(r.samples())))
        .allSatisfy(v -> assertThat(v.value()).hasValue(0.0));
  }

  @Test
  void partlyOutsideCountsOnlyThatPart() {
    // in-plane: x from 40 to 60 mm, the dose grid ends at x = 50
    RoiContours roi =
        onPlanes(
            Phantoms.range(0, 1, 10),
            zz ->
                List.of(
                    Phantoms.rectangle(40, -5, 49.9999, 5, zz),
                    Phantoms.rectangle(50.0001, -5, 60, 5, zz)));
    DvhResult r = DvhCalculator.compute(roi, CT, DOSE, NO_SUPERSAMPLING);
    // CT columns end at x = 49.5: nothing beyond 50 is on the CT grid
    assertThat(r.volumeCc()).isCloseTo(10 * 10 * 10 / 1000.0, within(1e-9));
    assertThat(r.volumeOutsideDoseGridCc()).isZero();
    assertThat(r.samples().minGy()).isCloseTo(100.5, within(1e-4));
  }

  @Test
  void degenerateOrEmptyRoisSayWhyAndNeverNaN() {
    RoiContours bad =
        new RoiContours(
            3,
            "bad",
            List.of(
                new Contour(ContourType.POINT, new double[] {0, 0, 0}),
                new Contour(ContourType.CLOSED_PLANAR, new double[] {0, 0, 0, 1, 1, 0}),
                new Contour(ContourType.OPEN_PLANAR, new double[] {0, 0, 0, 1, 1, 0, 2, 0, 0})));
    DvhResult r = DvhCalculator.compute(bad, CT, DOSE, DvhOptions.DEFAULT);
    assertThat(r.hasVolume()).isFalse();
    assertThat(r.volumeCc()).isZero();
    assertThat(r.skipped()).hasSize(3);
    assertThat(r.notes()).contains("ROI has no valid closed planar contour: no volume");
    assertThat(
            MetricEvaluator.evaluate(MetricParser.parse("Dmean"), MetricContext.of(r.samples()))
                .value())
        .isEmpty();

    RoiContours beyondCt =
        new RoiContours(4, "beyond", List.of(Phantoms.rectangle(-5, -5, 5, 5, 500)));
    DvhResult b = DvhCalculator.compute(beyondCt, CT, DOSE, DvhOptions.DEFAULT);
    assertThat(b.hasVolume()).isFalse();
    assertThat(b.notes()).contains("no CT voxel centre lies inside the ROI: no volume");
  }

  @Test
  void supersamplingWeightsSubVoxelsCorrectly() {
    RoiContours small =
        onPlanes(Phantoms.range(0, 1, 10), zz -> List.of(Phantoms.circle(0.3, -0.2, 3, zz, 96)));
    RoiMask x1 = RoiRasterizer.rasterize(small, CT, RasterOptions.fixed(1));
    RoiMask auto = RoiRasterizer.rasterize(small, CT, RasterOptions.DEFAULT);
    double exact = Math.PI * 9 * 10 / 1000.0 * 0.99928; // 96-gon area factor
    assertThat(auto.factor()).isEqualTo(4);
    assertThat(Math.abs(auto.volumeCc() - exact)).isLessThan(Math.abs(x1.volumeCc() - exact));
    assertThat(auto.volumeCc()).isCloseTo(exact, within(0.01 * exact));
    DvhResult r = DvhCalculator.fromMask(auto, CT, DOSE, DvhOptions.DEFAULT);
    assertThat(r.samples().meanGy()).isCloseTo(60.3, within(0.01));
  }

  @Test
  void orientationsGiveTheSameDvh() {
    RoiContours roi =
        onPlanes(Phantoms.range(0, 1, 10), zz -> List.of(Phantoms.circle(5.3, -7.1, 12, zz, 96)));
    SamplingGrid hfp =
        SamplingGrid.of(
            ImageOrientation.HFP,
            new double[] {49.5, 49.5, 0},
            1,
            1,
            100,
            100,
            Phantoms.range(0, 1, 10),
            1);
    SamplingGrid ffs =
        SamplingGrid.of(
            ImageOrientation.FFS,
            new double[] {49.5, -49.5, 0},
            1,
            1,
            100,
            100,
            Phantoms.range(9, -1, 10),
            1);
    DvhResult a = DvhCalculator.compute(roi, CT, DOSE, NO_SUPERSAMPLING);
    for (SamplingGrid g : List.of(hfp, ffs)) {
      DvhResult b = DvhCalculator.compute(roi, g, DOSE, NO_SUPERSAMPLING);
      assertThat(b.volumeCc()).isCloseTo(a.volumeCc(), within(1e-9));
      assertThat(b.samples().meanGy()).isCloseTo(a.samples().meanGy(), within(1e-4));
    }
  }

  @Test
  void beamDosesAreSummedBeforeTheDvh() {
    RoiContours roi =
        onPlanes(Phantoms.range(0, 1, 10), zz -> List.of(Phantoms.rectangle(-10, -10, 10, 10, zz)));
    DoseGrid beam =
        Phantoms.linearDose(
            new double[] {-50, -50, -2},
            2,
            51,
            51,
            Phantoms.range(-2, 2, 8),
            30,
            new double[] {0.5, 0, 0});
    DvhResult sum =
        DvhCalculator.compute(roi, CT, DoseGrid.sum(List.of(beam, beam)), NO_SUPERSAMPLING);
    DvhResult plan = DvhCalculator.compute(roi, CT, DOSE, NO_SUPERSAMPLING);
    assertThat(sum.samples().meanGy()).isCloseTo(plan.samples().meanGy(), within(1e-4));
    assertThat(sum.samples().maxGy()).isCloseTo(plan.samples().maxGy(), within(1e-4));
  }
}

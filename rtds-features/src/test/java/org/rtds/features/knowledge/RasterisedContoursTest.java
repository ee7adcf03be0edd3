package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.knowledge.StudyGeometryFeatures.Options;
import org.rtds.features.knowledge.StudyGeometryFeatures.PairFeatures;
import org.rtds.features.knowledge.sts.StsResult;

/**
 * The whole path from polygon contours through the real rasteriser: concentric spheres (spec §8 A)
 * and a PTV on the patient's left of the OAR, under HFS, FFS and HFP orientations: LPS directions
 * must come out the same.
 */
class RasterisedContoursTest {

  static RoiContours sphere(int number, String name, double cx, double cy, double r, double[] z) {
    List<Contour> out = new ArrayList<>();
    for (double zz : z) {
      double h = r * r - zz * zz;
      if (h > 0) {
        double rr = Math.sqrt(h);
        int n = 128;
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
          double t = 2 * Math.PI * i / n;
          p[3 * i] = cx + rr * Math.cos(t);
          p[3 * i + 1] = cy + rr * Math.sin(t);
          p[3 * i + 2] = zz;
        }
        out.add(new Contour(ContourType.CLOSED_PLANAR, p));
      }
    }
    return new RoiContours(number, name, out);
  }

  @org.junit.jupiter.api.Test
  void contourOutsideTheCtIsSkippedWithAReason() {
    double[] z = {0, 2, 4, 6};
    SamplingGrid ct =
        SamplingGrid.of(ImageOrientation.HFS, new double[] {0, 0, 0}, 1, 1, 30, 30, z, 2);
    RoiMask ptv =
        RoiRasterizer.rasterize(sphere(1, "PTV", 15, 15, 5, z), ct, RasterOptions.fixed(1));
    // an OAR 500 mm away from the image, and one on planes that miss every CT slice
    RoiMask away =
        RoiRasterizer.rasterize(sphere(2, "Far", 500, 500, 5, z), ct, RasterOptions.fixed(1));
    RoiMask above =
        RoiRasterizer.rasterize(
            sphere(3, "Above", 15, 15, 5, new double[] {40, 41}), ct, RasterOptions.fixed(1));
    List<PairFeatures> r =
        StudyGeometryFeatures.compute(ct, List.of(ptv), List.of(away, above), Options.DEFAULT);
    assertThat(r).hasSize(2);
    assertThat(r).allSatisfy(p -> assertThat(p.skipped()).isTrue());
    assertThat(r.get(0).skipReason()).contains("OAR Far has no voxel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HFS", "FFS", "HFP"})
  void spheresFromContoursUnderEveryOrientation(String o) {
    ImageOrientation orientation =
        switch (o) {
          case "HFS" -> ImageOrientation.HFS;
          case "FFS" -> ImageOrientation.FFS;
          default -> ImageOrientation.HFP;
        };
    double px = 1.0;
    int n = 140;
    double[] z = new double[33];
    for (int k = 0; k < z.length; k++) {
      z[k] = -32 + 2 * k;
    }
    // first pixel centre placed so that the grid covers [−69.5, 69.5] whatever the directions
    double x0 = orientation.rowX() > 0 ? -69.5 : 69.5;
    double y0 = orientation.colY() > 0 ? -69.5 : 69.5;
    SamplingGrid ct = SamplingGrid.of(orientation, new double[] {x0, y0, z[0]}, px, px, n, n, z, 2);
    RoiMask ptv =
        RoiRasterizer.rasterize(sphere(1, "PTV", 0, 0, 20, z), ct, RasterOptions.fixed(1));
    RoiMask oar =
        RoiRasterizer.rasterize(sphere(2, "OAR", 0, 0, 30, z), ct, RasterOptions.fixed(1));
    RoiMask left =
        RoiRasterizer.rasterize(sphere(3, "PTV_left", 45, 0, 8, z), ct, RasterOptions.fixed(1));
    List<PairFeatures> r =
        StudyGeometryFeatures.compute(ct, List.of(ptv, left), List.of(oar), Options.DEFAULT);
    PairFeatures concentric = r.get(0);
    assertThat(concentric.ptvName()).isEqualTo("PTV");
    double h = 2.0;
    for (int t = -15; t <= 10; t++) {
      double lo = OvhTest.analytic(t - h) - 0.005;
      double hi = OvhTest.analytic(t + h) + 0.005;
      assertThat(concentric.ovh().at(t)).as("OVH(%d)", t).isBetween(lo, hi);
    }
    assertThat(concentric.ovh().overlapVolumeCc()).isCloseTo(33.51, within(33.51 * 0.03));
    // PTV at patient left (+x) of the OAR centroid: azimuth bins 4 and 5 (φ around 0°)
    StsResult sts = r.get(1).sts();
    assertThat(sts.oarCentroidMm()[0]).isCloseTo(0, within(0.01));
    assertThat(sts.oarCentroidMm()[1]).isCloseTo(0, within(0.01));
    double aroundZero = 0;
    for (int e = 0; e < 10; e++) {
      for (int d = 0; d < 10; d++) {
        aroundZero += sts.amount(e, d, 4) + sts.amount(e, d, 5);
      }
    }
    assertThat(aroundZero).isCloseTo(1, within(1e-12));
    // PTV_left surface at x = 37 mm, OAR surface at 30 mm
    assertThat(r.get(1).ovh().statistics().minMm()).isCloseTo(37 - 30, within(1.5));
  }
}

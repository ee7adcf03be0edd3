package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.Polygons;
import org.rtds.features.dose.contour.PrismVolume;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.contour.RoiVolumeCalculator;
import org.rtds.features.dose.testing.Phantoms;

/** Spec §8 H: shoelace, stacked prisms, nesting. */
class VolumeTest {

  @Test
  void shoelaceSignFollowsOrientation() {
    double[] ccw = {0, 0, 10, 0, 10, 10, 0, 10};
    double[] cw = {0, 0, 0, 10, 10, 10, 10, 0};
    assertThat(Polygons.signedArea(ccw)).isEqualTo(100.0);
    assertThat(Polygons.signedArea(cw)).isEqualTo(-100.0);
  }

  @Test
  void fivePlanesOfASquareAtTwoMillimetresMakeOneCc() {
    List<Contour> c = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      c.add(Phantoms.rectangle(0, 0, 10, 10, 2.0 * i));
    }
    PrismVolume v = RoiVolumeCalculator.prismVolume(new RoiContours(1, "box", c), 2);
    assertThat(v.volumeCc()).isCloseTo(1.000, within(1e-12));
    // half end caps would give 0.800: the end planes have full thickness here
    assertThat(v.planeThicknessMm()).containsExactly(2, 2, 2, 2, 2);
  }

  @Test
  void nestedContourIsAHoleWhateverItsOrientation() {
    Contour outer = Phantoms.rectangle(0, 0, 20, 20, 0);
    Contour inner = Phantoms.rectangle(5, 5, 15, 15, 0);
    PrismVolume v =
        RoiVolumeCalculator.prismVolume(new RoiContours(1, "ring", List.of(outer, inner)), 3);
    assertThat(v.volumeCc()).isCloseTo(0.900, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"1, 7.2257", "2, 7.1880", "3, 7.1251"})
  void sphereByPrismsMatchesTheSpec(double h, double expectedCc) {
    List<Contour> c = new ArrayList<>();
    for (int k = -20; k <= 20; k++) {
      double z = k * h;
      if (Math.abs(z) < 12) {
        c.add(Phantoms.circle(0, 0, Math.sqrt(144 - z * z), z, 1440));
      }
    }
    PrismVolume v = RoiVolumeCalculator.prismVolume(new RoiContours(1, "sphere", c), h);
    assertThat(v.volumeCc()).isCloseTo(expectedCc, within(2e-4));
  }

  @Test
  void inscribed32GonLosesAboutSixPerMille() {
    double[] xy = new double[64];
    for (int i = 0; i < 32; i++) {
      xy[2 * i] = 12 * Math.cos(2 * Math.PI * i / 32);
      xy[2 * i + 1] = 12 * Math.sin(2 * Math.PI * i / 32);
    }
    assertThat(Polygons.signedArea(xy)).isCloseTo(449.49, within(0.01));
  }

  @Test
  void singlePlaneUsesTheGivenThicknessAndDegenerateContoursAreSkippedWithReasons() {
    List<Contour> c =
        List.of(
            Phantoms.rectangle(0, 0, 10, 10, 5),
            new Contour(ContourType.POINT, new double[] {1, 2, 5}),
            new Contour(ContourType.CLOSED_PLANAR, new double[] {0, 0, 5, 1, 1, 5}),
            new Contour(ContourType.CLOSED_PLANAR, new double[] {0, 0, 5, 1, 1, 5, 2, 2, 5}),
            new Contour(
                ContourType.CLOSED_PLANAR, new double[] {0, 0, 5, 1, Double.NaN, 5, 2, 0, 5}),
            new Contour(ContourType.CLOSED_PLANAR, new double[] {0, 0, 5, 10, 0, 6, 10, 10, 5}),
            new Contour(ContourType.CLOSED_PLANAR, new double[] {0, 0, 5, 10, 0}));
    PrismVolume v = RoiVolumeCalculator.prismVolume(new RoiContours(1, "x", c), 2.5);
    assertThat(v.volumeCc()).isCloseTo(0.25, within(1e-12));
    assertThat(v.skipped())
        .extracting(s -> s.contourIndex() + ":" + s.reason())
        .containsExactly(
            "1:POINT contour encloses no volume",
            "2:closed contour has 2 point(s), fewer than 3",
            "3:closed contour has zero area",
            "4:contour has a non-finite (NaN or infinite) coordinate",
            "5:contour points are not coplanar in z (z spans 5.000 to 6.000 mm)",
            "6:ContourData has 5 values, not a multiple of 3");
  }

  @Test
  void emptyRoiHasZeroVolume() {
    PrismVolume v = RoiVolumeCalculator.prismVolume(new RoiContours(1, "none", List.of()), 1);
    assertThat(v.isEmpty()).isTrue();
    assertThat(v.volumeCc()).isZero();
  }
}

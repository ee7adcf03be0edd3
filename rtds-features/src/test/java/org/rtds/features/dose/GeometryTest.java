package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.PixelTransform;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.features.dose.testing.Phantoms;

/** Orientation, frame positions, trilinear interpolation (§8 I) and dose summation. */
class GeometryTest {

  @Test
  void trilinearOfXyzAtTheUnitCubeCentreIsOneEighth() {
    float[] v = new float[8];
    for (int z = 0; z < 2; z++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 2; x++) {
          v[(z * 2 + y) * 2 + x] = x * y * z;
        }
      }
    }
    DoseGrid g =
        new DoseGrid(
            new double[] {0, 0, 0}, ImageOrientation.HFS, 1, 1, 2, 2, new double[] {0, 1}, v);
    assertThat(g.doseAt(0.5, 0.5, 0.5)).isCloseTo(0.125, within(1e-9));
  }

  @Test
  void linearFunctionsAreReproducedExactlyOnUnevenFramesAndFractionalOrigins() {
    double[] frames = {-3.0, -1.5, 2.5, 2.75, 7.0};
    DoseGrid g =
        Phantoms.linearDose(
            new double[] {-2.3, -1.7, -3}, 0.5, 20, 20, frames, 1, new double[] {2, 3, 4});
    assertThat(g.doseAt(0.25, 0.5, 0.75)).isCloseTo(6.0, within(1e-5));
    assertThat(g.doseAt(1.1, 2.2, 2.6)).isCloseTo(1 + 2.2 + 6.6 + 10.4, within(1e-5));
  }

  @Test
  void pointsOutsideTheGridGiveZeroAndAreNotContained() {
    DoseGrid g =
        Phantoms.linearDose(new double[] {0, 0, 0}, 1, 3, 3, new double[] {0, 1}, 5, new double[3]);
    assertThat(g.doseAt(1, 1, 0.5)).isEqualTo(5.0);
    assertThat(g.contains(1, 1, 0.5)).isTrue();
    assertThat(g.doseAt(1, 1, 1.5)).isZero();
    assertThat(g.contains(1, 1, 1.5)).isFalse();
    assertThat(g.contains(2.5, 1, 0.5)).isFalse();
    assertThat(g.contains(2, 2, 1)).isTrue();
  }

  @Test
  void descendingFramesInterpolateLikeAscendingOnes() {
    double[] up = {0, 2, 4};
    double[] down = {4, 2, 0};
    DoseGrid a =
        Phantoms.linearDose(new double[] {0, 0, 0}, 1, 2, 2, up, 0, new double[] {0, 0, 1});
    DoseGrid b =
        Phantoms.linearDose(new double[] {0, 0, 4}, 1, 2, 2, down, 0, new double[] {0, 0, 1});
    assertThat(b.doseAt(0.5, 0.5, 1.3)).isCloseTo(a.doseAt(0.5, 0.5, 1.3), within(1e-6));
  }

  @Test
  void gridFrameOffsetVectorRelativeAbsoluteAndFeetFirst() {
    double[] ipp = {0, 0, -10};
    assertThat(DoseGrid.framePositions(new double[] {0, 2, 4}, ipp, ImageOrientation.HFS))
        .containsExactly(-10, -8, -6);
    assertThat(DoseGrid.framePositions(new double[] {0, 2, 4}, ipp, ImageOrientation.FFS))
        .containsExactly(-10, -12, -14);
    assertThat(DoseGrid.framePositions(new double[] {0, 2, 4}, ipp, ImageOrientation.HFP))
        .containsExactly(-10, -8, -6);
    assertThat(DoseGrid.framePositions(new double[] {-10, -8, -6}, ipp, ImageOrientation.FFS))
        .containsExactly(-10, -8, -6);
  }

  @Test
  void obliqueOrientationsAreRejectedClearly() {
    ImageOrientation sagittal = ImageOrientation.of(0, 1, 0, 0, 0, -1);
    assertThatThrownBy(() -> sagittal.requireAxial("CT image"))
        .isInstanceOf(UnsupportedGeometryException.class)
        .hasMessageContaining("oblique (non-axial)");
    assertThatThrownBy(() -> ImageOrientation.of(1, 0, 0, 1, 0, 0))
        .hasMessageContaining("orthonormal");
  }

  @Test
  void pixelTransformHandlesRotatedAndProneOrientations() {
    for (ImageOrientation o :
        List.of(
            ImageOrientation.HFS,
            ImageOrientation.FFS,
            ImageOrientation.HFP,
            ImageOrientation.of(0, 1, 0, 1, 0, 0),
            ImageOrientation.of(
                Math.sqrt(0.5), Math.sqrt(0.5), 0, -Math.sqrt(0.5), Math.sqrt(0.5), 0))) {
      PixelTransform t = new PixelTransform(10, -20, o, 0.8, 1.2);
      double x = t.x(3.25, 7.5);
      double y = t.y(3.25, 7.5);
      assertThat(t.row(x, y)).isCloseTo(3.25, within(1e-9));
      assertThat(t.col(x, y)).isCloseTo(7.5, within(1e-9));
    }
    PixelTransform hfp = new PixelTransform(10, -20, ImageOrientation.HFP, 0.8, 1.2);
    assertThat(hfp.x(0, 1)).isEqualTo(10 - 1.2);
    assertThat(hfp.y(1, 0)).isEqualTo(-20 - 0.8);
  }

  @Test
  void ctSliceThicknessFollowsUnevenSpacing() {
    SamplingGrid g = Phantoms.ct(0, 0, 1, 4, 4, new double[] {0, 1, 3, 7});
    assertThat(g.slices())
        .extracting(SamplingGrid.Slice::thicknessMm)
        .containsExactly(1.0, 1.5, 3.0, 4.0);
    SamplingGrid shuffled = Phantoms.ct(0, 0, 1, 4, 4, new double[] {3, 0, 7, 1});
    assertThat(shuffled.slices().get(0).thicknessMm()).isEqualTo(3.0);
    assertThat(shuffled.sliceByZRank(0).index()).isEqualTo(1);
  }

  @Test
  void beamDosesSumAndMismatchedGeometriesAreRejected() {
    double[] f = {0, 2};
    DoseGrid a = Phantoms.linearDose(new double[] {0, 0, 0}, 2, 3, 3, f, 1, new double[3]);
    DoseGrid b = Phantoms.linearDose(new double[] {0, 0, 0}, 2, 3, 3, f, 2.5, new double[3]);
    DoseGrid sum = DoseGrid.sum(List.of(a, b, a));
    assertThat(sum.value(1, 2, 2)).isEqualTo(4.5f);
    DoseGrid shifted = Phantoms.linearDose(new double[] {0, 1, 0}, 2, 3, 3, f, 1, new double[3]);
    assertThatThrownBy(() -> DoseGrid.sum(List.of(a, shifted)))
        .isInstanceOf(UnsupportedGeometryException.class)
        .hasMessageContaining("ImagePositionPatient differs");
    DoseGrid otherFrames =
        Phantoms.linearDose(new double[] {0, 0, 0}, 2, 3, 3, new double[] {0, 3}, 1, new double[3]);
    assertThatThrownBy(() -> DoseGrid.sum(List.of(a, otherFrames)))
        .hasMessageContaining("frame 1 z differs");
  }

  @Test
  void isodoseVolumeOfTheDoseGrid() {
    DoseGrid g =
        Phantoms.linearDose(
            new double[] {0, 0, 0}, 1, 10, 10, Phantoms.range(0, 1, 10), 0, new double[] {1, 0, 0});
    // x = 0…9 Gy; columns with x ≥ 5: 5 of 10; frame thickness 1 mm each
    assertThat(g.volumeAtLeastCc(5)).isCloseTo(0.5 * 10 * 10 * 10 / 1000.0, within(1e-9));
  }
}

package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtds.features.knowledge.format.FeatureFormatException;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.features.knowledge.sts.StsCalculator;
import org.rtds.features.knowledge.sts.StsCodec;
import org.rtds.features.knowledge.sts.StsResult;
import org.rtds.features.knowledge.testing.Masks;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Spec §8 D, bins, invariance, codec. */
class StsTest {

  static StsResult sts(VoxelLattice l, VoxelMask ptv, VoxelMask oar) {
    return StsCalculator.compute(l, ptv, StsCalculator.centroidMm(l, oar));
  }

  /**
   * 1 mm: a voxel centre at the origin, so voxels on the planes z = 0 and y = 0 tie at ε = 0 and φ
   * = 0°/180° and go to the upper bin (spec: P(ε ≥ 0) = 0.5099 at 1 mm); 3×1×1 mm: slices at ±1.5,
   * ±4.5, … mm (no ε ties; spec 0.5000). The φ ties at 0° and 180° (voxels on y = 0) shift about
   * 0.005 from bins 4 and 0 to bins 5 and 9, hence ±0.0055 (spec: 0.095–0.105).
   */
  @ParameterizedTest(name = "voxel (z,y,x) = ({0},{1},{2}) mm, z shift {3}")
  @CsvSource({"1,1,1,0,0.0055", "3,1,1,1.5,0.0055"})
  void specCaseDShellAboutASmallSphere(
      double dz, double dy, double dx, double zShift, double phiTolerance) {
    VoxelLattice c = Masks.centred(31, dz, dy, dx);
    double[] z = new double[c.sliceCount() + (zShift != 0 ? 1 : 0)];
    for (int k = 0; k < z.length; k++) {
      z[k] = c.zMm(0) - (zShift != 0 ? zShift : 0) + k * dz;
    }
    VoxelLattice l = Masks.lattice(c.rows(), c.columns(), dy, dx, c.x(0, 0, 0), c.y(0, 0, 0), z);
    StsResult r = sts(l, Masks.shell(l, 0, 0, 0, 20, 30), Masks.ball(l, 0, 0, 0, 3));
    assertThat(r.oarCentroidMm()[0]).isCloseTo(0, within(1e-9));
    assertThat(r.oarCentroidMm()[2]).isCloseTo(0, within(1e-9));
    double sum = 0;
    double rho1 = 0;
    double up = 0;
    double top = 0;
    double[] phi = new double[10];
    for (int e = 0; e < 10; e++) {
      for (int d = 0; d < 10; d++) {
        for (int a = 0; a < 10; a++) {
          double v = r.amount(e, d, a);
          sum += v;
          if (d == 1) {
            rho1 += v;
          }
          if (e >= 5) {
            up += v;
          }
          if (e == 9) {
            top += v;
          }
          phi[a] += v;
        }
      }
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
    // 20 mm distance bins: the whole shell lies in [20, 40)
    assertThat(rho1).isCloseTo(1, within(1e-12));
    assertThat(up).isCloseTo(0.5, within(0.015));
    assertThat(top).isCloseTo((1 - Math.sin(Math.toRadians(72))) / 2, within(0.005));
    assertThat((1 - Math.sin(Math.toRadians(72))) / 2).isCloseTo(0.02447, within(1e-5));
    for (double p : phi) {
      assertThat(p).isCloseTo(0.1, within(phiTolerance));
    }
  }

  @Test
  void binsAreHalfOpenWithClosedTopBins() {
    assertThat(StsBins.elevationBin(-90)).isZero();
    assertThat(StsBins.elevationBin(-72)).isEqualTo(1);
    assertThat(StsBins.elevationBin(0)).isEqualTo(5);
    assertThat(StsBins.elevationBin(90)).isEqualTo(9);
    assertThat(StsBins.distanceBin(0)).isZero();
    assertThat(StsBins.distanceBin(20)).isEqualTo(1);
    assertThat(StsBins.distanceBin(179.9)).isEqualTo(8);
    assertThat(StsBins.distanceBin(180)).isEqualTo(9);
    assertThat(StsBins.distanceBin(5000)).isEqualTo(9);
    assertThat(StsBins.azimuthBin(-179.9)).isZero();
    assertThat(StsBins.azimuthBin(0)).isEqualTo(5);
    assertThat(StsBins.azimuthBin(180)).isEqualTo(9);
    assertThat(StsBins.elevationEdgesDeg())
        .containsExactly(-90, -72, -54, -36, -18, 0, 18, 36, 54, 72, 90);
    assertThat(StsBins.distanceEdgesMm()[10]).isEqualTo(200);
    assertThat(StsBins.centreMm(StsBins.index(5, 9, 5))[0])
        .isCloseTo(210 * Math.cos(Math.toRadians(9)) * Math.cos(Math.toRadians(18)), within(1e-9));
  }

  @Test
  void voxelAtTheCentroidGoesToTheZeroBinAndDirectionsAreLps() {
    VoxelLattice l = Masks.lattice(5, 5, 1, 1, -2, -2, new double[] {-2, -1, 0, 1, 2});
    VoxelMask oar = Masks.indexBox(l, 2, 3, 2, 3, 2, 3); // centre (0,0,0)
    VoxelMask ptv = Masks.indexBox(l, 2, 3, 2, 3, 2, 3);
    assertThat(sts(l, ptv, oar).amount(5, 0, 5)).isEqualTo(1.0);
    // a PTV voxel straight posterior (+y): φ = 90° → bin 7; superior (+z): ε = 90° → bin 9
    assertThat(sts(l, Masks.indexBox(l, 2, 3, 4, 5, 2, 3), oar).amount(5, 0, 7)).isEqualTo(1.0);
    assertThat(sts(l, Masks.indexBox(l, 4, 5, 2, 3, 2, 3), oar).amount(9, 0, 5)).isEqualTo(1.0);
    // patient right (−x): φ = 180° → closed top bin 9
    assertThat(sts(l, Masks.indexBox(l, 2, 3, 2, 3, 0, 1), oar).amount(5, 0, 9)).isEqualTo(1.0);
  }

  @Test
  void translationInvariance() {
    VoxelLattice l = Masks.centred(40, 2, 1, 1);
    StsResult a = sts(l, Masks.ball(l, 0, 0, 0, 10), Masks.ball(l, 12, 4, 0, 9));
    StsResult b = sts(l, Masks.ball(l, 3, -5, 4, 10), Masks.ball(l, 15, -1, 4, 9));
    for (int i = 0; i < StsBins.SIZE; i++) {
      assertThat(b.amounts()[i]).isCloseTo(a.amounts()[i], within(1e-12));
    }
  }

  @Test
  void codecRoundTripsAndRejectsLegacyOrMalformedRows() {
    VoxelLattice l = Masks.centred(30, 2, 2, 2);
    StsResult r = sts(l, Masks.ball(l, 5, 0, 0, 15), Masks.ball(l, -10, 5, 3, 6));
    StsCodec.StsRow row = StsCodec.encode(r);
    assertThat(row.elevationBins()).isEqualTo("-90,-72,-54,-36,-18,0,18,36,54,72,90");
    assertThat(row.distanceBins()).isEqualTo("0,20,40,60,80,100,120,140,160,180,200");
    assertThat(row.azimuthBins()).isEqualTo("-180,-144,-108,-72,-36,0,36,72,108,144,180");
    assertThat(row.amounts()).startsWith("rtds-sts-v1:");
    double[] back = StsCodec.decode(row);
    for (int i = 0; i < back.length; i++) {
      assertThat(back[i]).isCloseTo(r.amounts()[i], within(r.amounts()[i] * 5e-6 + 1e-15));
    }
    assertThatThrownBy(
            () ->
                StsCodec.decode(
                    new StsCodec.StsRow(
                        row.elevationBins(), row.distanceBins(), row.azimuthBins(), "0.1,0.2")))
        .isInstanceOf(FeatureFormatException.class)
        .hasMessageContaining("legacy");
    assertThatThrownBy(
            () ->
                StsCodec.decode(
                    new StsCodec.StsRow(
                        "0,1,2,3,4,5,6,7,8,9,10",
                        row.distanceBins(),
                        row.azimuthBins(),
                        row.amounts())))
        .isInstanceOf(FeatureFormatException.class)
        .hasMessageContaining("elevation_bins");
    assertThatThrownBy(
            () ->
                StsCodec.decode(
                    new StsCodec.StsRow(
                        row.elevationBins(),
                        row.distanceBins(),
                        row.azimuthBins(),
                        "rtds-sts-v1:0.5,0.5")))
        .hasMessageContaining("1000 expected");
  }
}

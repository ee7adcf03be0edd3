package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtds.features.knowledge.StudyGeometryFeatures.MapScope;
import org.rtds.features.knowledge.StudyGeometryFeatures.Options;
import org.rtds.features.knowledge.StudyGeometryFeatures.PairFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.Structure;
import org.rtds.features.knowledge.emd.EarthMoversDistance;
import org.rtds.features.knowledge.format.FeatureFormatException;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.ovh.OvhResult;
import org.rtds.features.knowledge.testing.Masks;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Spec §8 A and B, §1.7 edge cases, codec, invariances. */
class OvhTest {

  static OvhResult ovh(VoxelLattice l, VoxelMask ptv, VoxelMask oar) {
    return ovh(l, ptv, oar, Options.DEFAULT);
  }

  static OvhResult ovh(VoxelLattice l, VoxelMask ptv, VoxelMask oar, Options o) {
    List<PairFeatures> r =
        StudyGeometryFeatures.compute(
            l, List.of(new Structure(1, "PTV", ptv)), List.of(new Structure(2, "OAR", oar)), o);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).skipReason()).isNull();
    return r.get(0).ovh();
  }

  static double analytic(double t) {
    double v = (20 + t) / 30;
    return Math.max(0, Math.min(1, v * v * v));
  }

  @Test
  void specCaseAAnalyticValues() {
    assertThat(analytic(-15)).isCloseTo(0.0046, within(5e-5));
    assertThat(analytic(-10)).isCloseTo(0.0370, within(5e-5));
    assertThat(analytic(-5)).isCloseTo(0.1250, within(5e-5));
    assertThat(analytic(0)).isCloseTo(0.2963, within(5e-5));
    assertThat(analytic(5)).isCloseTo(0.5787, within(5e-5));
    assertThat(analytic(10)).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "voxel (z,y,x) = ({0},{1},{2}) mm")
  @CsvSource({"1,1,1,0.2954", "2,2,2,0.2947", "3,1,1,0.2972", "2.5,0.98,0.98,NaN"})
  void specCaseAConcentricSpheresStayInTheVoxelBand(
      double dz, double dy, double dx, double specOvh0) {
    VoxelLattice l = Masks.centred(33, dz, dy, dx);
    VoxelMask ptv = Masks.ball(l, 0, 0, 0, 20);
    VoxelMask oar = Masks.ball(l, 0, 0, 0, 30);
    OvhResult r = ovh(l, ptv, oar);
    double h = Math.max(dz, Math.max(dy, dx));
    for (int t = -15; t <= 10; t++) {
      assertThat(r.at(t))
          .as("OVH(%d)", t)
          .isBetween(analytic(t - h) - 0.005, analytic(t + h) + 0.005);
    }
    // every OAR voxel lies within 10 mm + one voxel diagonal of the PTV boundary voxels
    double diag = Math.sqrt(dz * dz + dy * dy + dx * dx);
    for (int t = (int) Math.ceil(10 + diag); t <= 150; t += 7) {
      assertThat(r.at(t)).isEqualTo(1.0);
    }
    assertThat(r.at(0)).isCloseTo(r.overlapFraction(), within(1e-12));
    if (!Double.isNaN(specOvh0)) {
      assertThat(r.at(0)).isCloseTo(specOvh0, within(0.004));
    }
    // overlap volume ≈ 4/3·π·20³ = 33 510 mm³ (voxelisation error a few %)
    assertThat((double) r.overlapAreaMm3()).isCloseTo(33510, within(33510 * 0.03));
    assertThat(r.oarVolumeMm3()).isCloseTo(113097, within(113097 * 0.03));
  }

  @Test
  void specCaseBSlab() {
    VoxelLattice l = Masks.lattice(20, 35, 1, 1, 0, 0, range(0, 1, 20));
    VoxelMask ptv = Masks.indexBox(l, 0, 20, 0, 20, 0, 10);
    VoxelMask oar = Masks.indexBox(l, 0, 20, 0, 20, 15, 35);
    OvhResult r = ovh(l, ptv, oar);
    assertThat(r.at(10)).isCloseTo(0.25, within(1e-12));
    assertThat(r.at(15)).isCloseTo(0.50, within(1e-12));
    assertThat(r.at(5)).isEqualTo(0.0);
    assertThat(r.at(25)).isEqualTo(1.0);
    assertThat(r.statistics().meanMm()).isCloseTo(15.5, within(1e-6));
    assertThat(r.statistics().minMm()).isEqualTo(6.0);
    assertThat(r.statistics().maxMm()).isEqualTo(25.0);
    assertThat(r.statistics().medianMm()).isEqualTo(15.0);
    // uniform on 6..25: sd² = (20² − 1)/12
    assertThat(r.statistics().sdMm()).isCloseTo(Math.sqrt(399 / 12.0), within(1e-6));
    assertThat(r.statistics().skewness()).isCloseTo(0, within(1e-6));
    assertThat(r.overlapAreaMm3()).isZero();
    assertThat(r.rvExactMm(0.25)).isEqualTo(10.0);
    assertThat(r.rvGridMm(0.25)).isEqualTo(10.0);
    assertThat(r.rvExactMm(1.0)).isEqualTo(25.0);
    assertThat(r.rvExactMm(0.05)).isEqualTo(6.0);
  }

  @Test
  void oarInsidePtv() {
    VoxelLattice l = Masks.centred(25, 2, 1, 1);
    OvhResult r = ovh(l, Masks.ball(l, 0, 0, 0, 20), Masks.ball(l, 2, 0, 0, 8));
    assertThat(r.at(0)).isEqualTo(1.0);
    assertThat(r.overlapFraction()).isEqualTo(1.0);
    assertThat(r.statistics().maxMm()).isLessThanOrEqualTo(0);
    assertThat(r.overlapVolumeMm3()).isEqualTo(r.oarVolumeMm3());
  }

  @Test
  void disjointOarRisesAtItsMinimumDistance() {
    VoxelLattice l = Masks.centred(40, 2, 1, 1);
    OvhResult r = ovh(l, Masks.ball(l, -15, 0, 0, 10), Masks.ball(l, 20, 0, 0, 8));
    assertThat(r.at(0)).isZero();
    assertThat(r.overlapAreaMm3()).isZero();
    // gap between surfaces 35 − 18 = 17 mm (± voxel)
    assertThat(r.statistics().minMm()).isCloseTo(17, within(1.5));
    assertThat(r.at(r.statistics().minMm() - 0.5)).isZero();
    assertThat(r.at(Math.ceil(r.statistics().minMm()))).isGreaterThan(0);
  }

  @Test
  void distancesAreThreeDimensionalOnSlicesWithoutPtv() {
    // PTV on slices 0..4 (z 0..12 mm at 3 mm), OAR on slices 10..12 straight above
    VoxelLattice l = Masks.lattice(21, 21, 1, 1, 0, 0, range(0, 3, 13));
    VoxelMask ptv = Masks.indexBox(l, 0, 5, 5, 16, 5, 16);
    VoxelMask oar = Masks.indexBox(l, 10, 13, 8, 13, 8, 13);
    OvhResult r = ovh(l, ptv, oar);
    assertThat(r.statistics().minMm()).isCloseTo(18.0, within(1e-6));
    assertThat(r.statistics().maxMm()).isCloseTo(24.0, within(1e-6));
    assertThat(r.at(18)).isCloseTo(1 / 3.0, within(1e-9));
  }

  @Test
  void severalPtvsAndBothMapScopesAgree() {
    VoxelLattice l = Masks.centred(40, 2.5, 0.98, 0.98);
    List<Structure> ptvs =
        List.of(
            new Structure(1, "PTV70", Masks.ball(l, 0, 0, 0, 12)),
            new Structure(2, "PTV63", Masks.ball(l, 0, 0, 0, 18)),
            new Structure(3, "PTV56", Masks.ball(l, 3, 2, 0, 24)),
            new Structure(4, "PTV_empty", VoxelMask.fromPredicate(l, (k, r, c) -> false)));
    List<Structure> oars =
        List.of(
            new Structure(10, "Parotid_L", Masks.ball(l, 25, 5, 5, 8)),
            new Structure(11, "SpinalCord", Masks.ball(l, 0, 30, 0, 5)),
            new Structure(12, "Empty", VoxelMask.fromPredicate(l, (k, r, c) -> false)),
            new Structure(13, "Brainstem", Masks.ball(l, -5, 10, 20, 9)));
    List<PairFeatures> a =
        StudyGeometryFeatures.compute(
            l, ptvs, oars, new Options(OvhOptions.DEFAULT, MapScope.PER_TARGET, true));
    List<PairFeatures> b =
        StudyGeometryFeatures.compute(
            l, ptvs, oars, new Options(OvhOptions.DEFAULT, MapScope.PER_PAIR, false));
    assertThat(a).hasSize(16);
    for (int i = 0; i < a.size(); i++) {
      PairFeatures x = a.get(i);
      PairFeatures y = b.get(i);
      assertThat(x.oarName()).isEqualTo(y.oarName());
      boolean empty = x.oarName().equals("Empty") || x.ptvName().equals("PTV_empty");
      assertThat(x.skipped()).isEqualTo(empty);
      if (empty) {
        assertThat(x.skipReason()).contains("no voxel");
        continue;
      }
      assertThat(x.ovh().cumulativeFraction()).containsExactly(y.ovh().cumulativeFraction());
      assertThat(x.ovh().rvExactMm()).containsExactly(y.ovh().rvExactMm());
      assertThat(x.sts().amounts()).containsExactly(y.sts().amounts());
    }
    // nested PTVs: the larger PTV is closer to every OAR
    assertThat(a.get(4).ovh().statistics().meanMm())
        .isLessThan(a.get(0).ovh().statistics().meanMm());
  }

  @Test
  void translationInvariance() {
    VoxelLattice l = Masks.centred(45, 2, 1, 1);
    OvhResult a = ovh(l, Masks.ball(l, 0, 0, 0, 10), Masks.ball(l, 12, 4, 0, 9));
    // shift by whole voxels (3, −5, 4 mm)
    OvhResult b = ovh(l, Masks.ball(l, 3, -5, 4, 10), Masks.ball(l, 15, -1, 4, 9));
    assertThat(b.cumulativeFraction()).containsExactly(a.cumulativeFraction());
    assertThat(b.statistics().meanMm()).isCloseTo(a.statistics().meanMm(), within(1e-9));
  }

  @Test
  void monotoneAndForcedToOneAtTheEndOfTheGrid() {
    VoxelLattice l = Masks.lattice(40, 200, 1, 1, 0, 0, range(0, 2, 10));
    // OAR reaching 180 mm from the PTV: beyond the +150 mm grid end
    OvhResult r =
        ovh(l, Masks.indexBox(l, 0, 10, 0, 40, 0, 5), Masks.indexBox(l, 0, 10, 10, 30, 20, 200));
    double[] f = r.cumulativeFraction();
    for (int k = 1; k < f.length; k++) {
      assertThat(f[k]).isGreaterThanOrEqualTo(f[k - 1]);
    }
    assertThat(f[f.length - 1]).isEqualTo(1.0);
    assertThat(f[f.length - 2]).isLessThan(1.0);
    assertThat(r.statistics().maxMm()).isEqualTo(195.0);
    assertThat(r.rvExactMm(1.0)).isEqualTo(195.0);
    assertThat(r.rvGridMm(1.0)).isEqualTo(150.0);
    assertThat(r.gridMm()).hasSize(201);
    assertThat(r.gridMm()[0]).isEqualTo(-50.0);
  }

  @Test
  void distancesBelowTheGridCountAtItsStart() {
    VoxelLattice l = Masks.centred(70, 3, 1.5, 1.5);
    OvhResult r = ovh(l, Masks.ball(l, 0, 0, 0, 65), Masks.ball(l, 0, 0, 0, 6));
    assertThat(r.at(-50)).isEqualTo(1.0);
    assertThat(r.rvGridMm(0.5)).isEqualTo(-50.0);
    assertThat(r.rvExactMm(0.5)).isLessThan(-55);
  }

  @Test
  void movingTheOarAwayIncreasesTheOvhEmd() {
    VoxelLattice l = Masks.lattice(41, 121, 1, 1, -20, -20, range(-20, 2, 21));
    VoxelMask ptv = Masks.ball(l, 0, 0, 0, 12);
    OvhCurve start = ovh(l, ptv, Masks.ball(l, 14, 0, 0, 8)).curve();
    double last = 0;
    for (int step = 1; step <= 8; step++) {
      OvhCurve moved = ovh(l, ptv, Masks.ball(l, 14 + 5 * step, 0, 0, 8)).curve();
      double emd = EarthMoversDistance.ovhMm(start, moved);
      assertThat(emd).isGreaterThan(last);
      last = emd;
    }
    assertThat(last).isCloseTo(40, within(2.0));
  }

  @Test
  void nonUniformSlicesWeighVoxelsByThickness() {
    // two OAR slices: z = 10 (thickness 1) and z = 20 (thickness 10); PTV far below
    double[] z = {0, 1, 10, 11, 20, 30};
    VoxelLattice l = Masks.lattice(3, 3, 1, 1, 0, 0, z);
    assertThat(l.thicknessMm(3)).isEqualTo(5.0);
    VoxelMask ptv = Masks.indexBox(l, 0, 1, 0, 3, 0, 3);
    VoxelMask oar = VoxelMask.fromPredicate(l, (k, r, c) -> (k == 1 || k == 4) && r == 1 && c == 1);
    OvhResult r = ovh(l, ptv, oar);
    // slice 1 (d = 1, thickness 5) and slice 4 (d = 20, thickness 9.5)
    assertThat(r.oarVolumeMm3()).isCloseTo(5 + 9.5, within(1e-9));
    assertThat(r.at(1)).isCloseTo(5 / 14.5, within(1e-6));
    assertThat(r.statistics().meanMm()).isCloseTo((5 * 1 + 9.5 * 20) / 14.5, within(1e-5));
    assertThat(r.rvExactMm(0.5)).isEqualTo(20.0);
  }

  @Test
  void exactQuantilesMatchSortedDistances() {
    VoxelLattice l = Masks.centred(30, 2.5, 0.9, 1.1);
    OvhResult r = ovh(l, Masks.ball(l, -4, 0, 0, 11), Masks.shell(l, 6, 3, 2, 3, 12));
    // independent: recompute distances by brute force and sort (uniform weights)
    VoxelMask ptv = Masks.ball(l, -4, 0, 0, 11);
    VoxelMask oar = Masks.shell(l, 6, 3, 2, 3, 12);
    List<Double> d = new ArrayList<>();
    var ws = new org.rtds.features.knowledge.distance.DistanceMapWorkspace();
    var map =
        org.rtds.features.knowledge.distance.SignedDistanceTransform.compute(
            l, ptv, ptv.box().union(oar.box()), List.of(oar), ws);
    for (int k = 0; k < l.sliceCount(); k++) {
      for (int row = 0; row < l.rows(); row++) {
        for (int c = 0; c < l.columns(); c++) {
          if (oar.contains(k, row, c)) {
            d.add((double) (float) map.signedDistanceMm(k, row, c));
          }
        }
      }
    }
    double[] s = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    for (double v : r.rvFractions()) {
      int idx = (int) Math.ceil(v * s.length - 1e-9) - 1;
      assertThat(r.rvExactMm(v)).as("r%.0f", v * 100).isCloseTo(s[idx], within(1e-5));
    }
    assertThat(r.statistics().minMm()).isCloseTo(s[0], within(1e-5));
    assertThat(r.statistics().meanMm())
        .isCloseTo(Arrays.stream(s).average().orElseThrow(), within(1e-4));
  }

  @Test
  void emptyMasksAreSkippedWithAReason() {
    VoxelLattice l = Masks.centred(10, 1, 1, 1);
    VoxelMask empty = VoxelMask.fromPredicate(l, (k, r, c) -> false);
    VoxelMask ball = Masks.ball(l, 0, 0, 0, 4);
    List<PairFeatures> a =
        StudyGeometryFeatures.compute(
            l,
            List.of(new Structure(1, "PTV", empty)),
            List.of(new Structure(2, "OAR", ball)),
            Options.DEFAULT);
    List<PairFeatures> b =
        StudyGeometryFeatures.compute(
            l,
            List.of(new Structure(1, "PTV", ball)),
            List.of(new Structure(2, "OAR", empty)),
            Options.DEFAULT);
    assertThat(a.get(0).skipped()).isTrue();
    assertThat(a.get(0).skipReason()).contains("PTV");
    assertThat(b.get(0).skipped()).isTrue();
    assertThat(b.get(0).skipReason()).contains("OAR");
    assertThat(a.get(0).ovh()).isNull();
  }

  @Test
  void codecRoundTripsAndRejectsLegacyOrMalformedRows() {
    VoxelLattice l = Masks.centred(33, 2, 2, 2);
    OvhResult r = ovh(l, Masks.ball(l, 0, 0, 0, 20), Masks.ball(l, 0, 0, 0, 30));
    OvhCodec.OvhRow row = OvhCodec.encode(r);
    assertThat(row.binValue()).startsWith("rtds-ovh-v1:-50,-49,-48,");
    assertThat(row.binValue()).endsWith(",149,150");
    assertThat(row.binAmount()).startsWith("0,0,").endsWith(",1,1");
    assertThat(row.overlapArea()).isEqualTo(r.overlapAreaMm3());
    OvhCurve back = OvhCodec.decode(row.binValue(), row.binAmount());
    assertThat(back.gridMm()).containsExactly(r.gridMm());
    for (int k = 0; k < back.gridMm().length; k++) {
      assertThat(back.cumulativeFraction()[k])
          .isCloseTo(r.cumulativeFraction()[k], within(r.cumulativeFraction()[k] * 5e-6 + 1e-12));
    }
    assertThat(EarthMoversDistance.ovhMm(back, r.curve())).isLessThan(1e-4);
    // 6 significant digits
    assertThat(
            org.rtds.features.knowledge.format.NumberLists.join(
                new double[] {0.123456789, 1, 0, 1e-7, 0.5}, 6))
        .isEqualTo("0.123457,1,0,0.0000001,0.5");
    // legacy: no marker, 11 edges for 10 amounts, row-pixel units
    assertThatThrownBy(
            () ->
                OvhCodec.decode(
                    "0,1,2,3,4,5,6,7,8,9,10", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95"))
        .isInstanceOf(FeatureFormatException.class)
        .hasMessageContaining("legacy");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v2:0,1", "0,1"))
        .isInstanceOf(FeatureFormatException.class)
        .hasMessageContaining("rtds-ovh-v2");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,1,2", "0,1"))
        .hasMessageContaining("3 distances but 2 fractions");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,1,2", "0.5,0.4,1"))
        .hasMessageContaining("decrease");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,1,2", "0,0.5,0.9"))
        .hasMessageContaining("last fraction");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,x,2", "0,0.5,1"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,2,1", "0,0.5,1"))
        .hasMessageContaining("ascend");
    assertThatThrownBy(() -> OvhCodec.decode("rtds-ovh-v1:0,1,2", "0,NaN,1"))
        .isInstanceOf(FeatureFormatException.class);
  }

  @Test
  void optionsGridIsConfigurable() {
    OvhOptions o = new OvhOptions(-10, 20, 0.5);
    assertThat(o.pointCount()).isEqualTo(61);
    assertThat(o.gridMm()[1]).isEqualTo(-9.5);
    assertThatThrownBy(() -> new OvhOptions(0, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    VoxelLattice l = Masks.lattice(20, 35, 1, 1, 0, 0, range(0, 1, 20));
    OvhResult r =
        ovh(
            l,
            Masks.indexBox(l, 0, 20, 0, 20, 0, 10),
            Masks.indexBox(l, 0, 20, 0, 20, 15, 35),
            new Options(o, MapScope.PER_TARGET, false));
    assertThat(r.at(10)).isCloseTo(0.25, within(1e-12));
    assertThat(OvhCodec.encode(r).binValue()).startsWith("rtds-ovh-v1:-10,-9.5,-9,");
  }

  static double[] range(double z0, double step, int n) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = z0 + i * step;
    }
    return z;
  }
}

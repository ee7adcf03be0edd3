package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.knowledge.testing.Masks;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Conversion of rasterised ROIs to CT-voxel masks; run normalisation. */
class VoxelMaskTest {

  static RoiContours square(double x0, double y0, double x1, double y1, double[] z) {
    List<Contour> c = new ArrayList<>();
    for (double zz : z) {
      c.add(
          new Contour(
              ContourType.CLOSED_PLANAR,
              new double[] {x0, y0, zz, x1, y0, zz, x1, y1, zz, x0, y1, zz}));
    }
    return new RoiContours(7, "sq", c);
  }

  @Test
  void supersampledMasksBecomeCtVoxelsByMajorityAndSlicesMapToTheirRank() {
    // slices listed in descending z (as some exports do): rank order differs from index order
    double[] z = {8, 6, 4, 2, 0};
    SamplingGrid ct =
        SamplingGrid.of(ImageOrientation.HFS, new double[] {0, 0, 8}, 1, 1, 20, 20, z, 2);
    VoxelLattice l = VoxelLattice.of(ct);
    assertThat(l.zMm(0)).isEqualTo(0);
    assertThat(l.rankOfSliceIndex(0)).isEqualTo(4);
    // square with edges on pixel borders: columns 3..7, rows 4..9; contour on slices z = 2, 4
    RoiContours roi = square(2.5, 3.5, 7.5, 9.5, new double[] {2, 4});
    RoiMask one = RoiRasterizer.rasterize(roi, ct, RasterOptions.fixed(1));
    RoiMask four = RoiRasterizer.rasterize(roi, ct, RasterOptions.fixed(4));
    VoxelMask a = VoxelMask.fromRoiMask(one, l);
    VoxelMask b = VoxelMask.fromRoiMask(four, l);
    assertThat(a.voxelCount()).isEqualTo(2 * 5 * 6);
    assertThat(b.voxelCount()).isEqualTo(a.voxelCount());
    assertThat(a.box().rankLo()).isEqualTo(1);
    assertThat(a.box().rankHi()).isEqualTo(3);
    for (int k = 0; k < 5; k++) {
      assertThat(b.runs(k)).containsExactly(a.runs(k));
    }
    assertThat(a.contains(1, 4, 3)).isTrue();
    assertThat(a.contains(1, 4, 8)).isFalse();
    assertThat(a.contains(0, 4, 3)).isFalse();
    assertThat(a.volumeMm3(l)).isEqualTo(60 * 2.0);
  }

  @Test
  void builderSortsAndMergesRuns() {
    VoxelMask m =
        new VoxelMask.Builder()
            .addRun(2, 5, 10, 12)
            .addRun(2, 1, 0, 3)
            .addRun(2, 5, 12, 15)
            .addRun(2, 5, 11, 13)
            .addRun(4, 0, 1, 2)
            .build();
    assertThat(m.runs(2)).containsExactly(1, 0, 3, 5, 10, 15);
    assertThat(m.runs(3)).isEmpty();
    assertThat(m.voxelCount()).isEqualTo(3 + 5 + 1);
    assertThat(m.box().rankLo()).isEqualTo(2);
    assertThat(m.box().colHi()).isEqualTo(15);
    VoxelLattice l = Masks.lattice(20, 20, 1, 1, 0, 0, new double[] {0, 1, 2, 3, 4});
    assertThat(VoxelMask.fromPredicate(l, (k, r, c) -> false).isEmpty()).isTrue();
  }
}

package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtds.features.knowledge.distance.DistanceMapWorkspace;
import org.rtds.features.knowledge.distance.SignedDistanceMap;
import org.rtds.features.knowledge.distance.SignedDistanceTransform;
import org.rtds.features.knowledge.testing.Masks;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Spec §8 C and brute-force checks of the exact signed anisotropic EDT. */
class DistanceTransformTest {

  private static Box all(VoxelLattice l) {
    return new Box(0, l.sliceCount(), 0, l.rows(), 0, l.columns());
  }

  @ParameterizedTest(name = "offset ({0},{1},{2}) -> {3} mm")
  @CsvSource({"1,0,0,3", "0,1,0,1", "1,1,0,3.1623", "1,1,1,3.3166", "2,0,1,6.0828"})
  void specCaseCSingleFeatureVoxelWithSpacing311(int dk, int dr, int dc, double expected) {
    VoxelLattice l = Masks.lattice(7, 7, 1, 1, 0, 0, new double[] {0, 3, 6, 9, 12});
    VoxelMask one = Masks.indexBox(l, 1, 2, 3, 4, 3, 4);
    SignedDistanceMap map =
        SignedDistanceTransform.compute(l, one, all(l), null, new DistanceMapWorkspace());
    assertThat(map.signedDistanceMm(1, 3, 3)).isEqualTo(0.0);
    assertThat(map.signedDistanceMm(1 + dk, 3 + dr, 3 + dc)).isCloseTo(expected, within(1e-4));
    // the legacy formula gives 2 row-pixels for (1,1,0): not replicated
    assertThat(map.signedDistanceMm(2, 4, 3)).isNotCloseTo(2.0, within(0.5));
  }

  @RepeatedTest(40)
  void equalsBruteForceOnRandomAnisotropicNonUniformMasks(
      org.junit.jupiter.api.RepetitionInfo info) {
    Random rnd = new Random(1000 + info.getCurrentRepetition());
    int nz = 2 + rnd.nextInt(7);
    int ny = 2 + rnd.nextInt(10);
    int nx = 2 + rnd.nextInt(10);
    double[] z = new double[nz];
    z[0] = -50 + rnd.nextDouble() * 10;
    for (int k = 1; k < nz; k++) {
      z[k] = z[k - 1] + 0.5 + rnd.nextDouble() * 3.5;
    }
    double dy = 0.4 + rnd.nextDouble() * 2;
    double dx = 0.4 + rnd.nextDouble() * 2;
    VoxelLattice l = Masks.lattice(ny, nx, dy, dx, 3, -7, z);
    double p = 0.1 + rnd.nextDouble() * 0.6;
    boolean[][][] in = new boolean[nz][ny][nx];
    boolean any = false;
    for (int k = 0; k < nz; k++) {
      for (int r = 0; r < ny; r++) {
        for (int c = 0; c < nx; c++) {
          in[k][r][c] = rnd.nextDouble() < p;
          any |= in[k][r][c];
        }
      }
    }
    if (!any) {
      in[0][0][0] = true;
    }
    VoxelMask ptv = VoxelMask.fromPredicate(l, (k, r, c) -> in[k][r][c]);
    // reader: a random sub-box, so that skipping lines is exercised
    int k0 = rnd.nextInt(nz);
    int r0 = rnd.nextInt(ny);
    int c0 = rnd.nextInt(nx);
    VoxelMask reader =
        Masks.indexBox(
            l,
            k0,
            k0 + 1 + rnd.nextInt(nz - k0),
            r0,
            r0 + 1 + rnd.nextInt(ny - r0),
            c0,
            c0 + 1 + rnd.nextInt(nx - c0));
    Box box = ptv.box().union(reader.box());
    DistanceMapWorkspace ws = new DistanceMapWorkspace();
    SignedDistanceMap map = SignedDistanceTransform.compute(l, ptv, box, List.of(reader), ws);
    for (int k = box.rankLo(); k < box.rankHi(); k++) {
      for (int r = box.rowLo(); r < box.rowHi(); r++) {
        for (int c = box.colLo(); c < box.colHi(); c++) {
          if (!reader.contains(k, r, c)) {
            continue;
          }
          double expected = bruteForce(in, z, dy, dx, k, r, c);
          assertThat(map.signedDistanceMm(k, r, c))
              .as("voxel %d,%d,%d", k, r, c)
              .isCloseTo(expected, within(1e-4));
        }
      }
    }
    // the whole grid as reader, same workspace reused
    SignedDistanceMap full = SignedDistanceTransform.compute(l, ptv, all(l), null, ws);
    for (int k = 0; k < nz; k++) {
      for (int r = 0; r < ny; r++) {
        for (int c = 0; c < nx; c++) {
          assertThat(full.signedDistanceMm(k, r, c))
              .isCloseTo(bruteForce(in, z, dy, dx, k, r, c), within(1e-4));
        }
      }
    }
  }

  /** Independent: boundary set by the definition, then min over all boundary voxels. */
  static double bruteForce(
      boolean[][][] in, double[] z, double dy, double dx, int k, int r, int c) {
    int nz = in.length;
    int ny = in[0].length;
    int nx = in[0][0].length;
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a < nz; a++) {
      for (int b = 0; b < ny; b++) {
        for (int d = 0; d < nx; d++) {
          if (!in[a][b][d]) {
            continue;
          }
          boolean boundary =
              a == 0
                  || a == nz - 1
                  || b == 0
                  || b == ny - 1
                  || d == 0
                  || d == nx - 1
                  || !in[a - 1][b][d]
                  || !in[a + 1][b][d]
                  || !in[a][b - 1][d]
                  || !in[a][b + 1][d]
                  || !in[a][b][d - 1]
                  || !in[a][b][d + 1];
          if (!boundary) {
            continue;
          }
          double ez = z[a] - z[k];
          double ey = (b - r) * dy;
          double ex = (d - c) * dx;
          best = Math.min(best, Math.sqrt(ez * ez + ey * ey + ex * ex));
        }
      }
    }
    return in[k][r][c] ? -best : best;
  }

  @Test
  void outOfGridNeighboursCountAsOutside() {
    // a PTV filling the whole grid: its outer layer is the boundary, the centre is inside
    VoxelLattice l = Masks.lattice(5, 5, 1, 1, 0, 0, new double[] {0, 1, 2, 3, 4});
    VoxelMask ptv = Masks.indexBox(l, 0, 5, 0, 5, 0, 5);
    SignedDistanceMap map =
        SignedDistanceTransform.compute(l, ptv, all(l), null, new DistanceMapWorkspace());
    assertThat(map.signedDistanceMm(0, 2, 2)).isEqualTo(0.0);
    assertThat(map.signedDistanceMm(2, 2, 2)).isEqualTo(-2.0);
    assertThat(map.inTarget(map.index(2, 2, 2))).isTrue();
  }

  @Test
  void distanceRunsThroughSlicesWithoutTarget() {
    // PTV on slice 0 only; a reader five slices above, uneven slice gaps
    double[] z = {0, 2, 5, 9, 14, 20};
    VoxelLattice l = Masks.lattice(9, 9, 1, 1, 0, 0, z);
    VoxelMask ptv = Masks.indexBox(l, 0, 1, 3, 6, 3, 6);
    VoxelMask oar = Masks.indexBox(l, 5, 6, 4, 5, 4, 5);
    Box box = ptv.box().union(oar.box());
    SignedDistanceMap map =
        SignedDistanceTransform.compute(l, ptv, box, List.of(oar), new DistanceMapWorkspace());
    assertThat(map.signedDistanceMm(5, 4, 4)).isCloseTo(20.0, within(1e-6));
  }
}

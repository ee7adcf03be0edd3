package org.rtds.features.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelMask;

/** Target levels by mean dose, and the union of PTV masks. */
class TargetLevelsTest {

  @Test
  void levelsFollowTheMeanDoseNotTheOrder() {
    assertThat(TargetLevels.names(new double[] {70})).containsExactly("PTV_High");
    assertThat(TargetLevels.names(new double[] {56, 70})).containsExactly("PTV_Low", "PTV_High");
    assertThat(TargetLevels.names(new double[] {63, 56, 70}))
        .containsExactly("PTV_Mid", "PTV_Low", "PTV_High");
    assertThat(TargetLevels.names(new double[] {50, 70, 60, 54}))
        .containsExactly("PTV_Low", "PTV_High", "PTV_Mid01", "PTV_Mid02");
    // equal means keep the given order
    assertThat(TargetLevels.names(new double[] {66, 66})).containsExactly("PTV_High", "PTV_Low");
  }

  @Test
  void theUnionHoldsEveryVoxelOfEveryMaskAndNoOther() {
    Box box = new Box(0, 6, 0, 10, 0, 10);
    VoxelMask a = VoxelMask.fromPredicate(box, (k, r, c) -> k < 3 && r < 5 && c < 5);
    VoxelMask b = VoxelMask.fromPredicate(box, (k, r, c) -> k >= 2 && r >= 3 && c >= 4);
    VoxelMask empty = VoxelMask.fromPredicate(box, (k, r, c) -> false);
    VoxelMask union = TargetLevels.union(List.of(a, empty, b));
    long expected = 0;
    for (int k = 0; k < 6; k++) {
      for (int r = 0; r < 10; r++) {
        for (int c = 0; c < 10; c++) {
          boolean in = a.contains(k, r, c) || b.contains(k, r, c);
          assertThat(union.contains(k, r, c)).as("%d %d %d", k, r, c).isEqualTo(in);
          expected += in ? 1 : 0;
        }
      }
    }
    assertThat(union.voxelCount()).isEqualTo(expected);
    assertThat(TargetLevels.union(List.of(empty)).isEmpty()).isTrue();
  }
}

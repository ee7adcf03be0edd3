package org.rtds.features.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * How a study's PTVs are named for matching with other studies: by dose level, as AAPM TG-263
 * recommends for relative target names. The PTV with the highest mean dose is {@value #HIGH}, the
 * lowest {@value #LOW} (when there are two or more), those between {@value #MID} ({@code
 * PTV_Mid01}, {@code PTV_Mid02}, … when there are several), and the union of all PTVs of a study
 * with two or more is {@value #ALL}. The mean dose comes from the plan's own DVH, so names without
 * a dose ({@code PTV1}, {@code PTV_boost}) are ranked as reliably as {@code PTV70}; equal means
 * keep the given order.
 */
public final class TargetLevels {

  /** The highest dose level. */
  public static final String HIGH = "PTV_High";

  /** Levels between the highest and the lowest. */
  public static final String MID = "PTV_Mid";

  /** The lowest dose level. */
  public static final String LOW = "PTV_Low";

  /** The union of every PTV of the study. */
  public static final String ALL = "PTV_All";

  private TargetLevels() {}

  /**
   * @param meanDoseGy each PTV's mean dose (Gy), in the study's ROI order
   * @return each PTV's level name, in the same order
   */
  public static List<String> names(double[] meanDoseGy) {
    int n = meanDoseGy.length;
    int[] byDose =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -meanDoseGy[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    String[] names = new String[n];
    for (int rank = 0; rank < n; rank++) {
      String name;
      if (rank == 0) {
        name = HIGH;
      } else if (rank == n - 1) {
        name = LOW;
      } else if (n == 3) {
        name = MID;
      } else {
        name = String.format(Locale.ROOT, "%s%02d", MID, rank);
      }
      names[byDose[rank]] = name;
    }
    return List.of(names);
  }

  /**
   * The union of masks of one lattice.
   *
   * @param masks the masks (at least one)
   * @return a voxel is inside when it is inside any of them
   */
  public static VoxelMask union(List<VoxelMask> masks) {
    List<VoxelMask> nonEmpty = new ArrayList<>();
    for (VoxelMask m : masks) {
      if (!m.isEmpty()) {
        nonEmpty.add(m);
      }
    }
    if (nonEmpty.isEmpty()) {
      return masks.get(0);
    }
    Box box = nonEmpty.get(0).box();
    for (VoxelMask m : nonEmpty) {
      box = box.union(m.box());
    }
    return VoxelMask.fromPredicate(
        box,
        (rank, row, col) -> {
          for (VoxelMask m : nonEmpty) {
            if (m.contains(rank, row, col)) {
              return true;
            }
          }
          return false;
        });
  }
}

package org.rtds.features.knowledge;

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
   * The union of masks of one lattice (every run of every mask; the builder merges overlaps).
   *
   * @param masks the masks
   * @return a voxel is inside when it is inside any of them (empty when all are)
   */
  public static VoxelMask union(List<VoxelMask> masks) {
    VoxelMask.Builder union = new VoxelMask.Builder();
    for (VoxelMask m : masks) {
      if (m.isEmpty()) {
        continue;
      }
      Box box = m.box();
      for (int k = box.rankLo(); k < box.rankHi(); k++) {
        int[] r = m.runs(k);
        for (int i = 0; i < r.length; i += 3) {
          union.addRun(k, r[i], r[i + 1], r[i + 2]);
        }
      }
    }
    return union.build();
  }
}

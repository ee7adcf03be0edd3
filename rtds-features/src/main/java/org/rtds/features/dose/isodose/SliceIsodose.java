package org.rtds.features.dose.isodose;

import java.util.List;

/**
 * Isodose result of one CT slice.
 *
 * @param sliceIndex CT slice index
 * @param zMm slice z (mm)
 * @param reference what the percentages refer to
 * @param referenceDoseGy the reference dose (Gy): Rx or the dose grid's maximum
 * @param levels one entry per requested level, in request order
 */
public record SliceIsodose(
    int sliceIndex,
    double zMm,
    DoseReference reference,
    double referenceDoseGy,
    List<IsodoseLevel> levels) {

  /**
   * Makes the level list unmodifiable.
   *
   * @param sliceIndex CT slice index
   * @param zMm slice z (mm)
   * @param reference what the percentages refer to
   * @param referenceDoseGy the reference dose (Gy): Rx or the dose grid's maximum
   * @param levels one entry per requested level, in request order
   */
  public SliceIsodose {
    levels = List.copyOf(levels);
  }
}

package org.rtds.features.dose.isodose;

import java.util.List;

/**
 * The iso-lines of one level on one CT slice.
 *
 * @param percent level in % of the reference dose
 * @param doseGy level in Gy
 * @param lines marching-squares iso-lines at exactly doseGy
 * @param boundary legacy boundary pixels of {D ≥ doseGy}
 */
public record IsodoseLevel(
    double percent, double doseGy, List<IsoLine> lines, BoundaryPixels boundary) {

  /**
   * Makes the line list unmodifiable.
   *
   * @param percent level in % of the reference dose
   * @param doseGy level in Gy
   * @param lines marching-squares iso-lines at exactly doseGy
   * @param boundary legacy boundary pixels of {D ≥ doseGy}
   */
  public IsodoseLevel {
    lines = List.copyOf(lines);
  }
}

package org.rtds.features.dose.isodose;

import java.util.OptionalDouble;

/**
 * Isodose levels and reference.
 *
 * @param levelsPercent levels in % of the reference (default {30, 50, 70, 80, 90, 95, 100, 105,
 *     107})
 * @param prescriptionGy Rx (Gy); when empty the levels refer to the dose grid's global maximum
 */
public record IsodoseOptions(double[] levelsPercent, OptionalDouble prescriptionGy) {

  /** Default levels (% of Rx), §5. */
  public static final double[] DEFAULT_LEVELS = {30, 50, 70, 80, 90, 95, 100, 105, 107};

  /**
   * Validates levels (positive, finite).
   *
   * @param levelsPercent levels in % of the reference (default {30, 50, 70, 80, 90, 95, 100, 105,
   *     107})
   * @param prescriptionGy Rx (Gy); when empty the levels refer to the dose grid's global maximum
   */
  public IsodoseOptions {
    for (double l : levelsPercent) {
      if (!(l > 0) || !Double.isFinite(l)) {
        throw new IllegalArgumentException("isodose levels must be positive percentages");
      }
    }
    levelsPercent = levelsPercent.clone();
  }

  /**
   * @param rxGy prescription (Gy)
   * @return default levels relative to Rx
   */
  public static IsodoseOptions ofPrescription(double rxGy) {
    return new IsodoseOptions(DEFAULT_LEVELS, OptionalDouble.of(rxGy));
  }

  /**
   * @return default levels relative to the maximum dose (Rx unknown)
   */
  public static IsodoseOptions ofMaximum() {
    return new IsodoseOptions(DEFAULT_LEVELS, OptionalDouble.empty());
  }
}

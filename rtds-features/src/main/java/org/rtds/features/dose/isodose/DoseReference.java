package org.rtds.features.dose.isodose;

/** What the isodose percentages refer to. */
public enum DoseReference {
  /** Percent of the prescription dose Rx (recommended, §5). */
  PRESCRIPTION,
  /** Percent of the dose grid's global maximum (fallback when Rx is unknown). */
  MAX_DOSE
}

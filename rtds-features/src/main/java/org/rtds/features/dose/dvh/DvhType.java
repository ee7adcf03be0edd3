package org.rtds.features.dose.dvh;

import java.util.Locale;

/** DICOM DVHType (3004,0001). */
public enum DvhType {
  /** V(≥ D) per bin lower edge. */
  CUMULATIVE,
  /** Volume inside each bin. */
  DIFFERENTIAL,
  /** Natural DVH (Anderson); not supported by the decoder. */
  NATURAL;

  /**
   * @param dicomValue DVHType, case-insensitive
   * @return the type
   * @throws IllegalArgumentException for unknown values
   */
  public static DvhType fromDicom(String dicomValue) {
    String v = dicomValue == null ? "" : dicomValue.trim().toUpperCase(Locale.ROOT);
    for (DvhType t : values()) {
      if (t.name().equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown DVHType '" + dicomValue + "'");
  }
}

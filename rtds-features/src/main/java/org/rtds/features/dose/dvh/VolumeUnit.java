package org.rtds.features.dose.dvh;

import java.util.Locale;

/** DICOM DVHVolumeUnits (3004,0054) supported here. PER_U is not supported. */
public enum VolumeUnit {
  /** Cubic centimetres (cc). */
  CM3,
  /** Percent of the ROI volume. */
  PERCENT;

  /**
   * @param dicomValue DVHVolumeUnits, case-insensitive
   * @return the unit
   * @throws IllegalArgumentException for PER_U or unknown values
   */
  public static VolumeUnit fromDicom(String dicomValue) {
    String v = dicomValue == null ? "" : dicomValue.trim().toUpperCase(Locale.ROOT);
    for (VolumeUnit u : values()) {
      if (u.name().equals(v)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "DVHVolumeUnits '" + dicomValue + "' is not supported (CM3 or PERCENT)");
  }
}

package org.rtds.features.dose.contour;

import java.util.Locale;

/**
 * DICOM ContourGeometricType (3006,0042). Only closed planar contours enclose volume; POINT,
 * OPEN_PLANAR and OPEN_NONPLANAR contours contribute no volume.
 */
public enum ContourType {
  /** A closed polygon in one axial plane (the last point connects to the first). */
  CLOSED_PLANAR,
  /** DICOM 2019+ closed polygon combined by XOR; treated exactly like CLOSED_PLANAR (§4.4). */
  CLOSEDPLANAR_XOR,
  /** A single point (e.g. an isocentre marker). */
  POINT,
  /** An open polyline in one plane. */
  OPEN_PLANAR,
  /** An open polyline not in one plane. */
  OPEN_NONPLANAR;

  /**
   * @return true when contours of this type enclose area
   */
  public boolean enclosesArea() {
    return this == CLOSED_PLANAR || this == CLOSEDPLANAR_XOR;
  }

  /**
   * @param dicomValue the DICOM code string, case-insensitive, surrounding blanks ignored
   * @return the type
   * @throws IllegalArgumentException for an unknown value
   */
  public static ContourType fromDicom(String dicomValue) {
    String v = dicomValue == null ? "" : dicomValue.trim().toUpperCase(Locale.ROOT);
    for (ContourType t : values()) {
      if (t.name().equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown ContourGeometricType '" + dicomValue + "'");
  }
}

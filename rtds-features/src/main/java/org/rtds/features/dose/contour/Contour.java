package org.rtds.features.dose.contour;

/**
 * One DICOM contour: its geometric type and ContourData as a flat array x1, y1, z1, x2, … in LPS
 * mm. The array is not copied; callers must not modify it afterwards.
 *
 * @param type ContourGeometricType
 * @param pointsMm flat x, y, z triplets (mm)
 */
public record Contour(ContourType type, double[] pointsMm) {

  /**
   * Rejects a null type or point array (content is validated later, never thrown on).
   *
   * @param type ContourGeometricType
   * @param pointsMm flat x, y, z triplets (mm)
   */
  public Contour {
    if (type == null || pointsMm == null) {
      throw new IllegalArgumentException("contour type and points are required");
    }
  }

  /**
   * @return number of complete points (trailing incomplete triplets ignored)
   */
  public int pointCount() {
    return pointsMm.length / 3;
  }
}

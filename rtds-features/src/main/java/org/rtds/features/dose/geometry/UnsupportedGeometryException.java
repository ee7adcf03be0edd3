package org.rtds.features.dose.geometry;

/**
 * Thrown when an image or dose grid has a geometry these calculators do not support (for example an
 * oblique, non-axial ImageOrientationPatient) or when grids that must match do not.
 */
public class UnsupportedGeometryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the offending values
   */
  public UnsupportedGeometryException(String message) {
    super(message);
  }
}

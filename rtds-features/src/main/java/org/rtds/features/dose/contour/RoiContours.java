package org.rtds.features.dose.contour;

import java.util.List;

/**
 * All contours of one ROI of a structure set.
 *
 * @param roiNumber ROINumber (3006,0022)
 * @param name ROIName (3006,0026)
 * @param contours the ROI's contours in any order
 */
public record RoiContours(int roiNumber, String name, List<Contour> contours) {

  /**
   * Makes the contour list unmodifiable.
   *
   * @param roiNumber ROINumber (3006,0022)
   * @param name ROIName (3006,0026)
   * @param contours the ROI's contours in any order
   */
  public RoiContours {
    contours = List.copyOf(contours);
  }
}

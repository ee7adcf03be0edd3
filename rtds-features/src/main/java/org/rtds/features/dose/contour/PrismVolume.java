package org.rtds.features.dose.contour;

import java.util.List;

/**
 * ROI volume from planar contours by stacked prisms (§6): V = Σ A_i·t_i.
 *
 * @param volumeCc the volume (cc)
 * @param planeZMm z of each plane (mm), ascending
 * @param planeAreaMm2 nested area of each plane (mm²)
 * @param planeThicknessMm prism thickness t_i of each plane (mm)
 * @param skipped contours not used, with reasons
 */
public record PrismVolume(
    double volumeCc,
    double[] planeZMm,
    double[] planeAreaMm2,
    double[] planeThicknessMm,
    List<SkippedContour> skipped) {

  /**
   * Makes the skipped list unmodifiable.
   *
   * @param volumeCc the volume (cc)
   * @param planeZMm z of each plane (mm), ascending
   * @param planeAreaMm2 nested area of each plane (mm²)
   * @param planeThicknessMm prism thickness t_i of each plane (mm)
   * @param skipped contours not used, with reasons
   */
  public PrismVolume {
    skipped = List.copyOf(skipped);
  }

  /**
   * @return true when the ROI has no valid closed contour
   */
  public boolean isEmpty() {
    return planeZMm.length == 0;
  }
}

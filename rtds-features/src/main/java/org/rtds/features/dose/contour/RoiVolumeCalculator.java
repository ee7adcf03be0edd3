package org.rtds.features.dose.contour;

import java.util.List;

/**
 * Stacked-prism ROI volume (§6, recommended default): per plane the nested shoelace area (even
 * containment depth adds, odd subtracts, orientation ignored), times t_i = (z_{i+1} − z_{i−1})/2;
 * the end planes use their single neighbour gap (full prism end caps); a single-plane ROI uses the
 * given single-plane thickness (the CT slice thickness at that z). Stateless.
 */
public final class RoiVolumeCalculator {
  private RoiVolumeCalculator() {}

  /**
   * @param roi the ROI's contours
   * @param singlePlaneThicknessMm thickness (mm) of a lone plane
   * @return the prism volume in cc (0 with the skipped reasons when nothing is valid)
   */
  public static PrismVolume prismVolume(RoiContours roi, double singlePlaneThicknessMm) {
    return prismVolume(ContourPlanes.group(roi), singlePlaneThicknessMm);
  }

  /**
   * @param planeSet grouped planes
   * @param singlePlaneThicknessMm thickness (mm) of a lone plane
   * @return the prism volume in cc
   */
  public static PrismVolume prismVolume(PlaneSet planeSet, double singlePlaneThicknessMm) {
    List<ContourPlane> planes = planeSet.planes();
    List<PlaneSet.Slab> slabs = planeSet.slabs(singlePlaneThicknessMm);
    int n = planes.size();
    double[] z = new double[n];
    double[] area = new double[n];
    double[] t = new double[n];
    double mm3 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = planes.get(i).zMm();
      area[i] = planes.get(i).areaMm2();
      t[i] = slabs.get(i).thicknessMm();
      mm3 += area[i] * t[i];
    }
    return new PrismVolume(mm3 / 1000.0, z, area, t, planeSet.skipped());
  }
}

package org.rtds.features.dose.contour;

import java.util.ArrayList;
import java.util.List;

/**
 * The contour planes of one ROI in ascending z, plus the contours that were skipped and why.
 *
 * <p>Slab convention (§4.4 step 3, §6): plane i covers [z_i − t_lo, z_i + t_hi), t being half the
 * gap to each neighbouring plane; the first and last planes extend outward by half their single
 * neighbour gap ("full prism" end caps); a lone plane covers ± half the given single-plane
 * thickness (the CT slice thickness at that z).
 *
 * @param planes planes in strictly ascending z
 * @param skipped contours not used, with reasons
 */
public record PlaneSet(List<ContourPlane> planes, List<SkippedContour> skipped) {

  /**
   * The z extent of one plane.
   *
   * @param zLoMm inclusive lower bound (mm)
   * @param zHiMm exclusive upper bound (mm)
   */
  public record Slab(double zLoMm, double zHiMm) {
    /**
     * @return the slab thickness (mm)
     */
    public double thicknessMm() {
      return zHiMm - zLoMm;
    }
  }

  /**
   * Makes the lists unmodifiable.
   *
   * @param planes planes in strictly ascending z
   * @param skipped contours not used, with reasons
   */
  public PlaneSet {
    planes = List.copyOf(planes);
    skipped = List.copyOf(skipped);
  }

  /**
   * @return true when no plane has a valid closed polygon
   */
  public boolean isEmpty() {
    return planes.isEmpty();
  }

  /**
   * @param singlePlaneThicknessMm thickness (mm) used when there is only one plane
   * @return one slab per plane, same order as {@link #planes()}
   */
  public List<Slab> slabs(double singlePlaneThicknessMm) {
    int n = planes.size();
    List<Slab> slabs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double z = planes.get(i).zMm();
      if (n == 1) {
        slabs.add(new Slab(z - singlePlaneThicknessMm / 2, z + singlePlaneThicknessMm / 2));
        continue;
      }
      double lo = i == 0 ? (planes.get(1).zMm() - z) / 2 : (z - planes.get(i - 1).zMm()) / 2;
      double hi =
          i == n - 1 ? (z - planes.get(n - 2).zMm()) / 2 : (planes.get(i + 1).zMm() - z) / 2;
      slabs.add(new Slab(z - lo, z + hi));
    }
    return slabs;
  }
}

package org.rtds.features.dose.raster;

import java.util.List;
import org.rtds.features.dose.contour.SkippedContour;

/**
 * A rasterised ROI on the CT sampling grid.
 *
 * @param roiNumber ROINumber
 * @param roiName ROIName
 * @param factor in-plane supersampling factor used
 * @param slices the slices holding samples, ascending z
 * @param prismVolumeCc stacked-prism volume of the same contours (cc), §6
 * @param skipped contours not used, with reasons
 * @param notes further remarks (planes outside the CT, no valid volume, …)
 */
public record RoiMask(
    int roiNumber,
    String roiName,
    int factor,
    List<SliceRuns> slices,
    double prismVolumeCc,
    List<SkippedContour> skipped,
    List<String> notes) {

  /**
   * Makes the lists unmodifiable.
   *
   * @param roiNumber ROINumber
   * @param roiName ROIName
   * @param factor in-plane supersampling factor used
   * @param slices the slices holding samples, ascending z
   * @param prismVolumeCc stacked-prism volume of the same contours (cc), §6
   * @param skipped contours not used, with reasons
   * @param notes further remarks (planes outside the CT, no valid volume, …)
   */
  public RoiMask {
    slices = List.copyOf(slices);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /**
   * @return rasterised volume: Σ samples × sample volume (cc)
   */
  public double volumeCc() {
    double mm3 = 0;
    for (SliceRuns s : slices) {
      mm3 += s.sampleCount() * s.sampleVolumeMm3();
    }
    return mm3 / 1000.0;
  }

  /**
   * @return total number of samples
   */
  public long sampleCount() {
    long n = 0;
    for (SliceRuns s : slices) {
      n += s.sampleCount();
    }
    return n;
  }

  /**
   * @return true when no sample lies inside the ROI (no valid volume)
   */
  public boolean isEmpty() {
    return sampleCount() == 0;
  }
}

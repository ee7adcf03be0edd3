package org.rtds.features.dose.dvh;

import java.util.List;
import org.rtds.features.dose.contour.SkippedContour;

/**
 * The DVH of one ROI. Samples outside the dose grid carry dose 0 Gy and their volume is also
 * reported separately in {@link #volumeOutsideDoseGridCc()} (never spread over the other bins).
 *
 * @param roiNumber ROINumber
 * @param roiName ROIName
 * @param samples exact voxel dose list (Gy, mm³); metrics come from here
 * @param dvh cumulative DVH (CM3) with the configured bin width
 * @param volumeCc rasterised ROI volume = DVH total volume (cc)
 * @param volumeOutsideDoseGridCc part of volumeCc outside the dose grid, counted at 0 Gy (cc)
 * @param prismVolumeCc stacked-prism volume of the same contours (cc), §6
 * @param supersampling in-plane supersampling factor used
 * @param skipped contours not used, with reasons
 * @param notes remarks (no valid volume, planes without CT slices, volume outside the dose grid)
 */
public record DvhResult(
    int roiNumber,
    String roiName,
    DoseVolumeSamples samples,
    CumulativeDvh dvh,
    double volumeCc,
    double volumeOutsideDoseGridCc,
    double prismVolumeCc,
    int supersampling,
    List<SkippedContour> skipped,
    List<String> notes) {

  /**
   * Makes the lists unmodifiable.
   *
   * @param roiNumber ROINumber
   * @param roiName ROIName
   * @param samples exact voxel dose list (Gy, mm³); metrics come from here
   * @param dvh cumulative DVH (CM3) with the configured bin width
   * @param volumeCc rasterised ROI volume = DVH total volume (cc)
   * @param volumeOutsideDoseGridCc part of volumeCc outside the dose grid, counted at 0 Gy (cc)
   * @param prismVolumeCc stacked-prism volume of the same contours (cc), §6
   * @param supersampling in-plane supersampling factor used
   * @param skipped contours not used, with reasons
   * @param notes remarks (no valid volume, planes without CT slices, volume outside the dose grid)
   */
  public DvhResult {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /**
   * @return true when the ROI has a valid volume on the sampling grid
   */
  public boolean hasVolume() {
    return !samples.isEmpty();
  }

  /**
   * @return rasterised (DVH) volume minus prism volume (cc)
   */
  public double volumeDifferenceToPrismCc() {
    return volumeCc - prismVolumeCc;
  }
}

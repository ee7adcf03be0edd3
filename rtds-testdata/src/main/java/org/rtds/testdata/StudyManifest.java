package org.rtds.testdata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a generator wrote: identifiers, files, geometry, ROIs and (for phantoms) the analytic truth.
 *
 * @param directory output directory
 * @param ctImages CT slices in file order (slice k = ctImages.get(k), z increasing)
 * @param doses one PLAN dose, or one BEAM dose per beam (their sum is the plan dose)
 * @param analyticTruth per ROI name, the exact metrics of the continuous shape in the exact dose
 *     function (phantoms); empty when there is no closed form (clinical)
 */
public record StudyManifest(
    Path directory,
    String patientId,
    String patientName,
    String studyInstanceUid,
    String frameOfReferenceUid,
    List<DicomFile> ctImages,
    CtGrid ctGrid,
    DicomFile structureSet,
    List<RoiSummary> rois,
    DicomFile plan,
    Prescription prescription,
    List<DicomFile> doses,
    DoseGrid doseGrid,
    Map<String, DvhMetrics> analyticTruth) {

  /** Copies the collections. */
  public StudyManifest {
    ctImages = List.copyOf(ctImages);
    rois = List.copyOf(rois);
    doses = List.copyOf(doses);
    analyticTruth = Map.copyOf(analyticTruth);
  }

  /** Number of CT slices. */
  public int ctSliceCount() {
    return ctImages.size();
  }

  /** The ROI with this name. */
  public RoiSummary roi(String name) {
    return rois.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no ROI " + name));
  }

  /** Every file written, CT first, then structure set, plan and doses. */
  public List<DicomFile> allFiles() {
    List<DicomFile> all = new java.util.ArrayList<>(ctImages);
    all.add(structureSet);
    all.add(plan);
    all.addAll(doses);
    return all;
  }

  /** A multi-line human-readable summary (what {@link Generate} prints). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("directory            ").append(directory).append('\n');
    sb.append("patient              ")
        .append(patientId)
        .append(" / ")
        .append(patientName)
        .append('\n');
    sb.append("StudyInstanceUID     ").append(studyInstanceUid).append('\n');
    sb.append("FrameOfReferenceUID  ").append(frameOfReferenceUid).append('\n');
    sb.append(
        String.format(
            "CT                   %d slices %dx%d, %.4g mm pixels, %.4g mm apart, z %.4g..%.4g mm, series %s%n",
            ctSliceCount(),
            ctGrid.columns(),
            ctGrid.rows(),
            ctGrid.pixelSpacingMm(),
            ctGrid.sliceSpacingMm(),
            ctGrid.z(0),
            ctGrid.z(ctGrid.slices() - 1),
            ctImages.get(0).seriesInstanceUid()));
    sb.append("RTSTRUCT             ")
        .append(structureSet.path().getFileName())
        .append(' ')
        .append(structureSet.sopInstanceUid())
        .append('\n');
    for (RoiSummary r : rois) {
      sb.append(
          String.format(
              "  ROI %2d %-16s %-8s %4d contours %7d points%n",
              r.number(), r.name(), r.interpretedType(), r.contourCount(), r.totalPoints()));
    }
    sb.append("RTPLAN               ")
        .append(plan.path().getFileName())
        .append(' ')
        .append(plan.sopInstanceUid())
        .append('\n');
    sb.append(
        String.format(
            "  prescription       %.4g Gy in %d fractions to ROI %d %s%n",
            prescription.targetPrescriptionDoseGy(),
            prescription.fractions(),
            prescription.targetRoiNumber(),
            prescription.targetRoiName()));
    sb.append(
        String.format(
            "RTDOSE               %d file(s), grid %dx%dx%d at %.4gx%.4gx%.4g mm, %d-bit%s, scaling %s%n",
            doses.size(),
            doseGrid.columns(),
            doseGrid.rows(),
            doseGrid.frames(),
            doseGrid.columnSpacingMm(),
            doseGrid.rowSpacingMm(),
            doseGrid.frameSpacingMm(),
            doseGrid.bitsAllocated(),
            doseGrid.rle() ? " RLE" : "",
            org.rtds.testdata.dicom.DicomValues.ds(doseGrid.doseGridScaling())));
    for (DicomFile d : doses) {
      sb.append("  ")
          .append(d.path().getFileName())
          .append(' ')
          .append(d.sopInstanceUid())
          .append('\n');
    }
    for (RoiSummary r : rois) {
      DvhMetrics m = analyticTruth.get(r.name());
      if (m != null) {
        sb.append(
            String.format(
                "  truth %-10s V %.4f cc Dmin %.3f Dmax %.3f Dmean %.3f D95 %.3f D5 %.3f Gy%n",
                r.name(), m.volumeCc(), m.dminGy(), m.dmaxGy(), m.dmeanGy(), m.d95Gy(), m.d5Gy()));
      }
    }
    return sb.toString();
  }
}

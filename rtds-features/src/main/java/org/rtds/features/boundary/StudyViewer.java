package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.rt.StructureSetQueries;
import org.rtds.features.control.StudyDoseInputs;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.inputs.DicomNumbers;
import org.rtds.features.dose.inputs.StudyInputException;

/**
 * What an image viewer of a study needs besides the pixels: the planning CT's geometry (slices in
 * order along the slice normal), every ROI's contours as drawn (patient coordinates, mm) with its
 * DICOM display colour, and the plan's dose at a point (Gy). The same choices of CT series,
 * structure set and dose as the features ({@link StudyDoseInputs}), so what the viewer shows is
 * what the DVHs and isodoses were computed from. Read-only.
 */
@ApplicationScoped
public class StudyViewer {

  @PersistenceContext EntityManager em;

  /**
   * One CT image.
   *
   * @param sopInstanceUid its SOP Instance UID
   * @param positionMm ImagePositionPatient: the centre of its first pixel, patient x, y, z (mm)
   * @param zMm its position along the slice normal (mm; the patient z of an axial image)
   */
  public record CtSlice(String sopInstanceUid, double[] positionMm, double zMm) {}

  /**
   * The planning CT.
   *
   * @param seriesInstanceUid its series
   * @param rows Rows of every image
   * @param columns Columns of every image
   * @param rowSpacingMm PixelSpacing[0]: distance between the centres of adjacent rows (mm)
   * @param columnSpacingMm PixelSpacing[1]: distance between the centres of adjacent columns (mm)
   * @param orientation ImageOrientationPatient: the row direction (x, y, z) then the column
   *     direction
   * @param slices the images, ascending along the slice normal
   */
  public record CtSeries(
      String seriesInstanceUid,
      int rows,
      int columns,
      double rowSpacingMm,
      double columnSpacingMm,
      double[] orientation,
      List<CtSlice> slices) {}

  /**
   * One contour as drawn.
   *
   * @param zMm its plane's position along the CT's slice normal (mm)
   * @param closed CLOSED_PLANAR (true) or an open line or points
   * @param pointsMm its points, flat patient x, y, z (mm)
   */
  public record Outline(double zMm, boolean closed, double[] pointsMm) {}

  /**
   * A ROI and its contours.
   *
   * @param displayColor ROI Display Color as {@code r\g\b} (0–255), null when the structure set
   *     gives none
   */
  public record RoiOutlines(
      String roiNumber,
      String name,
      String standardName,
      String role,
      String displayColor,
      List<Outline> contours) {}

  /**
   * @return the planning CT, empty when the study has no CT image
   * @throws MissingInputException when its images' geometry is unreadable (the message says which)
   */
  @Transactional
  public Optional<CtSeries> ct(int studyId) {
    List<CtImage> images;
    try {
      images = new StudyDoseInputs(em).planningCt(studyId);
    } catch (MissingInputException e) {
      return Optional.empty();
    }
    CtImage first = images.get(0);
    double[] orientation =
        numbers(first.getImageOrientationPatient(), 6, "ImageOrientationPatient");
    double[] normal = normal(orientation);
    double[] spacing = numbers(first.getPixelSpacing(), 2, "PixelSpacing");
    List<CtSlice> slices = new ArrayList<>();
    for (CtImage image : images) {
      double[] position =
          numbers(image.getImagePositionPatient(), 3, "ImagePositionPatient of an image");
      slices.add(new CtSlice(image.getSopInstanceUid(), position, dot(position, normal)));
    }
    slices.sort(Comparator.comparingDouble(CtSlice::zMm));
    return Optional.of(
        new CtSeries(
            first.getSeries().getSeriesInstanceUid(),
            first.getRows() == null ? 0 : first.getRows(),
            first.getColumns() == null ? 0 : first.getColumns(),
            spacing[0],
            spacing[1],
            orientation,
            slices));
  }

  /**
   * The contours of every ROI of the structure set the features use, in ROI order; empty when the
   * study has none. A contour's z is measured along the planning CT's slice normal, so that it can
   * be matched to the CT slice it was drawn on.
   *
   * @throws MissingInputException when the CT's orientation is unreadable (the message says so)
   */
  @Transactional
  public List<RoiOutlines> outlines(int studyId) {
    StudyDoseInputs inputs = new StudyDoseInputs(em);
    Optional<RtStructureSet> set = inputs.featureStructureSet(studyId);
    if (set.isEmpty()) {
      return List.of();
    }
    // the slice normal of the CT the set was drawn on (its first image's orientation); one look-up
    double[] normal =
        normal(
            numbers(
                inputs.ctImages(studyId, set.get()).get(0).getImageOrientationPatient(),
                6,
                "ImageOrientationPatient"));
    Map<Integer, List<Outline>> byRoi = new LinkedHashMap<>();
    for (RtContour contour : StructureSetQueries.contours(em, set.get().getId())) {
      double[] points = ContourPoints.parse(contour.getContourData());
      if (points.length < 3) {
        continue;
      }
      byRoi
          .computeIfAbsent(contour.getRoi().getId(), k -> new ArrayList<>())
          .add(
              new Outline(
                  dot(new double[] {points[0], points[1], points[2]}, normal),
                  "CLOSED_PLANAR".equals(contour.getContourGeometricType()),
                  points));
    }
    List<RoiOutlines> rois = new ArrayList<>();
    for (RtRoi roi : StructureSetQueries.rois(em, set.get().getId())) {
      rois.add(
          new RoiOutlines(
              roi.getRoiNumber(),
              roi.getRoiName(),
              roi.getStandardStructure() == null ? null : roi.getStandardStructure().getRoiName(),
              roi.getRole(),
              roi.getDisplayColor(),
              byRoi.getOrDefault(roi.getId(), List.of())));
    }
    return rois;
  }

  /**
   * The plan's dose at a point, trilinearly interpolated in the dose grid.
   *
   * @param xMm patient x (mm)
   * @param yMm patient y (mm)
   * @param zMm patient z (mm)
   * @return the dose in Gy, empty outside the dose grid
   * @throws MissingInputException when the study has no usable dose (the message says why)
   */
  @Transactional
  public OptionalDouble doseAtGy(int studyId, double xMm, double yMm, double zMm) {
    DoseGrid dose = new StudyDoseInputs(em).doseGrid(studyId);
    return dose.contains(xMm, yMm, zMm)
        ? OptionalDouble.of(dose.doseAt(xMm, yMm, zMm))
        : OptionalDouble.empty();
  }

  private static double[] numbers(String value, int count, String what) {
    try {
      return DicomNumbers.parse(value, count, "CT " + what);
    } catch (StudyInputException e) {
      throw new MissingInputException(e.getMessage());
    }
  }

  /** The slice normal: row direction × column direction. */
  static double[] normal(double[] orientation) {
    double rx = orientation[0];
    double ry = orientation[1];
    double rz = orientation[2];
    double cx = orientation[3];
    double cy = orientation[4];
    double cz = orientation[5];
    return new double[] {ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}

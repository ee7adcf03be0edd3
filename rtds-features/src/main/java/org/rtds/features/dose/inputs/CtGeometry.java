package org.rtds.features.dose.inputs;

import java.util.ArrayList;
import java.util.List;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.inputs.StudyInputException.Kind;

/** The CT sampling grid of one series from its slices' headers, checked for consistency. */
public final class CtGeometry {

  private CtGeometry() {}

  /**
   * The geometry attributes of one CT image, as stored (DICOM decimal strings).
   *
   * @param sopInstanceUid the image's SOP Instance UID (for messages)
   * @param imagePositionPatient (0020,0032), mm
   * @param imageOrientationPatient (0020,0037)
   * @param pixelSpacing (0028,0030): row spacing \ column spacing, mm
   * @param rows (0028,0010)
   * @param columns (0028,0011)
   * @param sliceThickness (0018,0050), mm; may be null or blank
   */
  public record Slice(
      String sopInstanceUid,
      String imagePositionPatient,
      String imageOrientationPatient,
      String pixelSpacing,
      int rows,
      int columns,
      String sliceThickness) {}

  /**
   * The CT grid: every slice's ImagePositionPatient; ImageOrientationPatient, PixelSpacing, Rows
   * and Columns must be the same on every slice (within 10⁻⁴).
   *
   * @param slices CT slices of one series, any order
   * @return the sampling grid
   * @throws StudyInputException {@link Kind#INCOMPLETE} without slices; {@link Kind#UNSUPPORTED} on
   *     differing, oblique or unreadable geometry, or two slices at one position
   */
  public static SamplingGrid samplingGrid(List<Slice> slices) throws StudyInputException {
    if (slices.isEmpty()) {
      throw new StudyInputException(Kind.INCOMPLETE, "no CT images");
    }
    Slice first = slices.get(0);
    double[] iop =
        DicomNumbers.parse(first.imageOrientationPatient(), 6, "CT ImageOrientationPatient");
    double[] spacing = DicomNumbers.parse(first.pixelSpacing(), 2, "CT PixelSpacing");
    List<double[]> positions = new ArrayList<>(slices.size());
    for (Slice s : slices) {
      String uid = s.sopInstanceUid();
      if (s.rows() != first.rows() || s.columns() != first.columns()) {
        throw new StudyInputException(
            Kind.UNSUPPORTED,
            "CT image " + uid + " has another size than " + first.sopInstanceUid());
      }
      double[] o = DicomNumbers.parse(s.imageOrientationPatient(), 6, "CT ImageOrientationPatient");
      double[] p = DicomNumbers.parse(s.pixelSpacing(), 2, "CT PixelSpacing");
      for (int i = 0; i < 6; i++) {
        if (Math.abs(o[i] - iop[i]) > 1e-4) {
          throw new StudyInputException(
              Kind.UNSUPPORTED, "CT image " + uid + " has another ImageOrientationPatient");
        }
      }
      if (Math.abs(p[0] - spacing[0]) > 1e-4 || Math.abs(p[1] - spacing[1]) > 1e-4) {
        throw new StudyInputException(
            Kind.UNSUPPORTED, "CT image " + uid + " has another PixelSpacing");
      }
      positions.add(DicomNumbers.parse(s.imagePositionPatient(), 3, "CT ImagePositionPatient"));
    }
    double thickness = Double.NaN;
    if (first.sliceThickness() != null && !first.sliceThickness().isBlank()) {
      thickness = DicomNumbers.parse(first.sliceThickness(), 1, "CT SliceThickness")[0];
    }
    try {
      return new SamplingGrid(
          positions,
          ImageOrientation.of(iop),
          spacing[0],
          spacing[1],
          first.rows(),
          first.columns(),
          thickness);
    } catch (IllegalArgumentException e) {
      throw new StudyInputException(Kind.UNSUPPORTED, "CT geometry: " + e.getMessage(), e);
    }
  }
}

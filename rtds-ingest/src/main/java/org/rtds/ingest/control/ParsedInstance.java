package org.rtds.ingest.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rtds.ingest.dicom.SopClass;

/**
 * What ingestion keeps of one DICOM object, read and checked before any transaction starts: the
 * identifying header shared by every object, and the content of its kind. Values are the DICOM
 * values as sent (decimal strings stay strings where the schema stores text); units are DICOM's: mm
 * for geometry, Gy for doses unless the object says otherwise.
 */
public sealed interface ParsedInstance
    permits ParsedInstance.CtSlice,
        ParsedInstance.StructureSet,
        ParsedInstance.Plan,
        ParsedInstance.Dose {

  /** Identity and context of the object. */
  Header header();

  /**
   * The patient/study/series context and identity of an object.
   *
   * @param sopClass the storage SOP class
   * @param sopInstanceUid SOP Instance UID (0008,0018)
   * @param transferSyntaxUid the transfer syntax of the stored bytes
   * @param modality Modality (0008,0060), e.g. CT, RTSTRUCT
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052); for a structure set, the frame
   *     its contours are in (Referenced Frame of Reference Sequence)
   */
  record Header(
      SopClass sopClass,
      String sopInstanceUid,
      String transferSyntaxUid,
      String modality,
      Optional<String> frameOfReferenceUid,
      PatientInfo patient,
      StudyInfo study,
      SeriesInfo series) {
    public Header {
      Objects.requireNonNull(sopClass, "sopClass");
      Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
      Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
      Objects.requireNonNull(patient, "patient");
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(series, "series");
    }
  }

  /** Patient module: ID (required), name (PN form), birth date, sex, ethnic group. */
  record PatientInfo(
      String patientId, String name, LocalDate birthDate, String sex, String ethnicGroup) {}

  /** General Study module. */
  record StudyInfo(String studyInstanceUid, LocalDate date, String description) {}

  /** General Series and Equipment modules. */
  record SeriesInfo(
      String seriesInstanceUid,
      LocalDate date,
      String description,
      String number,
      String manufacturer,
      String physicianOfRecord) {}

  /**
   * One CT image. Geometry strings are the DICOM values joined by {@code \}: ImagePositionPatient
   * (mm), ImageOrientationPatient (direction cosines), PixelSpacing (row spacing\column spacing,
   * mm), SliceThickness (mm).
   */
  record CtSlice(
      Header header,
      String imageType,
      String photometricInterpretation,
      Double rescaleSlope,
      Double rescaleIntercept,
      Double sliceLocationMm,
      String pixelSpacing,
      String imageOrientationPatient,
      String imagePositionPatient,
      String sliceThickness,
      String bodyPartExamined,
      int rows,
      int columns)
      implements ParsedInstance {}

  /**
   * An RT Structure Set: label, the CT series it was drawn on, and its ROIs.
   *
   * @param referencedSeriesInstanceUid the CT series named in the RT Referenced Series Sequence
   */
  record StructureSet(
      Header header, String label, Optional<String> referencedSeriesInstanceUid, List<Roi> rois)
      implements ParsedInstance {}

  /**
   * One ROI: number (the key the RT objects use), name as drawn, interpreted type, display colour
   * ({@code r\g\b}) and its contours.
   */
  record Roi(
      String number,
      String name,
      String interpretedType,
      String displayColor,
      List<Contour> contours) {}

  /**
   * One planar contour.
   *
   * @param geometricType CLOSED_PLANAR, OPEN_PLANAR, POINT, …
   * @param points the Contour Data decimal strings (x, y, z in mm), as sent
   * @param referencedSopClassUid the image it lies on (Contour Image Sequence), if named
   */
  record Contour(
      String geometricType,
      List<String> points,
      String referencedSopClassUid,
      String referencedSopInstanceUid) {
    /** Number of points (three values each). */
    public int pointCount() {
      return points.size() / 3;
    }
  }

  /**
   * An RT Plan or RT Ion Plan.
   *
   * @param fractionsPlanned Number of Fractions Planned of the first fraction group
   * @param prescriptionGy the highest Target Prescription Dose among the dose references (Gy)
   */
  record Plan(
      Header header,
      String label,
      String name,
      LocalDate date,
      String intent,
      Integer fractionsPlanned,
      Double prescriptionGy,
      String referencedStructureSetUid,
      List<DoseReference> doseReferences)
      implements ParsedInstance {}

  /** One Dose Reference Sequence item; doses in Gy. */
  record DoseReference(
      Integer number,
      String structureType,
      String type,
      String description,
      String referencedRoiNumber,
      Double targetPrescriptionGy,
      Double deliveryMaximumGy,
      Double organAtRiskMaximumGy) {}

  /**
   * An RT Dose: grid attributes as sent and the stored values of every frame.
   *
   * @param doseGridScaling DoseGridScaling (3004,000E) as sent: dose = stored value × scaling
   * @param doseUnits GY or RELATIVE
   * @param frames stored pixel values, one array per frame (rows × columns, row-major)
   * @param framePositions ImagePositionPatient of each frame ({@code x\y\z}, mm): the first frame's
   *     x and y, z from GridFrameOffsetVector
   */
  record Dose(
      Header header,
      String doseGridScaling,
      String summationType,
      String doseType,
      String doseUnits,
      String referencedPlanUid,
      String referencedStructureSetUid,
      String referencedBeamNumber,
      int rows,
      int columns,
      String imageOrientationPatient,
      String pixelSpacing,
      String photometricInterpretation,
      int bitsAllocated,
      boolean signed,
      List<long[]> frames,
      List<String> framePositions,
      List<EmbeddedDvh> embeddedDvhs)
      implements ParsedInstance {}

  /** One DVH Sequence item, as sent (DICOM semantics, see docs/algorithms.md §4.1). */
  record EmbeddedDvh(
      String referencedRoiNumber,
      String type,
      String doseUnits,
      String doseType,
      String doseScaling,
      String volumeUnits,
      Integer numberOfBins,
      String data,
      Double minimumDose,
      Double maximumDose,
      Double meanDose) {}
}

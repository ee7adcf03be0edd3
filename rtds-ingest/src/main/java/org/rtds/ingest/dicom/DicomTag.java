package org.rtds.ingest.dicom;

import java.util.Objects;

/**
 * A DICOM attribute tag (group, element) with its PS3.6 keyword, owned by RTDS so that no library
 * type leaks out of this package. Two tags are equal when group and element are equal; the keyword
 * only names the tag in messages.
 *
 * <p>The constants cover what RTDS ingests. They are defined by number rather than taken from the
 * library, because Debian's PixelMed build lacks many RT keywords in its {@code TagFromName}
 * (ROIName, ContourData, DoseGridScaling, GridFrameOffsetVector, …). {@code DicomTagTest} checks
 * every constant against the library's data dictionary. Units and coordinate frames are stated
 * where they matter: DICOM patient coordinates are LPS (x to the patient's left, y to posterior, z
 * to head), in mm.
 *
 * @param group the group number, 0x0000–0xFFFF
 * @param element the element number, 0x0000–0xFFFF
 * @param keyword the PS3.6 keyword, e.g. {@code ROIName}
 */
public record DicomTag(int group, int element, String keyword) {

  // --- file meta information (group 0002) ---
  public static final DicomTag MEDIA_STORAGE_SOP_CLASS_UID =
      new DicomTag(0x0002, 0x0002, "MediaStorageSOPClassUID");
  public static final DicomTag MEDIA_STORAGE_SOP_INSTANCE_UID =
      new DicomTag(0x0002, 0x0003, "MediaStorageSOPInstanceUID");
  public static final DicomTag TRANSFER_SYNTAX_UID =
      new DicomTag(0x0002, 0x0010, "TransferSyntaxUID");

  // --- SOP common, patient, study, series ---
  public static final DicomTag SPECIFIC_CHARACTER_SET =
      new DicomTag(0x0008, 0x0005, "SpecificCharacterSet");
  public static final DicomTag IMAGE_TYPE = new DicomTag(0x0008, 0x0008, "ImageType");
  public static final DicomTag SOP_CLASS_UID = new DicomTag(0x0008, 0x0016, "SOPClassUID");
  public static final DicomTag SOP_INSTANCE_UID = new DicomTag(0x0008, 0x0018, "SOPInstanceUID");
  public static final DicomTag STUDY_DATE = new DicomTag(0x0008, 0x0020, "StudyDate");
  public static final DicomTag SERIES_DATE = new DicomTag(0x0008, 0x0021, "SeriesDate");
  public static final DicomTag STUDY_TIME = new DicomTag(0x0008, 0x0030, "StudyTime");
  public static final DicomTag ACCESSION_NUMBER = new DicomTag(0x0008, 0x0050, "AccessionNumber");
  public static final DicomTag MODALITY = new DicomTag(0x0008, 0x0060, "Modality");
  public static final DicomTag MANUFACTURER = new DicomTag(0x0008, 0x0070, "Manufacturer");
  public static final DicomTag STUDY_DESCRIPTION = new DicomTag(0x0008, 0x1030, "StudyDescription");
  public static final DicomTag SERIES_DESCRIPTION =
      new DicomTag(0x0008, 0x103E, "SeriesDescription");
  public static final DicomTag REFERENCED_SOP_CLASS_UID =
      new DicomTag(0x0008, 0x1150, "ReferencedSOPClassUID");
  public static final DicomTag REFERENCED_SOP_INSTANCE_UID =
      new DicomTag(0x0008, 0x1155, "ReferencedSOPInstanceUID");
  public static final DicomTag PATIENT_NAME = new DicomTag(0x0010, 0x0010, "PatientName");
  public static final DicomTag PATIENT_ID = new DicomTag(0x0010, 0x0020, "PatientID");
  public static final DicomTag PATIENT_BIRTH_DATE =
      new DicomTag(0x0010, 0x0030, "PatientBirthDate");
  public static final DicomTag PATIENT_SEX = new DicomTag(0x0010, 0x0040, "PatientSex");
  public static final DicomTag STUDY_INSTANCE_UID =
      new DicomTag(0x0020, 0x000D, "StudyInstanceUID");
  public static final DicomTag SERIES_INSTANCE_UID =
      new DicomTag(0x0020, 0x000E, "SeriesInstanceUID");
  public static final DicomTag STUDY_ID = new DicomTag(0x0020, 0x0010, "StudyID");
  public static final DicomTag SERIES_NUMBER = new DicomTag(0x0020, 0x0011, "SeriesNumber");
  public static final DicomTag INSTANCE_NUMBER = new DicomTag(0x0020, 0x0013, "InstanceNumber");
  public static final DicomTag PATIENT_POSITION = new DicomTag(0x0018, 0x5100, "PatientPosition");

  // --- frame of reference and image plane (CT and RT Dose grids) ---
  /**
   * Frame of reference shared by the CT, contours and dose grid; coordinates only compare within
   * one.
   */
  public static final DicomTag FRAME_OF_REFERENCE_UID =
      new DicomTag(0x0020, 0x0052, "FrameOfReferenceUID");

  /** x, y, z (mm, LPS) of the centre of the first transmitted voxel (top left of the image). */
  public static final DicomTag IMAGE_POSITION_PATIENT =
      new DicomTag(0x0020, 0x0032, "ImagePositionPatient");

  /** Direction cosines of the first row and the first column, six values, in LPS. */
  public static final DicomTag IMAGE_ORIENTATION_PATIENT =
      new DicomTag(0x0020, 0x0037, "ImageOrientationPatient");

  public static final DicomTag SLICE_LOCATION = new DicomTag(0x0020, 0x1041, "SliceLocation");

  /** Nominal slice thickness, mm. */
  public static final DicomTag SLICE_THICKNESS = new DicomTag(0x0018, 0x0050, "SliceThickness");

  /**
   * Row spacing then column spacing (centre to centre), mm: the y then x voxel size of an axial
   * image.
   */
  public static final DicomTag PIXEL_SPACING = new DicomTag(0x0028, 0x0030, "PixelSpacing");

  // --- image pixel ---
  public static final DicomTag SAMPLES_PER_PIXEL = new DicomTag(0x0028, 0x0002, "SamplesPerPixel");
  public static final DicomTag PHOTOMETRIC_INTERPRETATION =
      new DicomTag(0x0028, 0x0004, "PhotometricInterpretation");

  /**
   * Number of frames; for RT Dose, the number of dose planes (see {@link
   * #GRID_FRAME_OFFSET_VECTOR}).
   */
  public static final DicomTag NUMBER_OF_FRAMES = new DicomTag(0x0028, 0x0008, "NumberOfFrames");

  public static final DicomTag FRAME_INCREMENT_POINTER =
      new DicomTag(0x0028, 0x0009, "FrameIncrementPointer");
  public static final DicomTag ROWS = new DicomTag(0x0028, 0x0010, "Rows");
  public static final DicomTag COLUMNS = new DicomTag(0x0028, 0x0011, "Columns");
  public static final DicomTag BITS_ALLOCATED = new DicomTag(0x0028, 0x0100, "BitsAllocated");
  public static final DicomTag BITS_STORED = new DicomTag(0x0028, 0x0101, "BitsStored");
  public static final DicomTag HIGH_BIT = new DicomTag(0x0028, 0x0102, "HighBit");

  /** 0 = unsigned, 1 = two's complement signed stored values. */
  public static final DicomTag PIXEL_REPRESENTATION =
      new DicomTag(0x0028, 0x0103, "PixelRepresentation");

  /** b in value = m·stored + b; for CT the value is in Hounsfield units. */
  public static final DicomTag RESCALE_INTERCEPT = new DicomTag(0x0028, 0x1052, "RescaleIntercept");

  /** m in value = m·stored + b. */
  public static final DicomTag RESCALE_SLOPE = new DicomTag(0x0028, 0x1053, "RescaleSlope");

  public static final DicomTag PIXEL_DATA = new DicomTag(0x7FE0, 0x0010, "PixelData");

  // --- RT Dose ---
  public static final DicomTag DVH_TYPE = new DicomTag(0x3004, 0x0001, "DVHType");

  /**
   * {@code GY} or {@code RELATIVE} (relative to an implicit reference; then no absolute dose is
   * known).
   */
  public static final DicomTag DOSE_UNITS = new DicomTag(0x3004, 0x0002, "DoseUnits");

  /** {@code PHYSICAL}, {@code EFFECTIVE} or {@code ERROR}. */
  public static final DicomTag DOSE_TYPE = new DicomTag(0x3004, 0x0004, "DoseType");

  public static final DicomTag DOSE_COMMENT = new DicomTag(0x3004, 0x0006, "DoseComment");

  /** Coordinates (mm, LPS) of the normalisation point. */
  public static final DicomTag NORMALIZATION_POINT =
      new DicomTag(0x3004, 0x0008, "NormalizationPoint");

  /** {@code PLAN}, {@code MULTI_PLAN}, {@code FRACTION}, {@code BEAM}, {@code BRACHY}, … */
  public static final DicomTag DOSE_SUMMATION_TYPE =
      new DicomTag(0x3004, 0x000A, "DoseSummationType");

  /**
   * z offsets (mm) of the dose planes relative to {@link #IMAGE_POSITION_PATIENT}, one per frame
   * (relative when the first value is 0, as PS3.3 recommends).
   */
  public static final DicomTag GRID_FRAME_OFFSET_VECTOR =
      new DicomTag(0x3004, 0x000C, "GridFrameOffsetVector");

  /** Dose (in {@link #DOSE_UNITS}) = DoseGridScaling × stored pixel value. */
  public static final DicomTag DOSE_GRID_SCALING = new DicomTag(0x3004, 0x000E, "DoseGridScaling");

  public static final DicomTag TISSUE_HETEROGENEITY_CORRECTION =
      new DicomTag(0x3004, 0x0014, "TissueHeterogeneityCorrection");
  public static final DicomTag DVH_NORMALIZATION_POINT =
      new DicomTag(0x3004, 0x0040, "DVHNormalizationPoint");
  public static final DicomTag DVH_NORMALIZATION_DOSE_VALUE =
      new DicomTag(0x3004, 0x0042, "DVHNormalizationDoseValue");

  /** DVHs stored with the dose, one item per ROI. */
  public static final DicomTag DVH_SEQUENCE = new DicomTag(0x3004, 0x0050, "DVHSequence");

  /** Dose (in DoseUnits) = DVHDoseScaling × the dose values in {@link #DVH_DATA}. */
  public static final DicomTag DVH_DOSE_SCALING = new DicomTag(0x3004, 0x0052, "DVHDoseScaling");

  /** {@code CM3}, {@code PERCENT} or {@code PER_U}. */
  public static final DicomTag DVH_VOLUME_UNITS = new DicomTag(0x3004, 0x0054, "DVHVolumeUnits");

  public static final DicomTag DVH_NUMBER_OF_BINS = new DicomTag(0x3004, 0x0056, "DVHNumberOfBins");

  /** Pairs of (bin width in dose, volume), DVHNumberOfBins pairs. */
  public static final DicomTag DVH_DATA = new DicomTag(0x3004, 0x0058, "DVHData");

  public static final DicomTag DVH_REFERENCED_ROI_SEQUENCE =
      new DicomTag(0x3004, 0x0060, "DVHReferencedROISequence");

  /** {@code INCLUDED} or {@code EXCLUDED}. */
  public static final DicomTag DVH_ROI_CONTRIBUTION_TYPE =
      new DicomTag(0x3004, 0x0062, "DVHROIContributionType");

  public static final DicomTag DVH_MINIMUM_DOSE = new DicomTag(0x3004, 0x0070, "DVHMinimumDose");
  public static final DicomTag DVH_MAXIMUM_DOSE = new DicomTag(0x3004, 0x0072, "DVHMaximumDose");
  public static final DicomTag DVH_MEAN_DOSE = new DicomTag(0x3004, 0x0074, "DVHMeanDose");

  // --- RT Structure Set ---
  public static final DicomTag STRUCTURE_SET_LABEL =
      new DicomTag(0x3006, 0x0002, "StructureSetLabel");
  public static final DicomTag STRUCTURE_SET_NAME =
      new DicomTag(0x3006, 0x0004, "StructureSetName");
  public static final DicomTag STRUCTURE_SET_DATE =
      new DicomTag(0x3006, 0x0008, "StructureSetDate");
  public static final DicomTag STRUCTURE_SET_TIME =
      new DicomTag(0x3006, 0x0009, "StructureSetTime");
  public static final DicomTag REFERENCED_FRAME_OF_REFERENCE_SEQUENCE =
      new DicomTag(0x3006, 0x0010, "ReferencedFrameOfReferenceSequence");
  public static final DicomTag RT_REFERENCED_STUDY_SEQUENCE =
      new DicomTag(0x3006, 0x0012, "RTReferencedStudySequence");
  public static final DicomTag RT_REFERENCED_SERIES_SEQUENCE =
      new DicomTag(0x3006, 0x0014, "RTReferencedSeriesSequence");

  /** Images (ReferencedSOPInstanceUID) a contour was drawn on. */
  public static final DicomTag CONTOUR_IMAGE_SEQUENCE =
      new DicomTag(0x3006, 0x0016, "ContourImageSequence");

  /** One item per ROI: ROINumber, ROIName, ReferencedFrameOfReferenceUID. */
  public static final DicomTag STRUCTURE_SET_ROI_SEQUENCE =
      new DicomTag(0x3006, 0x0020, "StructureSetROISequence");

  public static final DicomTag ROI_NUMBER = new DicomTag(0x3006, 0x0022, "ROINumber");
  public static final DicomTag REFERENCED_FRAME_OF_REFERENCE_UID =
      new DicomTag(0x3006, 0x0024, "ReferencedFrameOfReferenceUID");
  public static final DicomTag ROI_NAME = new DicomTag(0x3006, 0x0026, "ROIName");
  public static final DicomTag ROI_DESCRIPTION = new DicomTag(0x3006, 0x0028, "ROIDescription");

  /** R, G, B, 0–255. */
  public static final DicomTag ROI_DISPLAY_COLOR = new DicomTag(0x3006, 0x002A, "ROIDisplayColor");

  public static final DicomTag ROI_GENERATION_ALGORITHM =
      new DicomTag(0x3006, 0x0036, "ROIGenerationAlgorithm");

  /** One item per ROI (ReferencedROINumber), holding its ContourSequence. */
  public static final DicomTag ROI_CONTOUR_SEQUENCE =
      new DicomTag(0x3006, 0x0039, "ROIContourSequence");

  public static final DicomTag CONTOUR_SEQUENCE = new DicomTag(0x3006, 0x0040, "ContourSequence");

  /** {@code POINT}, {@code OPEN_PLANAR}, {@code OPEN_NONPLANAR} or {@code CLOSED_PLANAR}. */
  public static final DicomTag CONTOUR_GEOMETRIC_TYPE =
      new DicomTag(0x3006, 0x0042, "ContourGeometricType");

  /** Slab thickness, mm. */
  public static final DicomTag CONTOUR_SLAB_THICKNESS =
      new DicomTag(0x3006, 0x0044, "ContourSlabThickness");

  public static final DicomTag NUMBER_OF_CONTOUR_POINTS =
      new DicomTag(0x3006, 0x0046, "NumberOfContourPoints");
  public static final DicomTag CONTOUR_NUMBER = new DicomTag(0x3006, 0x0048, "ContourNumber");

  /** x1, y1, z1, x2, y2, z2, … (mm, LPS): 3 × NumberOfContourPoints values. */
  public static final DicomTag CONTOUR_DATA = new DicomTag(0x3006, 0x0050, "ContourData");

  /** One item per observation: ReferencedROINumber, RTROIInterpretedType. */
  public static final DicomTag RT_ROI_OBSERVATIONS_SEQUENCE =
      new DicomTag(0x3006, 0x0080, "RTROIObservationsSequence");

  public static final DicomTag OBSERVATION_NUMBER =
      new DicomTag(0x3006, 0x0082, "ObservationNumber");
  public static final DicomTag REFERENCED_ROI_NUMBER =
      new DicomTag(0x3006, 0x0084, "ReferencedROINumber");
  public static final DicomTag ROI_OBSERVATION_LABEL =
      new DicomTag(0x3006, 0x0085, "ROIObservationLabel");

  /**
   * {@code PTV}, {@code CTV}, {@code GTV}, {@code ORGAN}, {@code EXTERNAL}, {@code ISOCENTER}, …
   */
  public static final DicomTag RT_ROI_INTERPRETED_TYPE =
      new DicomTag(0x3006, 0x00A4, "RTROIInterpretedType");

  public static final DicomTag ROI_INTERPRETER = new DicomTag(0x3006, 0x00A6, "ROIInterpreter");

  // --- RT Plan and RT Ion Plan ---
  public static final DicomTag RT_PLAN_LABEL = new DicomTag(0x300A, 0x0002, "RTPlanLabel");
  public static final DicomTag RT_PLAN_NAME = new DicomTag(0x300A, 0x0003, "RTPlanName");
  public static final DicomTag RT_PLAN_DESCRIPTION =
      new DicomTag(0x300A, 0x0004, "RTPlanDescription");
  public static final DicomTag RT_PLAN_DATE = new DicomTag(0x300A, 0x0006, "RTPlanDate");
  public static final DicomTag RT_PLAN_TIME = new DicomTag(0x300A, 0x0007, "RTPlanTime");

  /** {@code PATIENT} (plan based on patient images) or {@code TREATMENT_DEVICE}. */
  public static final DicomTag RT_PLAN_GEOMETRY = new DicomTag(0x300A, 0x000C, "RTPlanGeometry");

  public static final DicomTag PRESCRIPTION_DESCRIPTION =
      new DicomTag(0x300A, 0x000E, "PrescriptionDescription");

  /** Dose references of the prescription (targets and organs at risk). */
  public static final DicomTag DOSE_REFERENCE_SEQUENCE =
      new DicomTag(0x300A, 0x0010, "DoseReferenceSequence");

  public static final DicomTag DOSE_REFERENCE_NUMBER =
      new DicomTag(0x300A, 0x0012, "DoseReferenceNumber");
  public static final DicomTag DOSE_REFERENCE_UID =
      new DicomTag(0x300A, 0x0013, "DoseReferenceUID");

  /** {@code POINT}, {@code VOLUME}, {@code COORDINATES} or {@code SITE}. */
  public static final DicomTag DOSE_REFERENCE_STRUCTURE_TYPE =
      new DicomTag(0x300A, 0x0014, "DoseReferenceStructureType");

  public static final DicomTag DOSE_REFERENCE_DESCRIPTION =
      new DicomTag(0x300A, 0x0016, "DoseReferenceDescription");

  /** Coordinates (mm, LPS) of a COORDINATES dose reference. */
  public static final DicomTag DOSE_REFERENCE_POINT_COORDINATES =
      new DicomTag(0x300A, 0x0018, "DoseReferencePointCoordinates");

  /** {@code TARGET} or {@code ORGAN_AT_RISK}. */
  public static final DicomTag DOSE_REFERENCE_TYPE =
      new DicomTag(0x300A, 0x0020, "DoseReferenceType");

  /** Gy. */
  public static final DicomTag DELIVERY_MAXIMUM_DOSE =
      new DicomTag(0x300A, 0x0023, "DeliveryMaximumDose");

  /** Gy. */
  public static final DicomTag TARGET_MINIMUM_DOSE =
      new DicomTag(0x300A, 0x0025, "TargetMinimumDose");

  /** Prescribed dose to the target over all fractions, Gy. */
  public static final DicomTag TARGET_PRESCRIPTION_DOSE =
      new DicomTag(0x300A, 0x0026, "TargetPrescriptionDose");

  /** Gy. */
  public static final DicomTag TARGET_MAXIMUM_DOSE =
      new DicomTag(0x300A, 0x0027, "TargetMaximumDose");

  /** Gy. */
  public static final DicomTag ORGAN_AT_RISK_MAXIMUM_DOSE =
      new DicomTag(0x300A, 0x002C, "OrganAtRiskMaximumDose");

  public static final DicomTag FRACTION_GROUP_SEQUENCE =
      new DicomTag(0x300A, 0x0070, "FractionGroupSequence");
  public static final DicomTag FRACTION_GROUP_NUMBER =
      new DicomTag(0x300A, 0x0071, "FractionGroupNumber");
  public static final DicomTag NUMBER_OF_FRACTIONS_PLANNED =
      new DicomTag(0x300A, 0x0078, "NumberOfFractionsPlanned");
  public static final DicomTag NUMBER_OF_BEAMS = new DicomTag(0x300A, 0x0080, "NumberOfBeams");

  /** Dose from one beam in one fraction at the BeamDoseSpecificationPoint, Gy. */
  public static final DicomTag BEAM_DOSE = new DicomTag(0x300A, 0x0084, "BeamDose");

  /**
   * Meterset of one beam in one fraction, in MU (photons/electrons) or the ion plan's meterset
   * unit.
   */
  public static final DicomTag BEAM_METERSET = new DicomTag(0x300A, 0x0086, "BeamMeterset");

  public static final DicomTag NUMBER_OF_BRACHY_APPLICATION_SETUPS =
      new DicomTag(0x300A, 0x00A0, "NumberOfBrachyApplicationSetups");
  public static final DicomTag BEAM_SEQUENCE = new DicomTag(0x300A, 0x00B0, "BeamSequence");
  public static final DicomTag TREATMENT_MACHINE_NAME =
      new DicomTag(0x300A, 0x00B2, "TreatmentMachineName");
  public static final DicomTag BEAM_NUMBER = new DicomTag(0x300A, 0x00C0, "BeamNumber");
  public static final DicomTag BEAM_NAME = new DicomTag(0x300A, 0x00C2, "BeamName");

  /** {@code STATIC} or {@code DYNAMIC}. */
  public static final DicomTag BEAM_TYPE = new DicomTag(0x300A, 0x00C4, "BeamType");

  /** {@code PHOTON}, {@code ELECTRON}, {@code PROTON}, {@code ION}, … */
  public static final DicomTag RADIATION_TYPE = new DicomTag(0x300A, 0x00C6, "RadiationType");

  public static final DicomTag NUMBER_OF_CONTROL_POINTS =
      new DicomTag(0x300A, 0x0110, "NumberOfControlPoints");
  public static final DicomTag CONTROL_POINT_SEQUENCE =
      new DicomTag(0x300A, 0x0111, "ControlPointSequence");

  /** Nominal energy, MeV (MeV/u for ions). */
  public static final DicomTag NOMINAL_BEAM_ENERGY =
      new DicomTag(0x300A, 0x0114, "NominalBeamEnergy");

  /** Degrees. */
  public static final DicomTag GANTRY_ANGLE = new DicomTag(0x300A, 0x011E, "GantryAngle");

  /** Isocentre (mm, LPS). */
  public static final DicomTag ISOCENTER_POSITION =
      new DicomTag(0x300A, 0x012C, "IsocenterPosition");

  public static final DicomTag PATIENT_SETUP_SEQUENCE =
      new DicomTag(0x300A, 0x0180, "PatientSetupSequence");

  /** Beams of an RT Ion Plan (instead of {@link #BEAM_SEQUENCE}). */
  public static final DicomTag ION_BEAM_SEQUENCE = new DicomTag(0x300A, 0x03A2, "IonBeamSequence");

  // --- references between RT objects ---
  /** In an RT Dose or RT Plan: the plan(s) it belongs to (ReferencedSOPInstanceUID). */
  public static final DicomTag REFERENCED_RT_PLAN_SEQUENCE =
      new DicomTag(0x300C, 0x0002, "ReferencedRTPlanSequence");

  public static final DicomTag REFERENCED_BEAM_SEQUENCE =
      new DicomTag(0x300C, 0x0004, "ReferencedBeamSequence");
  public static final DicomTag REFERENCED_BEAM_NUMBER =
      new DicomTag(0x300C, 0x0006, "ReferencedBeamNumber");
  public static final DicomTag REFERENCED_FRACTION_GROUP_SEQUENCE =
      new DicomTag(0x300C, 0x0020, "ReferencedFractionGroupSequence");
  public static final DicomTag REFERENCED_FRACTION_GROUP_NUMBER =
      new DicomTag(0x300C, 0x0022, "ReferencedFractionGroupNumber");

  /** In an RT Plan: the structure set it was planned on (ReferencedSOPInstanceUID). */
  public static final DicomTag REFERENCED_STRUCTURE_SET_SEQUENCE =
      new DicomTag(0x300C, 0x0060, "ReferencedStructureSetSequence");

  /** {@code APPROVED}, {@code UNAPPROVED} or {@code REJECTED}. */
  public static final DicomTag APPROVAL_STATUS = new DicomTag(0x300E, 0x0002, "ApprovalStatus");

  // --- added for ingestion mapping ---
  public static final DicomTag PHYSICIANS_OF_RECORD =
      new DicomTag(0x0008, 0x1048, "PhysiciansOfRecord");
  public static final DicomTag ETHNIC_GROUP = new DicomTag(0x0010, 0x2160, "EthnicGroup");
  public static final DicomTag BODY_PART_EXAMINED =
      new DicomTag(0x0018, 0x0015, "BodyPartExamined");
  public static final DicomTag PLAN_INTENT = new DicomTag(0x300A, 0x000A, "PlanIntent");

  /**
   * Creates a tag.
   *
   * @throws IllegalArgumentException if group or element is outside 0x0000–0xFFFF or the keyword is
   *     blank
   */
  public DicomTag {
    if (group < 0 || group > 0xFFFF || element < 0 || element > 0xFFFF) {
      throw new IllegalArgumentException(
          "group and element must be in 0x0000-0xFFFF: " + hex(group) + "," + hex(element));
    }
    Objects.requireNonNull(keyword, "keyword");
    if (keyword.isBlank()) {
      throw new IllegalArgumentException("keyword must not be blank");
    }
  }

  /** Returns the tag as one 32-bit number, {@code 0xGGGGEEEE}. */
  public int value() {
    return (group << 16) | element;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DicomTag tag && tag.group == group && tag.element == element;
  }

  @Override
  public int hashCode() {
    return value();
  }

  /** Returns the keyword and the numbers, e.g. {@code ROIName (3006,0026)}. */
  @Override
  public String toString() {
    return keyword + " (" + hex(group) + "," + hex(element) + ")";
  }

  static String hex(int value) {
    return String.format("%04X", value);
  }
}

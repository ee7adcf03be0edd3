package org.rtds.testdata.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * The small data dictionary of this writer: every attribute the generators write, named by its
 * DICOM keyword (PS3.6), with its tag and its VR. The VR is what an implicit-VR reader looks up, so
 * it must match PS3.6 (checked against DCMTK's dictionary by {@code DcmtkVerificationTest} when
 * {@code dcmdump} is installed). Where PS3.6 allows two VRs (PixelData OB or OW) the one listed is
 * the default; {@link Dataset} lets callers choose.
 */
public enum Tag {
  /** (0002,0000) UL */
  FileMetaInformationGroupLength(0x00020000, Vr.UL),
  /** (0002,0001) OB */
  FileMetaInformationVersion(0x00020001, Vr.OB),
  /** (0002,0002) UI */
  MediaStorageSOPClassUID(0x00020002, Vr.UI),
  /** (0002,0003) UI */
  MediaStorageSOPInstanceUID(0x00020003, Vr.UI),
  /** (0002,0010) UI */
  TransferSyntaxUID(0x00020010, Vr.UI),
  /** (0002,0012) UI */
  ImplementationClassUID(0x00020012, Vr.UI),
  /** (0002,0013) SH */
  ImplementationVersionName(0x00020013, Vr.SH),
  /** (0008,0005) CS */
  SpecificCharacterSet(0x00080005, Vr.CS),
  /** (0008,0008) CS */
  ImageType(0x00080008, Vr.CS),
  /** (0008,0012) DA */
  InstanceCreationDate(0x00080012, Vr.DA),
  /** (0008,0013) TM */
  InstanceCreationTime(0x00080013, Vr.TM),
  /** (0008,0016) UI */
  SOPClassUID(0x00080016, Vr.UI),
  /** (0008,0018) UI */
  SOPInstanceUID(0x00080018, Vr.UI),
  /** (0008,0020) DA */
  StudyDate(0x00080020, Vr.DA),
  /** (0008,0021) DA */
  SeriesDate(0x00080021, Vr.DA),
  /** (0008,0023) DA */
  ContentDate(0x00080023, Vr.DA),
  /** (0008,0030) TM */
  StudyTime(0x00080030, Vr.TM),
  /** (0008,0031) TM */
  SeriesTime(0x00080031, Vr.TM),
  /** (0008,0033) TM */
  ContentTime(0x00080033, Vr.TM),
  /** (0008,0050) SH */
  AccessionNumber(0x00080050, Vr.SH),
  /** (0008,0060) CS */
  Modality(0x00080060, Vr.CS),
  /** (0008,0070) LO */
  Manufacturer(0x00080070, Vr.LO),
  /** (0008,0090) PN */
  ReferringPhysicianName(0x00080090, Vr.PN),
  /** (0008,1010) SH */
  StationName(0x00081010, Vr.SH),
  /** (0008,1030) LO */
  StudyDescription(0x00081030, Vr.LO),
  /** (0008,103E) LO */
  SeriesDescription(0x0008103E, Vr.LO),
  /** (0008,1070) PN */
  OperatorsName(0x00081070, Vr.PN),
  /** (0008,1090) LO */
  ManufacturerModelName(0x00081090, Vr.LO),
  /** (0008,1150) UI */
  ReferencedSOPClassUID(0x00081150, Vr.UI),
  /** (0008,1155) UI */
  ReferencedSOPInstanceUID(0x00081155, Vr.UI),
  /** (0010,0010) PN */
  PatientName(0x00100010, Vr.PN),
  /** (0010,0020) LO */
  PatientID(0x00100020, Vr.LO),
  /** (0010,0030) DA */
  PatientBirthDate(0x00100030, Vr.DA),
  /** (0010,0040) CS */
  PatientSex(0x00100040, Vr.CS),
  /** (0018,0015) CS */
  BodyPartExamined(0x00180015, Vr.CS),
  /** (0018,0050) DS */
  SliceThickness(0x00180050, Vr.DS),
  /** (0018,0060) DS */
  KVP(0x00180060, Vr.DS),
  /** (0018,1020) LO */
  SoftwareVersions(0x00181020, Vr.LO),
  /** (0018,5100) CS */
  PatientPosition(0x00185100, Vr.CS),
  /** (0020,000D) UI */
  StudyInstanceUID(0x0020000D, Vr.UI),
  /** (0020,000E) UI */
  SeriesInstanceUID(0x0020000E, Vr.UI),
  /** (0020,0010) SH */
  StudyID(0x00200010, Vr.SH),
  /** (0020,0011) IS */
  SeriesNumber(0x00200011, Vr.IS),
  /** (0020,0012) IS */
  AcquisitionNumber(0x00200012, Vr.IS),
  /** (0020,0013) IS */
  InstanceNumber(0x00200013, Vr.IS),
  /** (0020,0032) DS */
  ImagePositionPatient(0x00200032, Vr.DS),
  /** (0020,0037) DS */
  ImageOrientationPatient(0x00200037, Vr.DS),
  /** (0020,0052) UI */
  FrameOfReferenceUID(0x00200052, Vr.UI),
  /** (0020,1040) LO */
  PositionReferenceIndicator(0x00201040, Vr.LO),
  /** (0020,1041) DS */
  SliceLocation(0x00201041, Vr.DS),
  /** (0028,0002) US */
  SamplesPerPixel(0x00280002, Vr.US),
  /** (0028,0004) CS */
  PhotometricInterpretation(0x00280004, Vr.CS),
  /** (0028,0008) IS */
  NumberOfFrames(0x00280008, Vr.IS),
  /** (0028,0009) AT */
  FrameIncrementPointer(0x00280009, Vr.AT),
  /** (0028,0010) US */
  Rows(0x00280010, Vr.US),
  /** (0028,0011) US */
  Columns(0x00280011, Vr.US),
  /** (0028,0030) DS */
  PixelSpacing(0x00280030, Vr.DS),
  /** (0028,0100) US */
  BitsAllocated(0x00280100, Vr.US),
  /** (0028,0101) US */
  BitsStored(0x00280101, Vr.US),
  /** (0028,0102) US */
  HighBit(0x00280102, Vr.US),
  /** (0028,0103) US */
  PixelRepresentation(0x00280103, Vr.US),
  /** (0028,1050) DS */
  WindowCenter(0x00281050, Vr.DS),
  /** (0028,1051) DS */
  WindowWidth(0x00281051, Vr.DS),
  /** (0028,1052) DS */
  RescaleIntercept(0x00281052, Vr.DS),
  /** (0028,1053) DS */
  RescaleSlope(0x00281053, Vr.DS),
  /** (0028,1054) LO */
  RescaleType(0x00281054, Vr.LO),
  /** (3004,0001) CS */
  DVHType(0x30040001, Vr.CS),
  /** (3004,0002) CS */
  DoseUnits(0x30040002, Vr.CS),
  /** (3004,0004) CS */
  DoseType(0x30040004, Vr.CS),
  /** (3004,0006) LO */
  DoseComment(0x30040006, Vr.LO),
  /** (3004,000A) CS */
  DoseSummationType(0x3004000A, Vr.CS),
  /** (3004,000C) DS */
  GridFrameOffsetVector(0x3004000C, Vr.DS),
  /** (3004,000E) DS */
  DoseGridScaling(0x3004000E, Vr.DS),
  /** (3004,0014) CS */
  TissueHeterogeneityCorrection(0x30040014, Vr.CS),
  /** (3004,0042) DS */
  DVHNormalizationDoseValue(0x30040042, Vr.DS),
  /** (3004,0050) SQ */
  DVHSequence(0x30040050, Vr.SQ),
  /** (3004,0052) DS */
  DVHDoseScaling(0x30040052, Vr.DS),
  /** (3004,0054) CS */
  DVHVolumeUnits(0x30040054, Vr.CS),
  /** (3004,0056) IS */
  DVHNumberOfBins(0x30040056, Vr.IS),
  /** (3004,0058) DS */
  DVHData(0x30040058, Vr.DS),
  /** (3004,0060) SQ */
  DVHReferencedROISequence(0x30040060, Vr.SQ),
  /** (3004,0062) CS */
  DVHROIContributionType(0x30040062, Vr.CS),
  /** (3004,0070) DS */
  DVHMinimumDose(0x30040070, Vr.DS),
  /** (3004,0072) DS */
  DVHMaximumDose(0x30040072, Vr.DS),
  /** (3004,0074) DS */
  DVHMeanDose(0x30040074, Vr.DS),
  /** (3006,0002) SH */
  StructureSetLabel(0x30060002, Vr.SH),
  /** (3006,0004) LO */
  StructureSetName(0x30060004, Vr.LO),
  /** (3006,0008) DA */
  StructureSetDate(0x30060008, Vr.DA),
  /** (3006,0009) TM */
  StructureSetTime(0x30060009, Vr.TM),
  /** (3006,0010) SQ */
  ReferencedFrameOfReferenceSequence(0x30060010, Vr.SQ),
  /** (3006,0012) SQ */
  RTReferencedStudySequence(0x30060012, Vr.SQ),
  /** (3006,0014) SQ */
  RTReferencedSeriesSequence(0x30060014, Vr.SQ),
  /** (3006,0016) SQ */
  ContourImageSequence(0x30060016, Vr.SQ),
  /** (3006,0020) SQ */
  StructureSetROISequence(0x30060020, Vr.SQ),
  /** (3006,0022) IS */
  ROINumber(0x30060022, Vr.IS),
  /** (3006,0024) UI */
  ReferencedFrameOfReferenceUID(0x30060024, Vr.UI),
  /** (3006,0026) LO */
  ROIName(0x30060026, Vr.LO),
  /** (3006,002A) IS */
  ROIDisplayColor(0x3006002A, Vr.IS),
  /** (3006,0036) CS */
  ROIGenerationAlgorithm(0x30060036, Vr.CS),
  /** (3006,0039) SQ */
  ROIContourSequence(0x30060039, Vr.SQ),
  /** (3006,0040) SQ */
  ContourSequence(0x30060040, Vr.SQ),
  /** (3006,0042) CS */
  ContourGeometricType(0x30060042, Vr.CS),
  /** (3006,0046) IS */
  NumberOfContourPoints(0x30060046, Vr.IS),
  /** (3006,0048) IS */
  ContourNumber(0x30060048, Vr.IS),
  /** (3006,0050) DS */
  ContourData(0x30060050, Vr.DS),
  /** (3006,0080) SQ */
  RTROIObservationsSequence(0x30060080, Vr.SQ),
  /** (3006,0082) IS */
  ObservationNumber(0x30060082, Vr.IS),
  /** (3006,0084) IS */
  ReferencedROINumber(0x30060084, Vr.IS),
  /** (3006,0085) SH */
  ROIObservationLabel(0x30060085, Vr.SH),
  /** (3006,00A4) CS */
  RTROIInterpretedType(0x300600A4, Vr.CS),
  /** (3006,00A6) PN */
  ROIInterpreter(0x300600A6, Vr.PN),
  /** (300A,0002) SH */
  RTPlanLabel(0x300A0002, Vr.SH),
  /** (300A,0003) LO */
  RTPlanName(0x300A0003, Vr.LO),
  /** (300A,0006) DA */
  RTPlanDate(0x300A0006, Vr.DA),
  /** (300A,0007) TM */
  RTPlanTime(0x300A0007, Vr.TM),
  /** (300A,000C) CS */
  RTPlanGeometry(0x300A000C, Vr.CS),
  /** (300A,0010) SQ */
  DoseReferenceSequence(0x300A0010, Vr.SQ),
  /** (300A,0012) IS */
  DoseReferenceNumber(0x300A0012, Vr.IS),
  /** (300A,0013) UI */
  DoseReferenceUID(0x300A0013, Vr.UI),
  /** (300A,0014) CS */
  DoseReferenceStructureType(0x300A0014, Vr.CS),
  /** (300A,0016) LO */
  DoseReferenceDescription(0x300A0016, Vr.LO),
  /** (300A,0020) CS */
  DoseReferenceType(0x300A0020, Vr.CS),
  /** (300A,0023) DS */
  DeliveryMaximumDose(0x300A0023, Vr.DS),
  /** (300A,0026) DS */
  TargetPrescriptionDose(0x300A0026, Vr.DS),
  /** (300A,0070) SQ */
  FractionGroupSequence(0x300A0070, Vr.SQ),
  /** (300A,0071) IS */
  FractionGroupNumber(0x300A0071, Vr.IS),
  /** (300A,0078) IS */
  NumberOfFractionsPlanned(0x300A0078, Vr.IS),
  /** (300A,0080) IS */
  NumberOfBeams(0x300A0080, Vr.IS),
  /** (300A,0084) DS */
  BeamDose(0x300A0084, Vr.DS),
  /** (300A,0086) DS */
  BeamMeterset(0x300A0086, Vr.DS),
  /** (300A,00A0) IS */
  NumberOfBrachyApplicationSetups(0x300A00A0, Vr.IS),
  /** (300A,00B0) SQ */
  BeamSequence(0x300A00B0, Vr.SQ),
  /** (300A,00B2) SH */
  TreatmentMachineName(0x300A00B2, Vr.SH),
  /** (300A,00B3) CS */
  PrimaryDosimeterUnit(0x300A00B3, Vr.CS),
  /** (300A,00B4) DS */
  SourceAxisDistance(0x300A00B4, Vr.DS),
  /** (300A,00B6) SQ */
  BeamLimitingDeviceSequence(0x300A00B6, Vr.SQ),
  /** (300A,00B8) CS */
  RTBeamLimitingDeviceType(0x300A00B8, Vr.CS),
  /** (300A,00BC) IS */
  NumberOfLeafJawPairs(0x300A00BC, Vr.IS),
  /** (300A,00C0) IS */
  BeamNumber(0x300A00C0, Vr.IS),
  /** (300A,00C2) LO */
  BeamName(0x300A00C2, Vr.LO),
  /** (300A,00C4) CS */
  BeamType(0x300A00C4, Vr.CS),
  /** (300A,00C6) CS */
  RadiationType(0x300A00C6, Vr.CS),
  /** (300A,00CE) CS */
  TreatmentDeliveryType(0x300A00CE, Vr.CS),
  /** (300A,00D0) IS */
  NumberOfWedges(0x300A00D0, Vr.IS),
  /** (300A,00E0) IS */
  NumberOfCompensators(0x300A00E0, Vr.IS),
  /** (300A,00ED) IS */
  NumberOfBoli(0x300A00ED, Vr.IS),
  /** (300A,00F0) IS */
  NumberOfBlocks(0x300A00F0, Vr.IS),
  /** (300A,010E) DS */
  FinalCumulativeMetersetWeight(0x300A010E, Vr.DS),
  /** (300A,0110) IS */
  NumberOfControlPoints(0x300A0110, Vr.IS),
  /** (300A,0111) SQ */
  ControlPointSequence(0x300A0111, Vr.SQ),
  /** (300A,0112) IS */
  ControlPointIndex(0x300A0112, Vr.IS),
  /** (300A,0114) DS */
  NominalBeamEnergy(0x300A0114, Vr.DS),
  /** (300A,011E) DS */
  GantryAngle(0x300A011E, Vr.DS),
  /** (300A,011F) CS */
  GantryRotationDirection(0x300A011F, Vr.CS),
  /** (300A,0120) DS */
  BeamLimitingDeviceAngle(0x300A0120, Vr.DS),
  /** (300A,0121) CS */
  BeamLimitingDeviceRotationDirection(0x300A0121, Vr.CS),
  /** (300A,0122) DS */
  PatientSupportAngle(0x300A0122, Vr.DS),
  /** (300A,0123) CS */
  PatientSupportRotationDirection(0x300A0123, Vr.CS),
  /** (300A,0125) DS */
  TableTopEccentricAngle(0x300A0125, Vr.DS),
  /** (300A,0126) CS */
  TableTopEccentricRotationDirection(0x300A0126, Vr.CS),
  /** (300A,012C) DS */
  IsocenterPosition(0x300A012C, Vr.DS),
  /** (300A,0134) DS */
  CumulativeMetersetWeight(0x300A0134, Vr.DS),
  /** (300A,0180) SQ */
  PatientSetupSequence(0x300A0180, Vr.SQ),
  /** (300A,0182) IS */
  PatientSetupNumber(0x300A0182, Vr.IS),
  /** (300C,0002) SQ */
  ReferencedRTPlanSequence(0x300C0002, Vr.SQ),
  /** (300C,0004) SQ */
  ReferencedBeamSequence(0x300C0004, Vr.SQ),
  /** (300C,0006) IS */
  ReferencedBeamNumber(0x300C0006, Vr.IS),
  /** (300C,0020) SQ */
  ReferencedFractionGroupSequence(0x300C0020, Vr.SQ),
  /** (300C,0022) IS */
  ReferencedFractionGroupNumber(0x300C0022, Vr.IS),
  /** (300C,0060) SQ */
  ReferencedStructureSetSequence(0x300C0060, Vr.SQ),
  /** (300C,006A) IS */
  ReferencedPatientSetupNumber(0x300C006A, Vr.IS),
  /** (300E,0002) CS */
  ApprovalStatus(0x300E0002, Vr.CS),
  /** (7FE0,0010) OW */
  PixelData(0x7FE00010, Vr.OW);

  private static final Map<Integer, Tag> BY_NUMBER = new HashMap<>();

  static {
    for (Tag t : values()) {
      BY_NUMBER.put(t.number, t);
    }
  }

  private final int number;
  private final Vr vr;

  Tag(int number, Vr vr) {
    this.number = number;
    this.vr = vr;
  }

  /**
   * The tag as a 32-bit number, group in the high 16 bits (e.g. {@code 0x00100010} for
   * PatientName).
   */
  public int number() {
    return number;
  }

  /** The group number (high 16 bits). */
  public int group() {
    return number >>> 16;
  }

  /** The VR of this attribute according to PS3.6. */
  public Vr vr() {
    return vr;
  }

  /**
   * The dictionary entry with this tag number, or {@code null} when it is not in this small
   * dictionary.
   */
  public static Tag forNumber(int number) {
    return BY_NUMBER.get(number);
  }

  /** Formats a tag number the DICOM way, {@code (gggg,eeee)} in upper-case hex. */
  public static String format(int number) {
    return String.format("(%04X,%04X)", number >>> 16, number & 0xFFFF);
  }
}

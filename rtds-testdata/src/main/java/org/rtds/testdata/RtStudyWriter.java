package org.rtds.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtds.testdata.dicom.Dataset;
import org.rtds.testdata.dicom.DicomWriter;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;
import org.rtds.testdata.dicom.Tag;
import org.rtds.testdata.dicom.TransferSyntax;
import org.rtds.testdata.dicom.Uids;

/**
 * Writes the four objects of an RT study (CT series, RT Structure Set, RT Plan, RT Dose) that share
 * one patient, study and frame of reference. UIDs are name-based ({@link Uids#fromName}) under a
 * namespace that includes the generator's options, so equal options give equal files and different
 * options never share UIDs.
 */
final class RtStudyWriter {

  /** A CLOSED_PLANAR contour on the axial plane z (mm); points are x,y,z triples in mm. */
  record Contour(double z, double[] points) {
    int pointCount() {
      return points.length / 3;
    }
  }

  /** One ROI to write. {@code color} is the (3006,002A) ROIDisplayColor RGB triple. */
  record Roi(int number, String name, String interpretedType, int[] color, List<Contour> contours) {
    RoiSummary summary() {
      return new RoiSummary(
          number,
          name,
          interpretedType,
          contours.stream().map(Contour::pointCount).toList(),
          contours.stream().map(Contour::z).toList());
    }
  }

  /**
   * A treatment beam of the plan: (300A,00C0) BeamNumber, gantry angle in degrees, meterset in MU.
   */
  record Beam(int number, String name, double gantryAngleDeg, double metersetMu) {}

  /** Fills the HU values (row-major, index row·columns + column) of CT slice k. */
  interface SliceFiller {
    void fill(CtGrid grid, int k, short[] hu);
  }

  /** Written dose files and their grid. */
  record DoseResult(List<DicomFile> files, DoseGrid grid) {}

  static final String DATE = "20250101";
  static final String TIME = "120000";
  static final String MANUFACTURER = "RTDS synthetic test data";

  private final Path dir;
  private final String namespace;
  private final String patientId;
  private final String patientName;
  private final String studyDescription;
  private final DicomWriter writer;
  final String studyUid;
  final String frameOfReferenceUid;

  RtStudyWriter(
      Path dir,
      String namespace,
      String patientId,
      String patientName,
      String studyDescription,
      SequenceLength sequenceLength,
      boolean implicitVr) {
    this.dir = dir;
    this.namespace = namespace;
    this.patientId = patientId;
    this.patientName = patientName;
    this.studyDescription = studyDescription;
    this.writer =
        new DicomWriter(
            implicitVr
                ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            sequenceLength);
    this.studyUid = uid("study");
    this.frameOfReferenceUid = uid("frame-of-reference");
  }

  String uid(String label) {
    return Uids.fromName(namespace + "/" + label);
  }

  /**
   * Patient, General Study, series, Frame of Reference, General Equipment and SOP Common
   * attributes.
   */
  private Dataset common(
      String sopClass, String sopInstance, String modality, String seriesUid, int seriesNumber) {
    Dataset d = new Dataset();
    d.put(Tag.SpecificCharacterSet, "ISO_IR 100");
    d.put(Tag.InstanceCreationDate, DATE);
    d.put(Tag.InstanceCreationTime, TIME);
    d.put(Tag.SOPClassUID, sopClass);
    d.put(Tag.SOPInstanceUID, sopInstance);
    d.put(Tag.StudyDate, DATE);
    d.put(Tag.SeriesDate, DATE);
    d.put(Tag.StudyTime, TIME);
    d.put(Tag.SeriesTime, TIME);
    d.put(Tag.AccessionNumber);
    d.put(Tag.Modality, modality);
    d.put(Tag.Manufacturer, MANUFACTURER);
    d.put(Tag.ReferringPhysicianName);
    d.put(Tag.StudyDescription, studyDescription);
    d.put(Tag.SeriesDescription, modality);
    d.put(Tag.OperatorsName);
    d.put(Tag.ManufacturerModelName, "rtds-testdata");
    d.put(Tag.PatientName, patientName);
    d.put(Tag.PatientID, patientId);
    d.put(Tag.PatientBirthDate, "19600101");
    d.put(Tag.PatientSex, "O");
    d.put(Tag.SoftwareVersions, Uids.IMPLEMENTATION_VERSION_NAME);
    d.put(Tag.StudyInstanceUID, studyUid);
    d.put(Tag.SeriesInstanceUID, seriesUid);
    d.put(Tag.StudyID, "1");
    d.putInt(Tag.SeriesNumber, seriesNumber);
    d.putInt(Tag.InstanceNumber, 1);
    d.put(Tag.FrameOfReferenceUID, frameOfReferenceUid);
    d.put(Tag.PositionReferenceIndicator);
    return d;
  }

  private DicomFile write(Dataset d, String fileName, DicomWriter w) throws IOException {
    Path file = dir.resolve(fileName);
    w.write(d, file);
    return new DicomFile(
        file,
        d.getString(Tag.Modality),
        d.getString(Tag.SOPClassUID),
        d.getString(Tag.SOPInstanceUID),
        d.getString(Tag.SeriesInstanceUID),
        w.transferSyntax().uid());
  }

  private static Dataset ref(String sopClass, String sopInstance) {
    return new Dataset()
        .put(Tag.ReferencedSOPClassUID, sopClass)
        .put(Tag.ReferencedSOPInstanceUID, sopInstance);
  }

  /**
   * Writes CT.0001.dcm … : HFS axial slices, 16-bit unsigned, stored = HU + 1024 (RescaleIntercept
   * −1024).
   */
  List<DicomFile> writeCt(CtGrid g, SliceFiller filler) throws IOException {
    String series = uid("ct-series");
    List<DicomFile> files = new ArrayList<>(g.slices());
    short[] hu = new short[g.columns() * g.rows()];
    short[] stored = new short[hu.length];
    for (int k = 0; k < g.slices(); k++) {
      filler.fill(g, k, hu);
      for (int p = 0; p < hu.length; p++) {
        stored[p] = (short) Math.max(0, Math.min(0xFFFF, hu[p] + 1024));
      }
      Dataset d = common(Uids.CT_IMAGE_STORAGE, uid("ct/" + k), "CT", series, 1);
      d.put(Tag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
      d.put(Tag.ContentDate, DATE);
      d.put(Tag.ContentTime, TIME);
      d.put(Tag.BodyPartExamined, "HEADNECK");
      d.putDecimal(Tag.SliceThickness, g.sliceSpacingMm());
      d.putDecimal(Tag.KVP, 120);
      d.put(Tag.PatientPosition, "HFS");
      d.putInt(Tag.InstanceNumber, k + 1);
      d.put(Tag.AcquisitionNumber);
      d.putDecimal(Tag.ImagePositionPatient, g.x0Mm(), g.y0Mm(), g.z(k));
      d.putDecimal(Tag.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
      d.putDecimal(Tag.SliceLocation, g.z(k));
      d.putInt(Tag.SamplesPerPixel, 1);
      d.put(Tag.PhotometricInterpretation, "MONOCHROME2");
      d.putInt(Tag.Rows, g.rows());
      d.putInt(Tag.Columns, g.columns());
      d.putDecimal(Tag.PixelSpacing, g.pixelSpacingMm(), g.pixelSpacingMm());
      d.putInt(Tag.BitsAllocated, 16);
      d.putInt(Tag.BitsStored, 16);
      d.putInt(Tag.HighBit, 15);
      d.putInt(Tag.PixelRepresentation, 0);
      d.putDecimal(Tag.WindowCenter, 40);
      d.putDecimal(Tag.WindowWidth, 400);
      d.putDecimal(Tag.RescaleIntercept, -1024);
      d.putDecimal(Tag.RescaleSlope, 1);
      d.put(Tag.RescaleType, "HU");
      d.putPixelData(stored);
      files.add(write(d, String.format("CT.%04d.dcm", k + 1), writer));
    }
    return files;
  }

  /**
   * Writes RS.dcm. Each contour's ContourImageSequence references the CT slice at the contour's z
   * (within 1 µm); a contour on a plane without a slice gets no image reference.
   */
  DicomFile writeStructureSet(List<Roi> rois, CtGrid g, List<DicomFile> ct) throws IOException {
    Map<Long, DicomFile> sliceByZ = new HashMap<>();
    for (int k = 0; k < g.slices(); k++) {
      sliceByZ.put(Math.round(g.z(k) * 1000), ct.get(k));
    }
    Dataset d =
        common(
            Uids.RT_STRUCTURE_SET_STORAGE, uid("rtstruct"), "RTSTRUCT", uid("rtstruct-series"), 2);
    d.put(Tag.StructureSetLabel, "RTDS");
    d.put(Tag.StructureSetName, "RTDS synthetic");
    d.put(Tag.StructureSetDate, DATE);
    d.put(Tag.StructureSetTime, TIME);

    List<Dataset> contourImages = new ArrayList<>();
    for (DicomFile f : ct) {
      contourImages.add(ref(f.sopClassUid(), f.sopInstanceUid()));
    }
    Dataset series =
        new Dataset()
            .put(Tag.SeriesInstanceUID, ct.get(0).seriesInstanceUid())
            .putSequence(Tag.ContourImageSequence, contourImages);
    Dataset study =
        ref(
                "1.2.840.10008.3.1.2.3.1",
                studyUid) // Detached Study Management (retired), as TPSs write
            .putSequence(Tag.RTReferencedSeriesSequence, series);
    d.putSequence(
        Tag.ReferencedFrameOfReferenceSequence,
        new Dataset()
            .put(Tag.FrameOfReferenceUID, frameOfReferenceUid)
            .putSequence(Tag.RTReferencedStudySequence, study));

    List<Dataset> roiItems = new ArrayList<>();
    List<Dataset> contourItems = new ArrayList<>();
    List<Dataset> observationItems = new ArrayList<>();
    for (Roi roi : rois) {
      roiItems.add(
          new Dataset()
              .putInt(Tag.ROINumber, roi.number())
              .put(Tag.ReferencedFrameOfReferenceUID, frameOfReferenceUid)
              .put(Tag.ROIName, roi.name())
              .put(Tag.ROIGenerationAlgorithm, "AUTOMATIC"));
      List<Dataset> contours = new ArrayList<>();
      int n = 1;
      for (Contour c : roi.contours()) {
        Dataset item = new Dataset();
        DicomFile slice = sliceByZ.get(Math.round(c.z() * 1000));
        if (slice != null) {
          item.putSequence(
              Tag.ContourImageSequence, ref(slice.sopClassUid(), slice.sopInstanceUid()));
        }
        item.put(Tag.ContourGeometricType, "CLOSED_PLANAR");
        item.putInt(Tag.NumberOfContourPoints, c.pointCount());
        item.putInt(Tag.ContourNumber, n++);
        item.putDecimal(Tag.ContourData, c.points());
        contours.add(item);
      }
      contourItems.add(
          new Dataset()
              .putInt(Tag.ROIDisplayColor, roi.color()[0], roi.color()[1], roi.color()[2])
              .putSequence(Tag.ContourSequence, contours)
              .putInt(Tag.ReferencedROINumber, roi.number()));
      observationItems.add(
          new Dataset()
              .putInt(Tag.ObservationNumber, roi.number())
              .putInt(Tag.ReferencedROINumber, roi.number())
              .put(Tag.ROIObservationLabel, truncate(roi.name(), 16))
              .put(Tag.RTROIInterpretedType, roi.interpretedType())
              .put(Tag.ROIInterpreter));
    }
    d.putSequence(Tag.StructureSetROISequence, roiItems);
    d.putSequence(Tag.ROIContourSequence, contourItems);
    d.putSequence(Tag.RTROIObservationsSequence, observationItems);
    d.put(Tag.ApprovalStatus, "UNAPPROVED");
    return write(d, "RS.dcm", writer);
  }

  /**
   * Writes RP.dcm: RT General Plan, RT Prescription, RT Fraction Scheme, RT Beams (simplified), RT
   * Patient Setup.
   */
  DicomFile writePlan(Prescription rx, String label, List<Beam> beams, DicomFile rs)
      throws IOException {
    Dataset d = common(Uids.RT_PLAN_STORAGE, uid("rtplan"), "RTPLAN", uid("rtplan-series"), 3);
    d.put(Tag.RTPlanLabel, truncate(label, 16));
    d.put(Tag.RTPlanName, label);
    d.put(Tag.RTPlanDate, DATE);
    d.put(Tag.RTPlanTime, TIME);
    d.put(Tag.RTPlanGeometry, "PATIENT");
    d.putSequence(
        Tag.DoseReferenceSequence,
        new Dataset()
            .putInt(Tag.ReferencedROINumber, rx.targetRoiNumber())
            .putInt(Tag.DoseReferenceNumber, 1)
            .put(Tag.DoseReferenceUID, uid("dose-reference"))
            .put(Tag.DoseReferenceStructureType, "VOLUME")
            .put(Tag.DoseReferenceDescription, truncate(rx.targetRoiName(), 64))
            .put(Tag.DoseReferenceType, "TARGET")
            .putDecimal(Tag.TargetPrescriptionDose, rx.targetPrescriptionDoseGy()));
    List<Dataset> referencedBeams = new ArrayList<>();
    double dosePerBeam = rx.dosePerFractionGy() / Math.max(1, beams.size());
    for (Beam b : beams) {
      referencedBeams.add(
          new Dataset()
              .putDecimal(Tag.BeamDose, round(dosePerBeam, 6))
              .putDecimal(Tag.BeamMeterset, b.metersetMu())
              .putInt(Tag.ReferencedBeamNumber, b.number()));
    }
    d.putSequence(
        Tag.FractionGroupSequence,
        new Dataset()
            .putInt(Tag.FractionGroupNumber, 1)
            .putInt(Tag.NumberOfFractionsPlanned, rx.fractions())
            .putInt(Tag.NumberOfBeams, beams.size())
            .putInt(Tag.NumberOfBrachyApplicationSetups, 0)
            .putSequence(Tag.ReferencedBeamSequence, referencedBeams));
    List<Dataset> beamItems = new ArrayList<>();
    for (Beam b : beams) {
      beamItems.add(beam(b));
    }
    d.putSequence(Tag.BeamSequence, beamItems);
    d.putSequence(
        Tag.PatientSetupSequence,
        new Dataset().put(Tag.PatientPosition, "HFS").putInt(Tag.PatientSetupNumber, 1));
    d.putSequence(Tag.ReferencedStructureSetSequence, ref(rs.sopClassUid(), rs.sopInstanceUid()));
    d.put(Tag.ApprovalStatus, "UNAPPROVED");
    return write(d, "RP.dcm", writer);
  }

  private static Dataset beam(Beam b) {
    List<Dataset> cps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Dataset cp = new Dataset().putInt(Tag.ControlPointIndex, i);
      if (i == 0) {
        cp.putDecimal(Tag.NominalBeamEnergy, 6)
            .putDecimal(Tag.GantryAngle, b.gantryAngleDeg())
            .put(Tag.GantryRotationDirection, "NONE")
            .putDecimal(Tag.BeamLimitingDeviceAngle, 0)
            .put(Tag.BeamLimitingDeviceRotationDirection, "NONE")
            .putDecimal(Tag.PatientSupportAngle, 0)
            .put(Tag.PatientSupportRotationDirection, "NONE")
            .putDecimal(Tag.TableTopEccentricAngle, 0)
            .put(Tag.TableTopEccentricRotationDirection, "NONE")
            .putDecimal(Tag.IsocenterPosition, 0, 0, 0);
      }
      cp.putDecimal(Tag.CumulativeMetersetWeight, i);
      cps.add(cp);
    }
    return new Dataset()
        .put(Tag.TreatmentMachineName, "SYNTH_LINAC")
        .put(Tag.PrimaryDosimeterUnit, "MU")
        .putDecimal(Tag.SourceAxisDistance, 1000)
        .putSequence(
            Tag.BeamLimitingDeviceSequence,
            List.of(
                new Dataset()
                    .put(Tag.RTBeamLimitingDeviceType, "ASYMX")
                    .putInt(Tag.NumberOfLeafJawPairs, 1),
                new Dataset()
                    .put(Tag.RTBeamLimitingDeviceType, "ASYMY")
                    .putInt(Tag.NumberOfLeafJawPairs, 1)))
        .putInt(Tag.BeamNumber, b.number())
        .put(Tag.BeamName, b.name())
        .put(Tag.BeamType, "STATIC")
        .put(Tag.RadiationType, "PHOTON")
        .put(Tag.TreatmentDeliveryType, "TREATMENT")
        .putInt(Tag.NumberOfWedges, 0)
        .putInt(Tag.NumberOfCompensators, 0)
        .putInt(Tag.NumberOfBoli, 0)
        .putInt(Tag.NumberOfBlocks, 0)
        .putDecimal(Tag.FinalCumulativeMetersetWeight, 1)
        .putInt(Tag.NumberOfControlPoints, 2)
        .putSequence(Tag.ControlPointSequence, cps);
  }

  /**
   * A cumulative DVH to embed: bins of {@code binWidthGy}, volumes (cm³) receiving at least each
   * bin's lower edge.
   */
  record EmbeddedDvh(
      int roiNumber,
      double binWidthGy,
      double[] volumesCc,
      double minGy,
      double maxGy,
      double meanGy) {}

  /**
   * Writes the dose: RD.dcm (DoseSummationType PLAN) when {@code beamWeights} is empty, else
   * RD.B01.dcm … one BEAM dose per beam whose stored values add up exactly to the plan's stored
   * values (same DoseGridScaling).
   *
   * @param doseGy plan dose in Gy per voxel, index (frame·rows + row)·columns + column
   * @param grid geometry (its scaling, bits and rle fields are ignored and returned filled in)
   */
  DoseResult writeDose(
      DoseGrid grid,
      double[] doseGy,
      int bitsAllocated,
      boolean rle,
      List<Beam> beamDoses,
      DicomFile rp,
      DicomFile rs,
      List<EmbeddedDvh> dvhs)
      throws IOException {
    if (bitsAllocated != 16 && bitsAllocated != 32) {
      throw new IllegalArgumentException("dose BitsAllocated must be 16 or 32");
    }
    double max = 0;
    for (double v : doseGy) {
      max = Math.max(max, v);
    }
    double scaling = niceScaling(max, bitsAllocated == 32 ? 4_000_000_000.0 : 65_000.0);
    long[] plan = new long[doseGy.length];
    for (int i = 0; i < plan.length; i++) {
      plan[i] = Math.max(0, Math.round(doseGy[i] / scaling));
    }
    DoseGrid written =
        new DoseGrid(
            grid.columns(),
            grid.rows(),
            grid.frames(),
            grid.columnSpacingMm(),
            grid.rowSpacingMm(),
            grid.frameSpacingMm(),
            grid.x0Mm(),
            grid.y0Mm(),
            grid.z0Mm(),
            scaling,
            bitsAllocated,
            rle);
    DicomWriter doseWriter =
        rle ? new DicomWriter(TransferSyntax.RLE_LOSSLESS, writer.sequenceLength()) : writer;
    String series = uid("rtdose-series");
    List<DicomFile> files = new ArrayList<>();
    if (beamDoses.isEmpty()) {
      Dataset d = doseDataset(written, plan, uid("rtdose"), series, 1, rp, rs, null);
      if (!dvhs.isEmpty()) {
        addDvhs(d, dvhs, rs);
      }
      files.add(write(d, "RD.dcm", doseWriter));
    } else {
      double total = beamDoses.stream().mapToDouble(Beam::metersetMu).sum();
      long[] remaining = plan.clone();
      for (int b = 0; b < beamDoses.size(); b++) {
        Beam beam = beamDoses.get(b);
        long[] part = new long[plan.length];
        boolean last = b == beamDoses.size() - 1;
        double w = beam.metersetMu() / total;
        for (int i = 0; i < plan.length; i++) {
          part[i] = last ? remaining[i] : Math.min(remaining[i], (long) Math.floor(plan[i] * w));
          remaining[i] -= part[i];
        }
        Dataset d =
            doseDataset(
                written, part, uid("rtdose/beam/" + beam.number()), series, b + 1, rp, rs, beam);
        files.add(write(d, String.format("RD.B%02d.dcm", beam.number()), doseWriter));
      }
    }
    return new DoseResult(files, written);
  }

  private Dataset doseDataset(
      DoseGrid g,
      long[] stored,
      String sopInstance,
      String series,
      int instanceNumber,
      DicomFile rp,
      DicomFile rs,
      Beam beam) {
    Dataset d = common(Uids.RT_DOSE_STORAGE, sopInstance, "RTDOSE", series, 4);
    d.putInt(Tag.InstanceNumber, instanceNumber);
    d.put(Tag.ContentDate, DATE);
    d.put(Tag.ContentTime, TIME);
    d.putDecimal(Tag.SliceThickness, g.frameSpacingMm());
    d.putDecimal(Tag.ImagePositionPatient, g.x0Mm(), g.y0Mm(), g.z0Mm());
    d.putDecimal(Tag.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
    d.putInt(Tag.SamplesPerPixel, 1);
    d.put(Tag.PhotometricInterpretation, "MONOCHROME2");
    d.put(Tag.NumberOfFrames, Integer.toString(g.frames()));
    d.putAttributeTag(Tag.FrameIncrementPointer, Tag.GridFrameOffsetVector);
    d.putInt(Tag.Rows, g.rows());
    d.putInt(Tag.Columns, g.columns());
    d.putDecimal(Tag.PixelSpacing, g.rowSpacingMm(), g.columnSpacingMm());
    d.putInt(Tag.BitsAllocated, g.bitsAllocated());
    d.putInt(Tag.BitsStored, g.bitsAllocated());
    d.putInt(Tag.HighBit, g.bitsAllocated() - 1);
    d.putInt(Tag.PixelRepresentation, 0);
    d.put(Tag.DoseUnits, "GY");
    d.put(Tag.DoseType, "PHYSICAL");
    d.put(Tag.DoseComment, beam == null ? "plan dose" : "dose of beam " + beam.number());
    d.put(Tag.DoseSummationType, beam == null ? "PLAN" : "BEAM");
    double[] offsets = new double[g.frames()];
    for (int k = 0; k < offsets.length; k++) {
      offsets[k] = round(k * g.frameSpacingMm(), 6);
    }
    d.putDecimal(Tag.GridFrameOffsetVector, offsets);
    d.putDecimal(Tag.DoseGridScaling, g.doseGridScaling());
    d.put(Tag.TissueHeterogeneityCorrection, "IMAGE");
    Dataset planRef = ref(rp.sopClassUid(), rp.sopInstanceUid());
    if (beam != null) {
      planRef.putSequence(
          Tag.ReferencedFractionGroupSequence,
          new Dataset()
              .putSequence(
                  Tag.ReferencedBeamSequence,
                  new Dataset().putInt(Tag.ReferencedBeamNumber, beam.number()))
              .putInt(Tag.ReferencedFractionGroupNumber, 1));
    }
    d.putSequence(Tag.ReferencedRTPlanSequence, planRef);
    if (g.bitsAllocated() == 32) {
      int[] px = new int[stored.length];
      for (int i = 0; i < px.length; i++) {
        px[i] = (int) stored[i];
      }
      d.putPixelData(px);
    } else {
      short[] px = new short[stored.length];
      for (int i = 0; i < px.length; i++) {
        px[i] = (short) stored[i];
      }
      d.putPixelData(px);
    }
    return d;
  }

  private static void addDvhs(Dataset d, List<EmbeddedDvh> dvhs, DicomFile rs) {
    d.putSequence(Tag.ReferencedStructureSetSequence, ref(rs.sopClassUid(), rs.sopInstanceUid()));
    List<Dataset> items = new ArrayList<>();
    for (EmbeddedDvh h : dvhs) {
      double[] data = new double[2 * h.volumesCc().length];
      for (int i = 0; i < h.volumesCc().length; i++) {
        data[2 * i] = h.binWidthGy();
        data[2 * i + 1] = round(h.volumesCc()[i], 6);
      }
      items.add(
          new Dataset()
              .put(Tag.DVHType, "CUMULATIVE")
              .put(Tag.DoseUnits, "GY")
              .put(Tag.DoseType, "PHYSICAL")
              .putDecimal(Tag.DVHDoseScaling, 1)
              .put(Tag.DVHVolumeUnits, "CM3")
              .putInt(Tag.DVHNumberOfBins, h.volumesCc().length)
              .putDecimal(Tag.DVHData, data)
              .putSequence(
                  Tag.DVHReferencedROISequence,
                  new Dataset()
                      .put(Tag.DVHROIContributionType, "INCLUDED")
                      .putInt(Tag.ReferencedROINumber, h.roiNumber()))
              .putDecimal(Tag.DVHMinimumDose, round(h.minGy(), 6))
              .putDecimal(Tag.DVHMaximumDose, round(h.maxGy(), 6))
              .putDecimal(Tag.DVHMeanDose, round(h.meanGy(), 6)));
    }
    d.putSequence(Tag.DVHSequence, items);
  }

  /**
   * The smallest "nice" scaling (one significant digit, e.g. 8E-9) such that {@code max / scaling ≤
   * limit}; 1E-6 when the dose is all zero.
   */
  static double niceScaling(double max, double limit) {
    if (max <= 0) {
      return 1e-6;
    }
    double raw = max / limit;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double digit = Math.ceil(raw / p - 1e-9);
    return Double.parseDouble((int) digit + "E" + (int) Math.round(Math.log10(p)));
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}

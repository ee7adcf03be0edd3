package org.rtds.tools.dvh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.rtds.domain.text.DecimalList;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.features.dose.inputs.CtGeometry;
import org.rtds.features.dose.inputs.DicomNumbers;
import org.rtds.features.dose.inputs.DoseChoice;
import org.rtds.features.dose.inputs.DoseChoice.Ambiguity;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.tools.cli.StudySelection;

/**
 * The inputs of the dose calculators built from {@link org.rtds.ingest.control.ParsedInstance}s
 * (docs/algorithms.md): the CT {@link SamplingGrid}, one {@link RoiContours} per ROI, and the
 * study's total dose as a {@link DoseGrid} in Gy.
 *
 * <p>Dose in Gy = stored value × DoseGridScaling × the factor {@link DoseChoice} gives, on the
 * frames' positions (ImagePositionPatient of the first frame, z of every frame from
 * GridFrameOffsetVector as the mapper resolved it). Which RT Doses make the total dose, and the CT
 * geometry checks, are decided by {@link DoseChoice} and {@link CtGeometry}, the same code the
 * server uses; on the command line several candidates of one kind are refused ({@link
 * Ambiguity#REFUSE}): the user keeps the objects to evaluate in the folder.
 *
 * @param ct the CT sampling grid
 * @param rois one entry per structure-set ROI, in structure-set order
 * @param dose the total dose (Gy)
 * @param doseDescription how the total dose was made (for reports)
 * @param prescriptionGy the plan's prescription (Gy), empty when unknown
 * @param notes remarks (contours dropped, conversions applied)
 */
public record StudyInputs(
    SamplingGrid ct,
    List<RoiContours> rois,
    DoseGrid dose,
    String doseDescription,
    OptionalDouble prescriptionGy,
    List<String> notes) {

  /** Copies the lists. */
  public StudyInputs {
    rois = List.copyOf(rois);
    notes = List.copyOf(notes);
  }

  /**
   * @param structureSet the structure set
   * @param ctSlices the CT slices of one series
   * @param doses the RT Doses with a dose grid
   * @param plan the RT Plan, if any
   * @return the calculator inputs
   * @throws StudyInputException when the dose cannot be made (see class doc) or a geometry is not
   *     supported
   */
  public static StudyInputs from(
      StructureSet structureSet, List<CtSlice> ctSlices, List<Dose> doses, Optional<Plan> plan)
      throws StudyInputException {
    List<String> notes = new ArrayList<>();
    SamplingGrid ct = samplingGrid(ctSlices);
    List<RoiContours> rois = roiContours(structureSet, notes);
    OptionalDouble rx =
        plan.isPresent() && plan.get().prescriptionGy() != null && plan.get().prescriptionGy() > 0
            ? OptionalDouble.of(plan.get().prescriptionGy())
            : OptionalDouble.empty();
    TotalDose total = totalDose(doses, plan, notes);
    return new StudyInputs(ct, rois, total.grid(), total.description(), rx, notes);
  }

  /**
   * @param selection a selected study
   * @return the calculator inputs
   * @throws StudyInputException see {@link #from(StructureSet, List, List, Optional)}
   */
  public static StudyInputs from(StudySelection selection) throws StudyInputException {
    return from(
        selection.structureSet(), selection.ctSlices(), selection.doses(), selection.plan());
  }

  /**
   * The CT grid of the slices ({@link CtGeometry#samplingGrid}).
   *
   * @param slices CT slices of one series, any order
   * @return the sampling grid
   * @throws StudyInputException on differing, oblique or unreadable geometry
   */
  public static SamplingGrid samplingGrid(List<CtSlice> slices) throws StudyInputException {
    List<CtGeometry.Slice> headers = new ArrayList<>(slices.size());
    for (CtSlice s : slices) {
      headers.add(
          new CtGeometry.Slice(
              s.header().sopInstanceUid(),
              s.imagePositionPatient(),
              s.imageOrientationPatient(),
              s.pixelSpacing(),
              s.rows(),
              s.columns(),
              s.sliceThickness()));
    }
    return CtGeometry.samplingGrid(headers);
  }

  /**
   * One {@link RoiContours} per ROI of the structure set, in its order. Contours of an unknown
   * ContourGeometricType are dropped with a note.
   *
   * @param rs the structure set
   * @param notes receives remarks
   * @return the ROIs
   * @throws StudyInputException ({@link Kind#UNSUPPORTED}) when an ROI number is not an integer
   */
  public static List<RoiContours> roiContours(StructureSet rs, List<String> notes)
      throws StudyInputException {
    List<RoiContours> out = new ArrayList<>(rs.rois().size());
    for (Roi roi : rs.rois()) {
      int number;
      try {
        number = Integer.parseInt(roi.number().trim());
      } catch (NumberFormatException e) {
        throw new StudyInputException(
            Kind.UNSUPPORTED, "ROI number '" + roi.number() + "' is not an integer");
      }
      List<Contour> contours = new ArrayList<>(roi.contours().size());
      for (ParsedInstance.Contour c : roi.contours()) {
        ContourType type;
        try {
          type = ContourType.fromDicom(c.geometricType());
        } catch (IllegalArgumentException e) {
          notes.add("ROI " + number + " (" + roi.name() + "): " + e.getMessage() + ", dropped");
          continue;
        }
        double[] points = new double[c.points().size()];
        for (int i = 0; i < points.length; i++) {
          points[i] = DecimalList.parseOne(c.points().get(i));
        }
        contours.add(new Contour(type, points));
      }
      out.add(new RoiContours(number, roi.name() == null ? "" : roi.name(), contours));
    }
    return out;
  }

  /**
   * The total dose and how it was made.
   *
   * @param grid dose in Gy
   * @param description e.g. "PLAN dose 1.2.3", "sum of 3 BEAM doses of plan 1.2.3"
   */
  public record TotalDose(DoseGrid grid, String description) {}

  /**
   * @param doses RT Doses with a dose grid
   * @param plan the RT Plan, if any (fractions, prescription)
   * @param notes receives remarks
   * @return the total dose in Gy ({@link DoseChoice}, several candidates refused)
   * @throws StudyInputException when the doses cannot be combined
   */
  public static TotalDose totalDose(List<Dose> doses, Optional<Plan> plan, List<String> notes)
      throws StudyInputException {
    List<DoseChoice.Dose> facts =
        doses.stream()
            .map(
                d ->
                    new DoseChoice.Dose(
                        d.header().sopInstanceUid(),
                        d.summationType(),
                        d.doseUnits(),
                        d.doseType(),
                        d.referencedPlanUid(),
                        d.referencedBeamNumber()))
            .toList();
    Optional<DoseChoice.Plan> planFacts =
        plan.map(
            p ->
                DoseChoice.Plan.of(
                    p.header().sopInstanceUid(), p.prescriptionGy(), p.fractionsPlanned()));
    DoseChoice.Choice choice = DoseChoice.choose(facts, planFacts, Ambiguity.REFUSE);
    notes.addAll(choice.notes());
    List<DoseGrid> grids = new ArrayList<>();
    for (DoseChoice.Part part : choice.parts()) {
      grids.add(grid(doses.get(part.index()), part.gyPerUnit()));
    }
    if (grids.size() == 1) {
      return new TotalDose(grids.get(0), choice.description());
    }
    try {
      return new TotalDose(DoseGrid.sum(grids), choice.description());
    } catch (UnsupportedGeometryException e) {
      throw new StudyInputException(
          Kind.UNSUPPORTED, "BEAM doses cannot be summed: " + e.getMessage(), e);
    }
  }

  /**
   * The dose grid of one RT Dose.
   *
   * @param d the RT Dose (with frames)
   * @param factor Gy per unit of (stored value × DoseGridScaling)
   * @return the grid in Gy
   * @throws StudyInputException on missing or unsupported geometry
   */
  public static DoseGrid grid(Dose d, double factor) throws StudyInputException {
    String uid = d.header().sopInstanceUid();
    if (d.frames().isEmpty() || d.framePositions().size() != d.frames().size()) {
      throw new StudyInputException(Kind.UNSUPPORTED, "RT Dose " + uid + " has no dose grid");
    }
    double scaling = DicomNumbers.parse(d.doseGridScaling(), 1, "DoseGridScaling of " + uid)[0];
    double[] iop =
        DicomNumbers.parse(d.imageOrientationPatient(), 6, "ImageOrientationPatient of " + uid);
    double[] spacing = DicomNumbers.parse(d.pixelSpacing(), 2, "PixelSpacing of " + uid);
    int frames = d.frames().size();
    double[] frameZ = new double[frames];
    double[] ipp =
        DicomNumbers.parse(d.framePositions().get(0), 3, "ImagePositionPatient of " + uid);
    for (int f = 0; f < frames; f++) {
      frameZ[f] = DicomNumbers.parse(d.framePositions().get(f), 3, "frame position of " + uid)[2];
    }
    int perFrame = d.rows() * d.columns();
    float[] values = new float[frames * perFrame];
    double k = scaling * factor;
    for (int f = 0; f < frames; f++) {
      long[] stored = d.frames().get(f);
      if (stored.length != perFrame) {
        throw new StudyInputException(
            Kind.UNSUPPORTED, "RT Dose " + uid + " frame " + f + " has a wrong number of values");
      }
      int off = f * perFrame;
      for (int i = 0; i < perFrame; i++) {
        values[off + i] = (float) (stored[i] * k);
      }
    }
    try {
      return new DoseGrid(
          ipp,
          ImageOrientation.of(iop),
          spacing[0],
          spacing[1],
          d.rows(),
          d.columns(),
          frameZ,
          values);
    } catch (IllegalArgumentException e) {
      throw new StudyInputException(
          Kind.UNSUPPORTED, "RT Dose " + uid + " geometry: " + e.getMessage(), e);
    }
  }
}

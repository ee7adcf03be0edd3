package org.rtds.tools.dvh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.tools.dvh.StudyInputException.Kind;

/**
 * The inputs of the dose calculators built from {@link org.rtds.ingest.control.ParsedInstance}s
 * (docs/algorithms.md §4.1, §4.4): the CT {@link SamplingGrid}, one {@link RoiContours} per ROI,
 * and the study's total dose as a {@link DoseGrid} in Gy.
 *
 * <p>Dose in Gy = stored value × DoseGridScaling, on the frames' positions (ImagePositionPatient of
 * the first frame, z of every frame from GridFrameOffsetVector as the mapper resolved it). Which RT
 * Doses make the total dose:
 *
 * <ul>
 *   <li>one PLAN (or MULTI_PLAN, BRACHY) dose: used as it is; several are ambiguous and refused;
 *   <li>otherwise the BEAM doses of one plan: summed voxel by voxel ({@link DoseGrid#sum}), which
 *       requires one geometry; a beam number given twice is refused;
 *   <li>otherwise one FRACTION dose: multiplied by the plan's NumberOfFractionsPlanned (refused
 *       without an RT Plan that gives it);
 *   <li>CONTROL_POINT and other partial doses, and DoseType ERROR, are refused.
 * </ul>
 *
 * DoseUnits RELATIVE (percent of a reference dose) is converted with the plan's prescription: Gy =
 * value / 100 × Rx, Rx being the highest TargetPrescriptionDose of the RT Plan; without it the dose
 * is refused. When an RT Plan is selected, doses that reference it are preferred.
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
    TotalDose total = totalDose(doses, plan, rx, notes);
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
   * The CT grid: every slice's ImagePositionPatient; ImageOrientationPatient, PixelSpacing, Rows
   * and Columns must be the same on every slice.
   *
   * @param slices CT slices of one series, any order
   * @return the sampling grid
   * @throws StudyInputException ({@link Kind#UNSUPPORTED}) on differing or oblique geometry, or two
   *     slices at one z
   */
  public static SamplingGrid samplingGrid(List<CtSlice> slices) throws StudyInputException {
    if (slices.isEmpty()) {
      throw new StudyInputException(Kind.INCOMPLETE, "no CT images");
    }
    CtSlice first = slices.get(0);
    double[] iop = numbers(first.imageOrientationPatient(), 6, "CT ImageOrientationPatient");
    double[] spacing = numbers(first.pixelSpacing(), 2, "CT PixelSpacing");
    List<double[]> positions = new ArrayList<>(slices.size());
    for (CtSlice s : slices) {
      String uid = s.header().sopInstanceUid();
      if (s.rows() != first.rows() || s.columns() != first.columns()) {
        throw new StudyInputException(
            Kind.UNSUPPORTED,
            "CT image " + uid + " has another size than " + first.header().sopInstanceUid());
      }
      double[] o = numbers(s.imageOrientationPatient(), 6, "CT ImageOrientationPatient");
      double[] p = numbers(s.pixelSpacing(), 2, "CT PixelSpacing");
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
      positions.add(numbers(s.imagePositionPatient(), 3, "CT ImagePositionPatient"));
    }
    double thickness = Double.NaN;
    if (first.sliceThickness() != null && !first.sliceThickness().isBlank()) {
      thickness = numbers(first.sliceThickness(), 1, "CT SliceThickness")[0];
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
          points[i] = Double.parseDouble(c.points().get(i).trim());
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
   * @param rx the prescription (Gy), empty when unknown
   * @param notes receives remarks
   * @return the total dose in Gy (see class doc)
   * @throws StudyInputException when the doses cannot be combined
   */
  public static TotalDose totalDose(
      List<Dose> doses, Optional<Plan> plan, OptionalDouble rx, List<String> notes)
      throws StudyInputException {
    List<Dose> candidates = doses;
    if (plan.isPresent()) {
      String planUid = plan.get().header().sopInstanceUid();
      List<Dose> ofPlan =
          doses.stream().filter(d -> planUid.equals(d.referencedPlanUid())).toList();
      if (!ofPlan.isEmpty() && ofPlan.size() < doses.size()) {
        notes.add(
            (doses.size() - ofPlan.size())
                + " RT Dose(s) that do not reference RT Plan "
                + planUid
                + " ignored");
        candidates = ofPlan;
      }
    }
    List<Dose> whole = new ArrayList<>();
    List<Dose> beams = new ArrayList<>();
    List<Dose> fractions = new ArrayList<>();
    List<Dose> other = new ArrayList<>();
    for (Dose d : candidates) {
      String type = summationType(d, notes);
      switch (type) {
        case "PLAN", "MULTI_PLAN", "BRACHY" -> whole.add(d);
        case "BEAM" -> beams.add(d);
        case "FRACTION" -> fractions.add(d);
        default -> other.add(d);
      }
    }
    if (!whole.isEmpty()) {
      if (whole.size() > 1) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            whole.size()
                + " RT Doses of a whole plan found ("
                + uids(whole)
                + "); keep the one to evaluate in the folder");
      }
      if (!beams.isEmpty() || !fractions.isEmpty()) {
        notes.add(
            "using the "
                + summationType(whole.get(0), new ArrayList<>())
                + " dose; "
                + (beams.size() + fractions.size())
                + " BEAM/FRACTION dose(s) ignored");
      }
      Dose d = whole.get(0);
      return new TotalDose(
          grid(d, gyPerUnit(d, rx, notes)),
          summationType(d, new ArrayList<>()) + " dose " + d.header().sopInstanceUid());
    }
    if (!beams.isEmpty()) {
      Set<String> plans = new HashSet<>();
      Set<String> beamNumbers = new HashSet<>();
      for (Dose d : beams) {
        plans.add(String.valueOf(d.referencedPlanUid()));
        if (d.referencedBeamNumber() != null && !beamNumbers.add(d.referencedBeamNumber())) {
          throw new StudyInputException(
              Kind.INCOMPLETE,
              "two BEAM doses for beam " + d.referencedBeamNumber() + " (" + uids(beams) + ")");
        }
      }
      if (plans.size() > 1) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            "BEAM doses of " + plans.size() + " plans found; keep one plan's doses in the folder");
      }
      List<DoseGrid> grids = new ArrayList<>();
      for (Dose d : beams) {
        grids.add(grid(d, gyPerUnit(d, rx, notes)));
      }
      try {
        return new TotalDose(
            DoseGrid.sum(grids),
            "sum of " + beams.size() + " BEAM dose(s) of plan " + beams.get(0).referencedPlanUid());
      } catch (UnsupportedGeometryException e) {
        throw new StudyInputException(
            Kind.UNSUPPORTED, "BEAM doses cannot be summed: " + e.getMessage(), e);
      }
    }
    if (!fractions.isEmpty()) {
      if (fractions.size() > 1) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            fractions.size() + " FRACTION doses found (" + uids(fractions) + "); keep one");
      }
      Integer n = plan.map(Plan::fractionsPlanned).orElse(null);
      if (n == null || n < 1) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            "RT Dose "
                + fractions.get(0).header().sopInstanceUid()
                + " is the dose of one FRACTION; the total needs NumberOfFractionsPlanned from an"
                + " RT Plan, and "
                + (plan.isPresent() ? "the RT Plan does not give it" : "there is no RT Plan"));
      }
      Dose d = fractions.get(0);
      notes.add("FRACTION dose multiplied by " + n + " fractions (RT Plan)");
      return new TotalDose(
          grid(d, n * gyPerUnit(d, rx, notes)),
          "FRACTION dose " + d.header().sopInstanceUid() + " × " + n + " fractions");
    }
    throw new StudyInputException(
        Kind.UNSUPPORTED,
        "no RT Dose of a whole plan, of its beams or of one fraction: DoseSummationType "
            + String.join(
                ", ", other.stream().map(d -> summationType(d, new ArrayList<>())).toList())
            + " cannot be evaluated");
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
    if ("ERROR".equalsIgnoreCase(trim(d.doseType()))) {
      throw new StudyInputException(
          Kind.UNSUPPORTED, "RT Dose " + uid + " has DoseType ERROR: it is not a dose");
    }
    if (d.frames().isEmpty() || d.framePositions().size() != d.frames().size()) {
      throw new StudyInputException(Kind.UNSUPPORTED, "RT Dose " + uid + " has no dose grid");
    }
    double scaling = numbers(d.doseGridScaling(), 1, "DoseGridScaling of " + uid)[0];
    double[] iop = numbers(d.imageOrientationPatient(), 6, "ImageOrientationPatient of " + uid);
    double[] spacing = numbers(d.pixelSpacing(), 2, "PixelSpacing of " + uid);
    int frames = d.frames().size();
    double[] frameZ = new double[frames];
    double[] ipp = numbers(d.framePositions().get(0), 3, "ImagePositionPatient of " + uid);
    for (int f = 0; f < frames; f++) {
      frameZ[f] = numbers(d.framePositions().get(f), 3, "frame position of " + uid)[2];
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

  private static double gyPerUnit(Dose d, OptionalDouble rx, List<String> notes)
      throws StudyInputException {
    String units = trim(d.doseUnits()).toUpperCase(Locale.ROOT);
    String uid = d.header().sopInstanceUid();
    switch (units) {
      case "GY" -> {
        return 1.0;
      }
      case "RELATIVE" -> {
        if (rx.isEmpty()) {
          throw new StudyInputException(
              Kind.INCOMPLETE,
              "RT Dose "
                  + uid
                  + " has DoseUnits RELATIVE (percent of a reference dose); converting it to Gy"
                  + " needs the prescription (TargetPrescriptionDose) of an RT Plan, and none was"
                  + " found. Add the RT Plan to the folder.");
        }
        notes.add(
            String.format(
                Locale.ROOT,
                "RT Dose %s has DoseUnits RELATIVE: converted to Gy as percent of the RT Plan's"
                    + " prescription %.4f Gy",
                uid,
                rx.getAsDouble()));
        return rx.getAsDouble() / 100.0;
      }
      default ->
          throw new StudyInputException(
              Kind.UNSUPPORTED,
              "RT Dose " + uid + " has DoseUnits '" + units + "'; GY or RELATIVE expected");
    }
  }

  private static String summationType(Dose d, List<String> notes) {
    String t = trim(d.summationType()).toUpperCase(Locale.ROOT);
    if (t.isEmpty()) {
      notes.add(
          "RT Dose " + d.header().sopInstanceUid() + " has no DoseSummationType: taken as PLAN");
      return "PLAN";
    }
    return t;
  }

  private static String uids(List<Dose> doses) {
    return String.join(", ", doses.stream().map(d -> d.header().sopInstanceUid()).toList());
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  /**
   * Parses a backslash-separated DICOM decimal string.
   *
   * @param value e.g. "-60\-60\-19.5"
   * @param count expected number of values
   * @param what name for messages
   * @return the numbers
   * @throws StudyInputException ({@link Kind#UNSUPPORTED}) when missing, malformed or of another
   *     count
   */
  static double[] numbers(String value, int count, String what) throws StudyInputException {
    if (value == null || value.isBlank()) {
      throw new StudyInputException(Kind.UNSUPPORTED, what + " is missing");
    }
    String[] parts = value.split("\\\\");
    if (parts.length != count) {
      throw new StudyInputException(
          Kind.UNSUPPORTED,
          what + " holds " + parts.length + " values, " + count + " expected: " + value);
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new StudyInputException(Kind.UNSUPPORTED, what + " is not numeric: " + value);
      }
      if (!Double.isFinite(out[i])) {
        throw new StudyInputException(Kind.UNSUPPORTED, what + " is not finite: " + value);
      }
    }
    return out;
  }
}

package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Series;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.isodose.IsodoseOptions;

/**
 * Loads what the dose calculators need for one study from the dsrt tables and turns it into their
 * inputs: the CT sampling grid, the ROIs' contours, and one dose grid in Gy.
 *
 * <p>Choices (ARCHITECTURE.md, decisions): the structure set is the newest one of the study whose
 * frame of reference has a CT series; the CT series is the one the structure set names, else one in
 * its frame of reference (the one with most slices). The dose is the newest {@code PLAN} dose (or
 * {@code MULTI_PLAN}); without one, the {@code BEAM} doses referring to one plan are summed
 * (docs/algorithms.md §4.1); a {@code FRACTION} dose is multiplied by the plan's number of
 * fractions; a {@code RELATIVE} dose is taken as percent of the plan's prescription. Anything that
 * makes the computation impossible is a {@link MissingInputException} whose message says what is
 * missing.
 */
public final class StudyDoseInputs {

  private final EntityManager em;

  public StudyDoseInputs(EntityManager em) {
    this.em = Objects.requireNonNull(em, "em");
  }

  /**
   * Everything for one study.
   *
   * @param structureSet the structure set used
   * @param rois its ROIs, in ROI order, with their contours converted
   * @param grid the CT sampling grid
   * @param ctImages the CT images in {@code grid}'s slice order (index i ↔ slice i)
   * @param dose the dose grid, Gy
   * @param doseRow the rt_dose row the results are stored under (the first beam of a beam sum)
   * @param doseDescription how the dose was obtained, in words (for the job's detail)
   * @param prescriptionGy the plan's prescription, when known
   */
  public record Inputs(
      RtStructureSet structureSet,
      List<RtRoi> roiRows,
      List<RoiContours> rois,
      SamplingGrid grid,
      List<CtImage> ctImages,
      DoseGrid dose,
      RtDose doseRow,
      String doseDescription,
      Optional<Double> prescriptionGy) {

    /** Isodose levels in % of the prescription, or of the maximum dose when there is none. */
    public IsodoseOptions isodoseOptions() {
      return prescriptionGy
          .filter(rx -> rx > 0)
          .map(IsodoseOptions::ofPrescription)
          .orElseGet(IsodoseOptions::ofMaximum);
    }
  }

  /** Loads and converts; throws {@link MissingInputException} naming what is missing. */
  public Inputs load(int studyId) {
    RtStructureSet structureSet = structureSet(studyId);
    List<CtImage> ct = ctImages(studyId, structureSet);
    SamplingGrid grid = samplingGrid(ct);
    List<RtRoi> roiRows =
        em.createNamedQuery(RtRoi.FIND_BY_STRUCTURE_SET, RtRoi.class)
            .setParameter("structureSetId", structureSet.getId())
            .getResultList();
    Map<Integer, List<Contour>> contours = new LinkedHashMap<>();
    for (RtContour contour :
        em.createQuery(
                "select c from RtContour c where c.structureSet.id = :id order by c.id",
                RtContour.class)
            .setParameter("id", structureSet.getId())
            .getResultList()) {
      contours
          .computeIfAbsent(contour.getRoi().getId(), k -> new ArrayList<>())
          .add(
              new Contour(
                  contourType(contour.getContourGeometricType()),
                  ContourPoints.parse(contour.getContourData())));
    }
    List<RoiContours> rois = new ArrayList<>();
    for (RtRoi roi : roiRows) {
      rois.add(
          new RoiContours(
              roiNumber(roi), roi.getRoiName(), contours.getOrDefault(roi.getId(), List.of())));
    }
    Optional<RtPlan> plan = plan(studyId);
    Optional<Double> rx = plan.map(RtPlan::getPrescriptionDoseGy);
    DoseSelection selection = dose(studyId, plan);
    return new Inputs(
        structureSet,
        roiRows,
        rois,
        grid,
        ct,
        selection.grid(),
        selection.row(),
        selection.description(),
        rx);
  }

  private RtStructureSet structureSet(int studyId) {
    List<RtStructureSet> sets =
        em.createQuery(
                "select s from RtStructureSet s where s.study.id = :id order by s.id desc",
                RtStructureSet.class)
            .setParameter("id", studyId)
            .getResultList();
    if (sets.isEmpty()) {
      throw new MissingInputException("the study has no RT Structure Set");
    }
    for (RtStructureSet set : sets) {
      String frame = set.getSeries().getFrameOfReferenceUid();
      if (frame == null || !ctSeries(studyId, frame).isEmpty()) {
        return set;
      }
    }
    throw new MissingInputException(
        "no CT series in the frame of reference of the study's RT Structure Set");
  }

  private List<Series> ctSeries(int studyId, String frame) {
    return em.createQuery(
            "select s from Series s where s.study.id = :id and s.modality = 'CT'"
                + (frame == null ? "" : " and s.frameOfReferenceUid = :frame"),
            Series.class)
        .setParameter("id", studyId)
        .setParameter("frame", frame)
        .getResultList();
  }

  private List<CtImage> ctImages(int studyId, RtStructureSet set) {
    List<Series> candidates = ctSeries(studyId, set.getSeries().getFrameOfReferenceUid());
    if (candidates.isEmpty()) {
      candidates = ctSeries(studyId, null);
    }
    Series chosen = null;
    List<CtImage> images = List.of();
    for (Series series : candidates) {
      List<CtImage> slices =
          em.createQuery(
                  "select c from CtImage c where c.series.id = :id order by c.id", CtImage.class)
              .setParameter("id", series.getId())
              .getResultList();
      boolean named = series.getSeriesInstanceUid().equals(set.getReferencedSeriesInstanceUid());
      if (named || slices.size() > images.size()) {
        chosen = series;
        images = slices;
        if (named) {
          break;
        }
      }
    }
    if (chosen == null || images.isEmpty()) {
      throw new MissingInputException("the study has no CT images");
    }
    return images;
  }

  static SamplingGrid samplingGrid(List<CtImage> ct) {
    CtImage first = ct.get(0);
    double[] spacing = decimals(first.getPixelSpacing(), 2, "CT PixelSpacing");
    List<double[]> positions = new ArrayList<>();
    for (CtImage image : ct) {
      positions.add(decimals(image.getImagePositionPatient(), 3, "CT ImagePositionPatient"));
      if (!Objects.equals(image.getRows(), first.getRows())
          || !Objects.equals(image.getColumns(), first.getColumns())) {
        throw new MissingInputException(
            "the CT slices differ in size (" + image.getSopInstanceUid() + ")");
      }
    }
    double thickness =
        first.getSliceThickness() == null
            ? Double.NaN
            : parseOr(first.getSliceThickness(), Double.NaN);
    return new SamplingGrid(
        positions,
        ImageOrientation.of(
            decimals(first.getImageOrientationPatient(), 6, "CT ImageOrientationPatient")),
        spacing[0],
        spacing[1],
        first.getRows(),
        first.getColumns(),
        thickness);
  }

  private Optional<RtPlan> plan(int studyId) {
    return em
        .createNamedQuery(RtPlan.FIND_BY_STUDY, RtPlan.class)
        .setParameter("studyId", studyId)
        .getResultList()
        .stream()
        .max(Comparator.comparing(RtPlan::getId));
  }

  private record DoseSelection(DoseGrid grid, RtDose row, String description) {}

  private DoseSelection dose(int studyId, Optional<RtPlan> plan) {
    List<RtDose> doses =
        em.createQuery(
                "select d from RtDose d where d.study.id = :id order by d.id desc", RtDose.class)
            .setParameter("id", studyId)
            .getResultList();
    List<RtDose> withGrid = doses.stream().filter(this::hasGrid).toList();
    if (withGrid.isEmpty()) {
      throw new MissingInputException("the study has no RT Dose with a dose grid");
    }
    Optional<RtDose> planDose =
        withGrid.stream()
            .filter(
                d ->
                    d.getDoseSummationType() == null
                        || List.of("PLAN", "MULTI_PLAN", "FRACTION")
                            .contains(d.getDoseSummationType()))
            .findFirst();
    if (planDose.isPresent()) {
      RtDose row = planDose.get();
      DoseGrid grid = grid(row, toGyFactor(row, plan));
      return new DoseSelection(
          grid,
          row,
          Optional.ofNullable(row.getDoseSummationType()).orElse("unspecified")
              + " dose "
              + row.getSopInstanceUid());
    }
    List<RtDose> beams =
        withGrid.stream().filter(d -> "BEAM".equals(d.getDoseSummationType())).toList();
    if (beams.isEmpty()) {
      throw new MissingInputException(
          "no PLAN or BEAM dose (summation types: "
              + withGrid.stream().map(RtDose::getDoseSummationType).distinct().toList()
              + ")");
    }
    String planUid = beams.get(0).getReferencedRtPlan();
    List<RtDose> samePlan =
        beams.stream().filter(d -> Objects.equals(d.getReferencedRtPlan(), planUid)).toList();
    List<DoseGrid> grids = new ArrayList<>();
    for (RtDose beam : samePlan) {
      grids.add(grid(beam, toGyFactor(beam, plan)));
    }
    RtDose first = samePlan.get(samePlan.size() - 1);
    return new DoseSelection(
        DoseGrid.sum(grids), first, "sum of " + samePlan.size() + " BEAM doses of plan " + planUid);
  }

  private boolean hasGrid(RtDose dose) {
    return em.createQuery("select count(i) from RtDoseImage i where i.dose.id = :id", Long.class)
            .setParameter("id", dose.getId())
            .getSingleResult()
        > 0;
  }

  /** The dose grid in Gy: stored value × DoseGridScaling × {@code factor}. */
  private DoseGrid grid(RtDose dose, double factor) {
    List<RtDoseImage> frames =
        em.createQuery(
                "select i from RtDoseImage i where i.dose.id = :id order by i.frameNumber, i.id",
                RtDoseImage.class)
            .setParameter("id", dose.getId())
            .getResultList();
    RtDoseImage first = frames.get(0);
    int rows = first.getRows();
    int columns = first.getColumns();
    int perFrame = rows * columns;
    double scaling = parseOr(dose.getDoseGridScaling(), Double.NaN) * factor;
    if (!(scaling > 0)) {
      throw new MissingInputException(
          "RT Dose " + dose.getSopInstanceUid() + " has no usable DoseGridScaling");
    }
    float[] values = new float[frames.size() * perFrame];
    double[] z = new double[frames.size()];
    for (int f = 0; f < frames.size(); f++) {
      RtDoseImage frame = frames.get(f);
      long[] stored =
          DoseImageData.decode(
              frame.getImageData(),
              perFrame,
              frame.getBitsAllocated() == null ? 32 : frame.getBitsAllocated(),
              Integer.valueOf(1).equals(frame.getPixelRepresentation()));
      for (int i = 0; i < perFrame; i++) {
        values[f * perFrame + i] = (float) (stored[i] * scaling);
      }
      z[f] = decimals(frame.getImagePositionPatient(), 3, "RT Dose ImagePositionPatient")[2];
    }
    double[] spacing = decimals(first.getPixelSpacing(), 2, "RT Dose PixelSpacing");
    return new DoseGrid(
        decimals(first.getImagePositionPatient(), 3, "RT Dose ImagePositionPatient"),
        ImageOrientation.of(
            decimals(first.getImageOrientationPatient(), 6, "RT Dose ImageOrientationPatient")),
        spacing[0],
        spacing[1],
        rows,
        columns,
        z,
        values);
  }

  /** The factor from the file's dose units to the plan's total dose in Gy (FRACTION, RELATIVE). */
  private static double toGyFactor(RtDose dose, Optional<RtPlan> plan) {
    double factor = 1;
    if ("RELATIVE".equalsIgnoreCase(dose.getDoseUnits())) {
      Double rx = plan.map(RtPlan::getPrescriptionDoseGy).orElse(null);
      if (rx == null) {
        throw new MissingInputException(
            "the RT Dose is RELATIVE (percent) and no RT Plan gives the prescription to convert"
                + " it to Gy");
      }
      factor *= rx / 100.0;
    }
    if ("FRACTION".equals(dose.getDoseSummationType())) {
      Integer fractions = plan.map(RtPlan::getNumberOfFractionsPlanned).orElse(null);
      if (fractions == null) {
        throw new MissingInputException(
            "the RT Dose is per FRACTION and no RT Plan gives the number of fractions");
      }
      factor *= fractions;
    }
    return factor;
  }

  static int roiNumber(RtRoi roi) {
    try {
      return Integer.parseInt(roi.getRoiNumber().trim());
    } catch (RuntimeException e) {
      return roi.getId();
    }
  }

  private static ContourType contourType(String value) {
    try {
      return value == null ? ContourType.CLOSED_PLANAR : ContourType.fromDicom(value);
    } catch (RuntimeException e) {
      return ContourType.OPEN_NONPLANAR;
    }
  }

  static double[] decimals(String text, int count, String what) {
    if (text == null) {
      throw new MissingInputException(what + " is missing");
    }
    String[] parts = text.trim().split("\\\\");
    if (parts.length != count) {
      throw new MissingInputException(
          what + " has " + parts.length + " values, " + count + " expected");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = parseOr(parts[i], Double.NaN);
      if (!Double.isFinite(values[i])) {
        throw new MissingInputException(what + " value '" + parts[i] + "' is not a number");
      }
    }
    return values;
  }

  private static double parseOr(String text, double fallback) {
    try {
      return Double.parseDouble(text.trim());
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}

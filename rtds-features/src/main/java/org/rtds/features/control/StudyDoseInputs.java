package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Series;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.domain.rt.PlanQueries;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.rt.StructureSetQueries;
import org.rtds.features.boundary.MissingInputException;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.inputs.CtGeometry;
import org.rtds.features.dose.inputs.DicomNumbers;
import org.rtds.features.dose.inputs.DoseChoice;
import org.rtds.features.dose.inputs.DoseChoice.Ambiguity;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.isodose.IsodoseOptions;

/**
 * Loads what the dose calculators need for one study from the dsrt tables and turns it into their
 * inputs: the CT sampling grid, the ROIs' contours, and one dose grid in Gy.
 *
 * <p>Choices (ARCHITECTURE.md, decisions): the structure set is the newest one of the study whose
 * frame of reference has a CT series; the CT series is the one the structure set names, else one in
 * its frame of reference (the one with most slices). The plan is the newest RT Plan of the study
 * ({@link PlanQueries#newest}: also where the prescription of relative metrics comes from). Which
 * doses make the total dose and their units are decided by {@link DoseChoice}, the same rule {@code
 * ./rtds dvh} follows, with {@link Ambiguity#NEWEST}: a corrected dose sent again under a new UID
 * replaces the older one. The CT geometry is checked by {@link CtGeometry}. Anything that makes the
 * computation impossible is a {@link MissingInputException} whose message says what is missing.
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
   * @param prescriptionGy the plan's prescription (Gy), when it states a positive one ({@link
   *     PlanQueries#prescriptionGy})
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
    return load(studyId, true);
  }

  /**
   * What the isodose lines of one image need: as {@link #load}, without the ROIs (their rows and
   * contours are empty lists), so a viewer's request for one image does not parse every contour.
   */
  public Inputs loadWithoutRois(int studyId) {
    return load(studyId, false);
  }

  private Inputs load(int studyId, boolean withRois) {
    RtStructureSet structureSet = structureSet(studyId);
    List<CtImage> ct = ctImages(studyId, structureSet);
    SamplingGrid grid = samplingGrid(ct);
    List<RtRoi> roiRows = withRois ? StructureSetQueries.rois(em, structureSet.getId()) : List.of();
    List<RoiContours> rois = withRois ? contours(structureSet, roiRows) : List.of();
    Optional<RtPlan> plan = PlanQueries.newest(em, studyId);
    Optional<Double> rx = plan.flatMap(PlanQueries::prescriptionGy);
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

  /**
   * The structure set the features use (see the class comment).
   *
   * @return it, empty when the study has no structure set with a CT series
   */
  public Optional<RtStructureSet> featureStructureSet(int studyId) {
    try {
      return Optional.of(structureSet(studyId));
    } catch (MissingInputException e) {
      return Optional.empty();
    }
  }

  /**
   * The planning CT's images: those of the series the features use when the study has a structure
   * set with a CT series, else the study's CT series with the most images.
   *
   * @throws MissingInputException when the study has no CT image
   */
  public List<CtImage> planningCt(int studyId) {
    // a CT without structures is still a CT to look at
    return ctImages(studyId, featureStructureSet(studyId).orElse(null));
  }

  /**
   * The dose the features use, in Gy (the same choice as {@link #load}).
   *
   * @throws MissingInputException when the study has no usable dose
   */
  public DoseGrid doseGrid(int studyId) {
    return dose(studyId, PlanQueries.newest(em, studyId)).grid();
  }

  private List<RoiContours> contours(RtStructureSet structureSet, List<RtRoi> roiRows) {
    Map<Integer, List<Contour>> contours = new LinkedHashMap<>();
    for (RtContour contour : StructureSetQueries.contours(em, structureSet.getId())) {
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
    return rois;
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

  /** The study's CT series, of one frame of reference or (frame null) of any. */
  private List<Series> ctSeries(int studyId, String frame) {
    TypedQuery<Series> query =
        em.createQuery(
                "select s from Series s where s.study.id = :id and s.modality = 'CT'"
                    + (frame == null ? "" : " and s.frameOfReferenceUid = :frame"),
                Series.class)
            .setParameter("id", studyId);
    // a parameter the text does not name is an error in Hibernate 6
    return (frame == null ? query : query.setParameter("frame", frame)).getResultList();
  }

  /**
   * The CT images of the series a structure set was drawn on (see the class comment), or with
   * {@code set} null the study's largest CT series.
   *
   * @throws MissingInputException when there is no CT image
   */
  public List<CtImage> ctImages(int studyId, RtStructureSet set) {
    List<Series> candidates =
        set == null
            ? ctSeries(studyId, null)
            : ctSeries(studyId, set.getSeries().getFrameOfReferenceUid());
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
      boolean named =
          set != null && series.getSeriesInstanceUid().equals(set.getReferencedSeriesInstanceUid());
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
    List<CtGeometry.Slice> slices = new ArrayList<>(ct.size());
    for (CtImage image : ct) {
      slices.add(
          new CtGeometry.Slice(
              image.getSopInstanceUid(),
              image.getImagePositionPatient(),
              image.getImageOrientationPatient(),
              image.getPixelSpacing(),
              image.getRows() == null ? 0 : image.getRows(),
              image.getColumns() == null ? 0 : image.getColumns(),
              image.getSliceThickness()));
    }
    try {
      return CtGeometry.samplingGrid(slices);
    } catch (StudyInputException e) {
      throw new MissingInputException(e.getMessage());
    }
  }

  private record DoseSelection(DoseGrid grid, RtDose row, String description) {}

  private DoseSelection dose(int studyId, Optional<RtPlan> plan) {
    List<RtDose> withGrid =
        em
            .createQuery(
                "select d from RtDose d where d.study.id = :id order by d.id desc", RtDose.class)
            .setParameter("id", studyId)
            .getResultList()
            .stream()
            .filter(this::hasGrid)
            .toList();
    if (withGrid.isEmpty()) {
      throw new MissingInputException("the study has no RT Dose with a dose grid");
    }
    DoseChoice.Choice choice;
    try {
      choice =
          DoseChoice.choose(
              withGrid.stream()
                  .map(
                      d ->
                          new DoseChoice.Dose(
                              d.getSopInstanceUid(),
                              d.getDoseSummationType(),
                              d.getDoseUnits(),
                              d.getDoseType(),
                              d.getReferencedRtPlan(),
                              d.getReferencedBeamNumber()))
                  .toList(),
              plan.map(
                  p ->
                      DoseChoice.Plan.of(
                          p.getSopInstanceUid(),
                          p.getPrescriptionDoseGy(),
                          p.getNumberOfFractionsPlanned())),
              Ambiguity.NEWEST);
    } catch (StudyInputException e) {
      throw new MissingInputException(e.getMessage());
    }
    List<DoseGrid> grids = new ArrayList<>();
    for (DoseChoice.Part part : choice.parts()) {
      grids.add(grid(withGrid.get(part.index()), part.gyPerUnit()));
    }
    String description =
        choice.notes().isEmpty()
            ? choice.description()
            : choice.description() + " (" + String.join("; ", choice.notes()) + ")";
    // results are stored under the oldest dose of a beam sum (the first beam), else the dose used
    RtDose row = withGrid.get(choice.parts().get(choice.parts().size() - 1).index());
    try {
      return new DoseSelection(
          grids.size() == 1 ? grids.get(0) : DoseGrid.sum(grids), row, description);
    } catch (IllegalArgumentException e) {
      throw new MissingInputException("the BEAM doses cannot be summed: " + e.getMessage());
    }
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
    try {
      return DicomNumbers.parse(text, count, what);
    } catch (StudyInputException e) {
      throw new MissingInputException(e.getMessage());
    }
  }

  private static double parseOr(String text, double fallback) {
    try {
      return Double.parseDouble(text.trim());
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}

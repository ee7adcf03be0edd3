package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rtds.domain.feature.DoseConstraint;
import org.rtds.features.control.ConstraintCheck;
import org.rtds.features.control.DoseFeatureWriter;
import org.rtds.features.dose.metric.MetricValue;

/**
 * Evaluates the active dose constraints ({@code rtds_dose_constraint}) on a study: each constraint
 * applies to the study's ROIs with its TG-263 standard name, on their computed DVH (the planning
 * system's embedded DVH when RTDS has not computed one). Read-only.
 */
@ApplicationScoped
public class StudyConstraints {

  private static final String COMPUTED = DoseFeatureWriter.COMPUTED;

  @PersistenceContext EntityManager em;

  @Inject StudyDvhs dvhs;

  /**
   * One evaluated constraint on one ROI.
   *
   * @param value the metric's value, in {@code unit}; null when it cannot be evaluated
   * @param passed null when not evaluable
   * @param margin room left (positive) or excess (negative), in {@code unit}
   * @param source the DVH used: COMPUTED or TPS_EMBEDDED
   */
  public record Result(
      int constraintId,
      String roiNumber,
      String roiName,
      String standardName,
      String metric,
      String comparator,
      double limit,
      String unit,
      Double value,
      Boolean passed,
      Double margin,
      String dvhSource,
      String constraintSource,
      String note,
      String description) {}

  /**
   * Evaluates the active constraints on the study, reading its ROIs and DVHs once.
   *
   * @param studyId the study
   * @return one result per constraint and ROI it applies to, in ROI order
   */
  public List<Result> evaluate(int studyId) {
    List<DoseConstraint> active = active();
    List<StudyDvhs.Roi> rois = dvhs.rois(studyId);
    return evaluate(rois, dvhs.dvhs(studyId, rois, metricsOf(active)), active);
  }

  /**
   * The metric expressions the active constraints are stated in: a caller that reads the DVHs
   * itself asks for these (and its own) and hands them to {@link #evaluate(List, List)}.
   */
  public List<String> metrics() {
    return metricsOf(active());
  }

  /**
   * Evaluates the active constraints on DVHs the caller has read already.
   *
   * @param rois the study's ROIs ({@link StudyDvhs#rois})
   * @param studyDvhs the study's DVHs (of every ROI) with at least {@link #metrics()} evaluated; a
   *     ROI with none is reported as "no DVH for this ROI yet"
   * @return one result per constraint and ROI it applies to, in ROI order
   */
  public List<Result> evaluate(List<StudyDvhs.Roi> rois, List<StudyDvhs.Dvh> studyDvhs) {
    return evaluate(rois, studyDvhs, active());
  }

  private List<DoseConstraint> active() {
    return em.createNamedQuery(DoseConstraint.FIND_ACTIVE, DoseConstraint.class).getResultList();
  }

  private static List<String> metricsOf(List<DoseConstraint> constraints) {
    return constraints.stream().map(DoseConstraint::getMetric).distinct().toList();
  }

  private static List<Result> evaluate(
      List<StudyDvhs.Roi> rois, List<StudyDvhs.Dvh> studyDvhs, List<DoseConstraint> constraints) {
    // per ROI number: the DVH RTDS computed, else the first the planning system embedded
    Map<String, StudyDvhs.Dvh> byRoiNumber = new HashMap<>();
    for (StudyDvhs.Dvh d : studyDvhs) {
      byRoiNumber.merge(
          d.roi().roiNumber(),
          d,
          (a, b) -> !COMPUTED.equals(a.source()) && COMPUTED.equals(b.source()) ? b : a);
    }
    List<Result> results = new ArrayList<>();
    for (StudyDvhs.Roi roi : rois) {
      if (roi.standardName() == null) {
        continue;
      }
      Optional<StudyDvhs.Dvh> dvh = Optional.ofNullable(byRoiNumber.get(roi.roiNumber()));
      for (DoseConstraint constraint : constraints) {
        if (constraint.getStandardName().equals(roi.standardName())) {
          results.add(result(constraint, roi, dvh));
        }
      }
    }
    return results;
  }

  private static Result result(DoseConstraint c, StudyDvhs.Roi roi, Optional<StudyDvhs.Dvh> dvh) {
    Double value = null;
    Boolean passed = null;
    Double margin = null;
    String note = c.getNote();
    if (dvh.isEmpty()) {
      note = "no DVH for this ROI yet";
    } else {
      Optional<MetricValue> metric =
          dvh.get().metrics().stream().filter(m -> m.metric().equals(canonical(c))).findFirst();
      if (metric.isPresent() && metric.get().value().isPresent()) {
        value = metric.get().value().getAsDouble();
        passed = ConstraintCheck.passes(c.getComparator(), value, c.getLimitValue());
        margin = ConstraintCheck.margin(c.getComparator(), value, c.getLimitValue());
      } else {
        note = metric.map(MetricValue::note).orElse("metric not evaluated");
      }
    }
    return new Result(
        c.getId(),
        roi.roiNumber(),
        roi.name(),
        roi.standardName(),
        c.getMetric(),
        c.getComparator(),
        c.getLimitValue(),
        c.getUnit(),
        value,
        passed,
        margin,
        dvh.map(StudyDvhs.Dvh::source).orElse(null),
        c.getSource(),
        note,
        ConstraintCheck.describe(
            roi.standardName(), c.getMetric(), c.getComparator(), c.getLimitValue(), c.getUnit()));
  }

  private static String canonical(DoseConstraint c) {
    return org.rtds.features.dose.metric.MetricParser.parse(c.getMetric()).canonicalName();
  }
}

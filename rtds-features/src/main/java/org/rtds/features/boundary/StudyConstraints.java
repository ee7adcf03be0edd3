package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  public List<Result> evaluate(int studyId) {
    List<DoseConstraint> constraints =
        em.createNamedQuery(DoseConstraint.FIND_ACTIVE, DoseConstraint.class).getResultList();
    List<Result> results = new ArrayList<>();
    for (StudyDvhs.Roi roi : dvhs.rois(studyId)) {
      if (roi.standardName() == null) {
        continue;
      }
      List<DoseConstraint> applicable =
          constraints.stream().filter(c -> c.getStandardName().equals(roi.standardName())).toList();
      if (applicable.isEmpty()) {
        continue;
      }
      List<String> metrics = applicable.stream().map(DoseConstraint::getMetric).distinct().toList();
      Optional<StudyDvhs.Dvh> dvh =
          dvhs.dvhs(studyId, roi.roiNumber(), metrics).stream()
              .min(
                  Comparator.comparing(d -> DoseFeatureWriter.COMPUTED.equals(d.source()) ? 0 : 1));
      for (DoseConstraint constraint : applicable) {
        results.add(result(constraint, roi, dvh));
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

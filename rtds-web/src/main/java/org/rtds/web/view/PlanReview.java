package org.rtds.web.view;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;

/**
 * What the study page and the QC report show of a plan's DVHs: the curves with the metric table's
 * {@link StudyReviewView#METRICS} (first, in that order) and the active dose constraints checked on
 * them, from one read of the study's ROIs and DVHs (each curve decoded once).
 *
 * @param dvhs the curves shown ({@link DvhChart#shown}), {@code METRICS} first in each
 * @param checks the constraints checked on every DVH of the study
 */
record PlanReview(List<StudyDvhs.Dvh> dvhs, List<StudyConstraints.Result> checks) {

  static PlanReview read(StudyDvhs dvhs, StudyConstraints constraints, int studyId) {
    Set<String> metrics = new LinkedHashSet<>(StudyReviewView.METRICS);
    metrics.addAll(constraints.metrics());
    List<StudyDvhs.Roi> rois = dvhs.rois(studyId);
    List<StudyDvhs.Dvh> all = dvhs.dvhs(studyId, rois, List.copyOf(metrics));
    return new PlanReview(DvhChart.shown(all), constraints.evaluate(rois, all));
  }
}

package org.rtds.web.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;

/**
 * Everything the PDF report of one study shows, as read by the QC page: the study, its DVHs and
 * dose metrics (Gy), the constraints checked, the achievable-dose check and who made the report
 * when. Plain data: {@link QcReportPdf} draws it without reading anything else.
 *
 * @param study the study and its patient
 * @param curves the DVH of each structure, as the study page draws it ({@code DvhChart.shown})
 * @param metricNames the metrics of the metric table, in the order of each curve's metrics
 * @param constraints the dose constraints checked (may be empty)
 * @param qc the achievable-dose check
 * @param provenance who made the report, when, where and with which RTDS
 */
public record QcReport(
    Study study,
    List<StudyDvhs.Dvh> curves,
    List<String> metricNames,
    List<StudyConstraints.Result> constraints,
    Findings qc,
    Provenance provenance) {

  /** Copies the lists. */
  public QcReport {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(qc, "qc");
    Objects.requireNonNull(provenance, "provenance");
    curves = List.copyOf(curves);
    metricNames = List.copyOf(metricNames);
    constraints = List.copyOf(constraints);
  }

  /**
   * The study as the report names it.
   *
   * @param patientName the patient's name as people write it ({@code PersonNames.display})
   * @param patientId DICOM Patient ID
   * @param studyDate Study Date, null when not sent
   * @param description Study Description, null when not sent
   * @param studyInstanceUid Study Instance UID
   * @param prescriptionGy the plan's prescription (Gy), null when unknown
   */
  public record Study(
      String patientName,
      String patientId,
      LocalDate studyDate,
      String description,
      String studyInstanceUid,
      Double prescriptionGy) {}

  /** Why the check shows findings or not. */
  public enum Status {
    /** Rows of the check, at least one organ compared with plans of the knowledge base. */
    SHOWN,
    /** The study's features are not computed (yet): nothing to compare. */
    NOT_COMPUTED,
    /** The account may not use the knowledge base ({@code view_knowledgebase}). */
    NOT_PERMITTED,
    /** No organ of the study has a comparable plan in the knowledge base. */
    TOO_FEW_PLANS
  }

  /**
   * The achievable-dose check.
   *
   * @param status whether there are findings, or why not
   * @param detail why features are not computed (the feature job's words), else null
   * @param toleranceGy τ (Gy): an organ is flagged above achievable + τ
   * @param k how many most similar plans the top-k summaries use
   * @param rows one per organ, as {@code KnowledgeBase.qc} gives them (empty unless SHOWN)
   */
  public record Findings(
      Status status, String detail, double toleranceGy, int k, List<KnowledgeBase.QcRow> rows) {

    /** Copies the rows. */
    public Findings {
      Objects.requireNonNull(status, "status");
      rows = List.copyOf(rows);
    }

    /** The status these rows give: TOO_FEW_PLANS when no organ has a comparable plan. */
    public static Status statusOf(List<KnowledgeBase.QcRow> rows) {
      return rows.stream().anyMatch(r -> r.candidates() > 0) ? Status.SHOWN : Status.TOO_FEW_PLANS;
    }

    /** The organs flagged, in row order. */
    public List<KnowledgeBase.QcRow> flagged() {
      return rows.stream().filter(KnowledgeBase.QcRow::flagged).toList();
    }

    /** The most comparable plans any organ had (0 without rows). */
    public int mostCandidates() {
      return rows.stream().mapToInt(KnowledgeBase.QcRow::candidates).max().orElse(0);
    }
  }

  /**
   * Who made the report, when and with what.
   *
   * @param generatedAt when (shown in UTC)
   * @param user the account's name
   * @param hospital the account's hospital, null or blank for none
   * @param version the RTDS version ({@code BuildInfo.version})
   */
  public record Provenance(Instant generatedAt, String user, String hospital, String version) {}
}

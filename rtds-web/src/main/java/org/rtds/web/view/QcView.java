package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.security.boundary.Account;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.boot.BuildInfo;
import org.rtds.web.boot.RtdsConfig;
import org.rtds.web.report.QcReport;
import org.rtds.web.report.QcReportPdf;

/**
 * The achievable-dose check of one study ({@code qc.xhtml?uid=}): per organ at risk this plan's
 * D50% (Gy) against the lowest D50% that plans with harder or equal geometry achieved, the flag,
 * the rule (metric, tolerance τ in Gy, k) and the evidence plans, read through {@code
 * KnowledgeBase.qc} exactly as the API's {@code GET /studies/{uid}/qc} (other hospitals' plans
 * under their de-identified keys only); and the one-click PDF report of the study ({@code
 * report=pdf}). A study of another hospital, or one that does not exist, answers 404 in plain
 * words; the page needs {@code view_patient} (web.xml), the check also {@code view_knowledgebase},
 * as the API.
 */
@Named
@RequestScoped
public class QcView {

  @Inject PatientRecords records;

  @Inject KnowledgeBase knowledgeBase;

  @Inject StudyDvhs dvhs;

  @Inject StudyConstraints constraints;

  @Inject CallerAccount caller;

  @Inject RtdsConfig config;

  /** The value of {@code report} that asks for the PDF. */
  static final String PDF = "pdf";

  private String uid;

  private String report;

  private StudyRecord study;

  private QcReport.Findings findings;

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  /** {@value #PDF} for the PDF report instead of the page. */
  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }

  /**
   * The view action: reads the study and its check, or answers 404; with {@code report=pdf} it
   * answers the study's PDF report instead of the page.
   */
  public void load() throws IOException {
    Optional<Integer> id = visible();
    if (id.isEmpty()) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
      return;
    }
    if (PDF.equals(report)) {
      download(id.get());
      return;
    }
    study = records.study(id.get());
    findings = findings(id.get());
  }

  /**
   * The PDF report of the study as an attachment {@code rtds-report-<PatientID>-<date>.pdf} (date
   * of generation, UTC). A GET ({@code qc.xhtml?uid=…&report=pdf}), so a page left open longer than
   * its view state lives still downloads, under the page's permission and visibility.
   */
  private void download(int studyId) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    StudyRecord record = records.study(studyId);
    QcReport.Findings qc = findings(record, studyId);
    PlanReview review =
        computed(record)
            ? PlanReview.read(dvhs, constraints, studyId)
            : new PlanReview(List.of(), List.of());
    Account account = caller.get();
    OptionalDouble rx = dvhs.prescriptionGy(studyId);
    QcReport content =
        new QcReport(
            new QcReport.Study(
                PersonNames.display(record.study().patientName()),
                record.study().patientId(),
                record.study().studyDate(),
                record.study().description(),
                record.study().studyInstanceUid(),
                rx.isPresent() ? rx.getAsDouble() : null),
            review.dvhs(),
            StudyReviewView.METRICS,
            review.checks(),
            qc,
            new QcReport.Provenance(
                Instant.now(), account.username(), account.hospital(), BuildInfo.version()));
    byte[] pdf =
        QcReportPdf.write(
            content,
            ResourceBundle.getBundle("org.rtds.web.messages", faces.getViewRoot().getLocale()));
    external.responseReset();
    external.setResponseContentType("application/pdf");
    external.setResponseContentLength(pdf.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"" + fileName(record.study().patientId(), content) + "\"");
    external.setResponseHeader("Cache-Control", "no-store");
    try (OutputStream out = external.getResponseOutputStream()) {
      out.write(pdf);
    }
    faces.responseComplete();
  }

  /**
   * {@code rtds-report-<PatientID>-<yyyy-MM-dd>.pdf}, the Patient ID reduced to letters, digits,
   * {@code .}, {@code _} and {@code -} so that it is a safe file name and header value.
   */
  static String fileName(String patientId, QcReport report) {
    String id = patientId == null ? "" : patientId.replaceAll("[^A-Za-z0-9._-]", "_");
    return "rtds-report-"
        + (id.isEmpty() ? "patient" : id)
        + "-"
        + report.provenance().generatedAt().atZone(ZoneOffset.UTC).toLocalDate()
        + ".pdf";
  }

  private Optional<Integer> visible() {
    return uid == null || uid.isBlank()
        ? Optional.empty()
        : records.visibleStudy(uid, caller.senders(), caller.get().id());
  }

  private QcReport.Findings findings(int studyId) {
    return findings(study, studyId);
  }

  /** The check, or why there is none: features not done, no permission, no comparable plan. */
  private QcReport.Findings findings(StudyRecord record, int studyId) {
    KnowledgeBase.Settings settings = config.knowledgeBase();
    if (!computed(record)) {
      return new QcReport.Findings(
          QcReport.Status.NOT_COMPUTED,
          record.study().featureDetail(),
          settings.toleranceGy(),
          settings.topK(),
          List.of());
    }
    if (!caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE)) {
      return new QcReport.Findings(
          QcReport.Status.NOT_PERMITTED, null, settings.toleranceGy(), settings.topK(), List.of());
    }
    List<KnowledgeBase.QcRow> rows =
        knowledgeBase.qc(studyId, caller.knowledgeBaseCaller(), settings);
    QcReport.Status status = QcReport.Findings.statusOf(rows);
    return new QcReport.Findings(
        status,
        null,
        settings.toleranceGy(),
        settings.topK(),
        status == QcReport.Status.SHOWN ? rows : List.of());
  }

  private static boolean computed(StudyRecord record) {
    return record.study().featureStatus() == FeatureJobStatus.DONE;
  }

  public boolean isNotFound() {
    return study == null;
  }

  public StudyRecord getStudy() {
    return study;
  }

  public String getPatientName() {
    return study == null ? "" : PersonNames.display(study.study().patientName());
  }

  /** The check, or why there is none (null before {@link #load} found the study). */
  public QcReport.Findings getFindings() {
    return findings;
  }

  /** SHOWN, NOT_COMPUTED, NOT_PERMITTED or TOO_FEW_PLANS, for the page. */
  public String getStatus() {
    return findings == null ? "" : findings.status().name();
  }

  public List<KnowledgeBase.QcRow> getRows() {
    return findings == null ? List.of() : findings.rows();
  }

  public List<KnowledgeBase.QcRow> getFlagged() {
    return findings == null ? List.of() : findings.flagged();
  }

  /** The flagged organs' TG-263 names, comma-separated. */
  public String getFlaggedNames() {
    return String.join(", ", getFlagged().stream().map(KnowledgeBase.QcRow::oar).toList());
  }

  /** Whether some organ had fewer comparable plans than k, so the page warns. */
  public boolean isFewPlans() {
    return findings != null
        && findings.status() == QcReport.Status.SHOWN
        && findings.mostCandidates() < findings.k();
  }

  /** One line of what the k most similar plans achieved, doses in Gy with two decimals. */
  public String topK(KnowledgeBase.TopMetric metric) {
    ResourceBundle text = Texts.bundle();
    return QcReportPdf.topK(text.getString("qc.topK.metric"), metric);
  }

  /** The rule as the knowledge base applied it (the same for every organ). */
  public String getRule() {
    return getRows().isEmpty() ? "" : getRows().get(0).rule();
  }
}

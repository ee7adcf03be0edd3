package org.rtds.web.view.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.api.audit.AuditResource;
import org.rtds.web.api.audit.AuditResource.Entry;
import org.rtds.web.api.csv.CsvColumns;
import org.rtds.web.api.csv.CsvWriter;

/**
 * {@code audit.xhtml}: the audit trail for auditors ({@code view_auditevent}): search by time,
 * account, patient, study, type and outcome; export what was found as CSV. Using it is audited.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Entries shown on the page, newest first. */
  static final int SHOWN = 500;

  /** Entries one CSV export holds at most. */
  static final int EXPORTED = 100_000;

  @Inject transient AuditTrail trail;

  @Inject transient PageActions actions;

  private LocalDate from;
  private LocalDate to;
  private String user;
  private Integer patient;
  private String study;
  private String type;
  private Short outcome;
  private List<Entry> entries;
  private long total;

  public List<Entry> getEntries() {
    if (entries == null) {
      search();
    }
    return entries;
  }

  public void search() {
    AuditTrail.Page page = trail.search(query(SHOWN));
    entries = page.items().stream().map(AuditResource::entry).toList();
    total = page.total();
    used("audit-read");
  }

  /** Sends what the search finds (up to 100,000 entries) as {@code audit.csv}. */
  public void export() throws IOException {
    AuditTrail.Page page = trail.search(query(EXPORTED));
    used("audit-export");
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    try (Writer out =
        new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
      CsvWriter.write(
          AuditResource.page(page),
          AuditResource.EntryPage.class.getAnnotation(CsvColumns.class),
          out);
    }
    faces.responseComplete();
  }

  private AuditTrail.Query query(int size) {
    return new AuditTrail.Query(
        from == null ? null : from.atStartOfDay(),
        to == null ? null : to.plusDays(1).atStartOfDay(),
        blankToNull(user),
        patient,
        blankToNull(study),
        blankToNull(type),
        outcome,
        null,
        1,
        size);
  }

  private void used(String eventType) {
    actions.record(AuditRecord.EventId.AUDIT_LOG_USED, eventType, 'R', "audit", null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** How many entries the search finds (the page reads it before the table: search first). */
  public long getTotal() {
    getEntries();
    return total;
  }

  /** How many entries the page shows at most. */
  public int getShown() {
    return SHOWN;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public Integer getPatient() {
    return patient;
  }

  public void setPatient(Integer patient) {
    this.patient = patient;
  }

  public String getStudy() {
    return study;
  }

  public void setStudy(String study) {
    this.study = study;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Short getOutcome() {
    return outcome;
  }

  public void setOutcome(Short outcome) {
    this.outcome = outcome;
  }
}

package org.rtds.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;

/**
 * The clinician pages' reads of patient data in the audit trail (ARCHITECTURE D54), as the API's
 * are: one "Patient Record" entry (action R) per page a signed-in account opens — the patient page
 * by its {@code id}, the study, QC and similar-patients pages by their {@code uid} — and one
 * "Export" entry (action R, DICOM PS3.15 A.5.3.5) per PDF report downloaded, with who, from where,
 * the request line and the outcome (a study of another hospital answers 404 and is recorded as a
 * minor failure). The page's own AJAX requests (sorting, filtering) are interactions with the
 * record already opened and are not recorded again; nor is a request of nobody signed in, which
 * sees no patient data (it is sent to the sign-in page).
 */
@WebFilter(urlPatterns = {"/patient.xhtml", "/study.xhtml", "/qc.xhtml", "/similar.xhtml"})
public class PageAuditFilter extends HttpFilter {

  private static final Logger LOG = System.getLogger(PageAuditFilter.class.getName());

  @Inject AuditTrail audit;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      Optional<Account> account = RtdsAuthenticationMechanism.account(request);
      if (account.isPresent() && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
        record(request, response.getStatus(), account.get());
      }
    }
  }

  private void record(HttpServletRequest request, int status, Account account) {
    boolean patientPage = request.getServletPath().equals("/patient.xhtml");
    boolean export = "pdf".equals(request.getParameter("report"));
    String objectId = request.getParameter(patientPage ? "id" : "uid");
    String objectType = patientPage ? "patient" : "study";
    AuditRecord entry =
        AuditRecord.of(
                export ? AuditRecord.EventId.EXPORT : AuditRecord.EventId.PATIENT_RECORD,
                objectType + (export ? "-report-export" : "-page"),
                'R',
                AuditRecord.Outcome.ofHttpStatus(status))
            .from(request.getRemoteAddr())
            .by(account.id(), account.username(), account.hospital())
            .on(objectType, objectId)
            .request(
                request.getMethod()
                    + " "
                    + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()))
            .detail(status >= 400 ? "HTTP " + status : null);
    if (patientPage && objectId != null && objectId.matches("\\d{1,9}")) {
      entry.patient(Integer.valueOf(objectId));
    } else if (!patientPage && objectId != null) {
      entry.study(objectId);
    }
    try {
      audit.record(entry);
    } catch (RuntimeException e) {
      // the page is already answered; a lost entry is logged loudly for the operators
      LOG.log(Level.ERROR, "audit entry not written for " + entry.request() + ": " + e);
    }
  }
}

package org.rtds.web.dicomweb;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;

/**
 * The audit entry of one DICOMweb request (STOW-RS, QIDO-RS, WADO-RS): the caller, its address and
 * the request line added to what the request did. A failure to write it is logged at ERROR and the
 * answer stands.
 */
final class DicomWebAudit {

  private static final Logger LOG = System.getLogger(DicomWebAudit.class.getName());

  private DicomWebAudit() {}

  /**
   * @param entry what was done (event, outcome, object, study, detail)
   * @param requestLine the request line to record
   * @param what the request in words, for the log if the entry cannot be written
   */
  static void record(
      AuditTrail trail,
      HttpServletRequest request,
      Account account,
      AuditRecord entry,
      String requestLine,
      String what) {
    try {
      trail.record(
          entry
              .by(account.id(), account.username(), account.hospital())
              .from(request.getRemoteAddr())
              .request(requestLine));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "audit entry not written for " + what + ": " + e);
    }
  }
}

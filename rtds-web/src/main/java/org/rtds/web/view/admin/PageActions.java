package org.rtds.web.view.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.view.Texts;

/**
 * What the administration pages share: running an action with its refusal shown as a message (never
 * an error page), the audit entry every administrative action gets, as the API's do, and their
 * texts from the pages' bundle ({@code messages.properties}, keys {@code admin.*}).
 */
@RequestScoped
public class PageActions {

  @Inject CallerAccount caller;

  @Inject AuditTrail audit;

  @Inject HttpServletRequest request;

  /** An administrative action of a page. */
  @FunctionalInterface
  public interface Action {
    /**
     * @return what was done, for the message and the audit entry: {@link #text}
     */
    String run();
  }

  /** The signed-in account. */
  public Account account() {
    return caller.get();
  }

  /**
   * Runs an action: its result as an information message, a refusal as an error message; either way
   * one audit entry ("Security Alert", the object acted on, the outcome; a refusal's entry holds
   * the reason alone).
   *
   * @param refused the bundle key of the refusal's message: {@code values} and then the reason (the
   *     security module's words, untranslated) as the last value
   * @return whether it succeeded
   */
  public boolean run(
      String eventType,
      char action,
      String objectType,
      String objectId,
      Action work,
      String refused,
      Object... values) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String detail;
    short outcome;
    try {
      detail = work.run();
      outcome = AuditRecord.Outcome.SUCCESS;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, detail, null));
    } catch (IllegalArgumentException | NoSuchElementException e) {
      detail = e.getMessage();
      outcome = AuditRecord.Outcome.MINOR_FAILURE;
      Object[] withReason = Arrays.copyOf(values, values.length + 1);
      withReason[values.length] = detail;
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text(refused, withReason), null));
    }
    record(
        AuditRecord.EventId.SECURITY_ALERT,
        eventType,
        action,
        objectType,
        objectId,
        outcome,
        detail);
    return outcome == AuditRecord.Outcome.SUCCESS;
  }

  /** Appends a successful page action to the audit trail. */
  public void record(
      String eventId, String eventType, char action, String objectType, String objectId) {
    record(eventId, eventType, action, objectType, objectId, AuditRecord.Outcome.SUCCESS, null);
  }

  private void record(
      String eventId,
      String eventType,
      char action,
      String objectType,
      String objectId,
      short outcome,
      String detail) {
    Account account = caller.get();
    audit.record(
        AuditRecord.of(eventId, eventType, action, outcome)
            .by(account.id(), account.username(), account.hospital())
            .from(request.getRemoteAddr())
            .on(objectType, objectId)
            .request(request.getMethod() + " " + request.getRequestURI())
            .detail(detail));
  }
}

package org.rtds.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AccountAuthenticator;
import org.rtds.security.boundary.Hospitals;
import org.rtds.security.boundary.StudyKeys;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.RtdsPermission;
import org.rtds.security.control.StudyVisibility;
import org.rtds.web.security.RtdsAuthenticationMechanism;

/** The authenticated account of the current request, read once per request. */
@RequestScoped
public class CallerAccount {

  @Inject SecurityContext securityContext;

  @Inject AccountAuthenticator accounts;

  @Inject HttpServletRequest request;

  @Inject Hospitals hospitals;

  @Inject StudyKeys studyKeys;

  private Account account;

  private HospitalScope scope;

  /**
   * The caller's active account.
   *
   * @throws NotAuthorizedException if there is no caller or the account is no longer active
   */
  public Account get() {
    if (account == null) {
      var principal = securityContext.getCallerPrincipal();
      if (principal == null) {
        throw new NotAuthorizedException("authentication required", "Basic realm=\"RTDS\"");
      }
      // as the authentication mechanism checked it for this request (an API token's scope
      // included); re-read only when a request arrives here another way
      account =
          RtdsAuthenticationMechanism.account(request)
              .filter(a -> a.username().equals(principal.getName()))
              .or(() -> accounts.findActive(principal.getName()))
              .orElseThrow(
                  () ->
                      new NotAuthorizedException(
                          "account no longer active", "Basic realm=\"RTDS\""));
    }
    return account;
  }

  /** Whose patients the caller sees identifiably (read once per request). */
  public HospitalScope scope() {
    if (scope == null) {
      scope = hospitals.scopeOf(get());
    }
    return scope;
  }

  /**
   * A permission check where the method's role is not enough (e.g. a knowledge-base answer about
   * one of the caller's own studies needs both the knowledge base and the patient).
   *
   * @throws ForbiddenException when the caller lacks {@code permission}
   */
  public void require(RtdsPermission permission) {
    if (!get().has(permission)) {
      throw new ForbiddenException(
          "your account lacks the permission this needs (" + permission.codename() + ")");
    }
  }

  /** The sending accounts whose records the caller sees: {@link HospitalScope#senders()}. */
  public java.util.Set<Integer> senders() {
    return scope().senders();
  }

  /**
   * The caller as the knowledge base sees it: the one visibility rule of rtds-security, and which
   * plans its own hospital sent.
   */
  public KnowledgeBase.Caller knowledgeBaseCaller() {
    HospitalScope scope = scope();
    StudyVisibility visibility = studyKeys.visibility();
    return new KnowledgeBase.Caller() {
      @Override
      public boolean identifiable(Integer senderAccountId) {
        return StudyVisibility.identifiable(scope, senderAccountId);
      }

      @Override
      public String deidentifiedKey(int studyId) {
        return visibility.deidentifiedKey(studyId);
      }

      @Override
      public boolean ownHospital(Integer senderAccountId) {
        return senderAccountId != null && scope.accountIds().contains(senderAccountId);
      }
    };
  }
}

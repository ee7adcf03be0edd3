package org.rtds.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AccountAuthenticator;
import org.rtds.security.boundary.RtdsRoles;

/** The authenticated account of the current request, read once per request. */
@RequestScoped
public class CallerAccount {

  @Inject SecurityContext securityContext;

  @Inject AccountAuthenticator accounts;

  private Account account;

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
      account =
          accounts
              .findActive(principal.getName())
              .orElseThrow(
                  () ->
                      new NotAuthorizedException(
                          "account no longer active", "Basic realm=\"RTDS\""));
    }
    return account;
  }

  /** Whether the caller administers RTDS. */
  public boolean isAdmin() {
    return securityContext.isCallerInRole(RtdsRoles.ADMIN);
  }
}

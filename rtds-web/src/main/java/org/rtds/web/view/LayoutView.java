package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.rtds.web.api.CallerAccount;

/** What the page frame shows of the signed-in account: its hospital. */
@Named
@RequestScoped
public class LayoutView {

  @Inject CallerAccount caller;

  @Inject SecurityContext security;

  /**
   * @return the account's hospital, "" for an account without one, null before sign-in
   */
  public String getHospital() {
    if (security.getCallerPrincipal() == null) {
      return null;
    }
    String hospital = caller.get().hospital();
    return hospital == null ? "" : hospital;
  }
}

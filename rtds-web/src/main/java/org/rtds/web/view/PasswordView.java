package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.control.PasswordPolicy;
import org.rtds.web.api.CallerAccount;

/** The password page: every account changes its own password (the first administrator too). */
@Named
@RequestScoped
public class PasswordView {

  @Inject CallerAccount caller;

  @Inject AccountAdministration administration;

  @Inject HttpServletRequest request;

  private String current;
  private String fresh;
  private String repeated;

  /** Changes the password, or says what was wrong. */
  public void change() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (fresh == null || !fresh.equals(repeated)) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text("password.differ"), null));
      return;
    }
    try {
      administration.changeOwnPassword(caller.get(), current, fresh, request.getRemoteAddr());
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.text("password.changed"), null));
    } catch (IllegalArgumentException e) {
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalised(e.getMessage()) + ".", null));
    } finally {
      current = null;
      fresh = null;
      repeated = null;
    }
  }

  public int getMinLength() {
    return PasswordPolicy.MIN_LENGTH;
  }

  public String getUsername() {
    return caller.get().username();
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getFresh() {
    return fresh;
  }

  public void setFresh(String fresh) {
    this.fresh = fresh;
  }

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

package org.rtds.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.rtds.security.boundary.ApiTokenStore;
import org.rtds.security.boundary.ApiTokenStore.TokenView;
import org.rtds.web.view.Texts;

/** {@code admin/tokens.xhtml}: API tokens of system accounts; a new token is shown once. */
@Named
@ViewScoped
public class TokensView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ApiTokenStore tokens;

  @Inject transient PageActions actions;

  private List<TokenView> list;
  private String username;
  private String name;
  private List<String> scope = new ArrayList<>();
  private int days = 365;
  private String createdToken;

  public List<TokenView> getTokens() {
    if (list == null) {
      list = tokens.list();
    }
    return list;
  }

  public void create() {
    createdToken = null;
    String account = username;
    actions.run(
        "token-create",
        'C',
        "token",
        account,
        () -> {
          var created =
              tokens.create(actions.account(), account, name, String.join(",", scope), days);
          createdToken = created.token();
          return Texts.text("admin.tokens.made", created.view().prefix(), account);
        },
        "admin.tokens.notMade");
    list = null;
  }

  public void revoke(TokenView token) {
    actions.run(
        "token-delete",
        'D',
        "token",
        String.valueOf(token.id()),
        () -> {
          tokens.revoke(token.id());
          return Texts.text("admin.tokens.revoked", token.prefix());
        },
        "admin.tokens.notRevoked",
        token.prefix());
    list = null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScope() {
    return scope;
  }

  public void setScope(List<String> scope) {
    this.scope = scope;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public String getCreatedToken() {
    return createdToken;
  }
}

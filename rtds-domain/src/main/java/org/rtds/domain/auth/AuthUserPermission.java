package org.rtds.domain.auth;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A permission granted directly to a user, in addition to those of the user's groups ({@code
 * auth_user_user_permissions}, Django's many-to-many link table with its own {@code id}).
 */
@Entity
@Table(name = "auth_user_user_permissions")
public class AuthUserPermission extends GeneratedIdEntity {

  /** The user granted the permission directly. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private AuthUser user;

  /** The granted permission. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "permission_id", nullable = false)
  private AuthPermission permission;

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }

  public AuthPermission getPermission() {
    return permission;
  }

  public void setPermission(AuthPermission permission) {
    this.permission = permission;
  }
}

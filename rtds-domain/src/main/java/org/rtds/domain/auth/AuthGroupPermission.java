package org.rtds.domain.auth;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * Grants a permission to a group ({@code auth_group_permissions}, Django's many-to-many link table
 * with its own {@code id}; each (group, permission) pair occurs once).
 */
@Entity
@Table(name = "auth_group_permissions")
public class AuthGroupPermission extends GeneratedIdEntity {

  /** The group that is granted the permission. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "group_id", nullable = false)
  private AuthGroup group;

  /** The granted permission. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "permission_id", nullable = false)
  private AuthPermission permission;

  public AuthGroup getGroup() {
    return group;
  }

  public void setGroup(AuthGroup group) {
    this.group = group;
  }

  public AuthPermission getPermission() {
    return permission;
  }

  public void setPermission(AuthPermission permission) {
    this.permission = permission;
  }
}

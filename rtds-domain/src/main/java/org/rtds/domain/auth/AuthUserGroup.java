package org.rtds.domain.auth;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * Membership of a user in a group ({@code auth_user_groups}, Django's many-to-many link table with
 * its own {@code id}; each (user, group) pair occurs once).
 */
@Entity
@Table(name = "auth_user_groups")
@NamedQuery(
    name = AuthUserGroup.FIND_GROUP_NAMES_BY_USER,
    query = "select ug.group.name from AuthUserGroup ug where ug.user.id = :userId")
public class AuthUserGroup extends GeneratedIdEntity {

  /** Names of the groups of a user (parameter {@code userId}); the user's roles. */
  public static final String FIND_GROUP_NAMES_BY_USER = "AuthUserGroup.findGroupNamesByUser";

  /** The member. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private AuthUser user;

  /** The group the user belongs to. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "group_id", nullable = false)
  private AuthGroup group;

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }

  public AuthGroup getGroup() {
    return group;
  }

  public void setGroup(AuthGroup group) {
    this.group = group;
  }
}

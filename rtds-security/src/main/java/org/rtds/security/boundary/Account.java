package org.rtds.security.boundary;

import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated RTDS account, as the container's caller principal and roles see it.
 *
 * @param id {@code auth_user.id}
 * @param username {@code auth_user.username}
 * @param superuser {@code auth_user.is_superuser}
 * @param groups names of the account's {@code auth_group}s
 */
public record Account(int id, String username, boolean superuser, Set<String> groups) {

  public Account {
    groups = Set.copyOf(groups);
  }

  /**
   * Every active account has {@link RtdsRoles#USER}; superusers also {@link RtdsRoles#ADMIN}; plus
   * group names.
   */
  public Set<String> roles() {
    Set<String> roles = new TreeSet<>(groups);
    roles.add(RtdsRoles.USER);
    if (superuser) {
      roles.add(RtdsRoles.ADMIN);
    }
    return roles;
  }
}

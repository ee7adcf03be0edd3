package org.rtds.security.boundary;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.rtds.security.control.RtdsPermission;

/**
 * An authenticated RTDS account, as the container's caller principal and roles see it.
 *
 * @param id {@code auth_user.id}
 * @param username {@code auth_user.username}
 * @param superuser {@code auth_user.is_superuser}: holds every permission, sees every hospital
 * @param staff {@code auth_user.is_staff}: with superuser, administers RTDS
 * @param hospital its hospital ({@code userprofile_userprofile.institution}, stripped); null when
 *     it has none
 * @param groups names of the account's {@code auth_group}s
 * @param permissions what its groups and the account itself hold ({@link
 *     RtdsPermission#grantedBy(java.util.Collection)}), narrowed to the token's scope for a token
 * @param token whether it authenticated with an API token (which never administers and never
 *     changes a password)
 */
public record Account(
    int id,
    String username,
    boolean superuser,
    boolean staff,
    String hospital,
    Set<String> groups,
    Set<RtdsPermission> permissions,
    boolean token) {

  public Account {
    groups = Set.copyOf(groups);
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
  }

  /** Whether the account administers RTDS (superuser and staff, as Django's admin site). */
  public boolean administrator() {
    return superuser && staff;
  }

  /** Whether the account holds {@code permission} (superusers hold all). */
  public boolean has(RtdsPermission permission) {
    return superuser || permissions.contains(permission);
  }

  /**
   * Container roles: {@link RtdsRoles#USER} for every active account, the codename of every
   * permission it {@linkplain #has holds}, and {@link RtdsRoles#ADMIN} for administrators.
   */
  public Set<String> roles() {
    Set<String> roles = new TreeSet<>();
    roles.add(RtdsRoles.USER);
    for (RtdsPermission p : RtdsPermission.values()) {
      if (has(p)) {
        roles.add(p.codename());
      }
    }
    if (administrator()) {
      roles.add(RtdsRoles.ADMIN);
    }
    return roles;
  }
}

package org.rtds.security.boundary;

/**
 * Role names RTDS grants. The full group/permission model over {@code auth_group} and {@code
 * auth_permission} comes later; until then every active account is a {@link #USER} and superusers
 * are {@link #ADMIN}s.
 */
public final class RtdsRoles {

  /** Any active RTDS account. */
  public static final String USER = "user";

  /** {@code auth_user.is_superuser}. */
  public static final String ADMIN = "admin";

  private RtdsRoles() {}
}

package org.rtds.security.boundary;

import org.rtds.security.control.RtdsPermission;

/**
 * The container role names RTDS grants, for {@code @RolesAllowed} and {@code isCallerInRole}:
 * {@link #USER} and {@link #ADMIN}, and one role per {@link RtdsPermission} under its codename.
 * Roles are derived from the account, never from group names (a Django group called "admin" makes
 * nobody an administrator): see {@link Account#roles()}.
 */
public final class RtdsRoles {

  /** Any active RTDS account: its own profile and password. */
  public static final String USER = "user";

  /**
   * Administers RTDS (accounts, groups, hospitals, tokens, system): {@code auth_user.is_superuser}
   * and {@code is_staff}, as Django's admin site requires.
   */
  public static final String ADMIN = "admin";

  /** {@link RtdsPermission#VIEW_PATIENT}. */
  public static final String VIEW_PATIENT = RtdsPermission.Codename.VIEW_PATIENT;

  /** {@link RtdsPermission#ADD_INSTANCE}. */
  public static final String ADD_INSTANCE = RtdsPermission.Codename.ADD_INSTANCE;

  /** {@link RtdsPermission#VIEW_KNOWLEDGE_BASE}. */
  public static final String VIEW_KNOWLEDGE_BASE = RtdsPermission.Codename.VIEW_KNOWLEDGE_BASE;

  /** {@link RtdsPermission#CHANGE_DOSE_CONSTRAINT}. */
  public static final String CHANGE_DOSE_CONSTRAINT =
      RtdsPermission.Codename.CHANGE_DOSE_CONSTRAINT;

  /** {@link RtdsPermission#CHANGE_FEATURE_JOB}. */
  public static final String CHANGE_FEATURE_JOB = RtdsPermission.Codename.CHANGE_FEATURE_JOB;

  /** {@link RtdsPermission#VIEW_AUDIT_EVENT}. */
  public static final String VIEW_AUDIT_EVENT = RtdsPermission.Codename.VIEW_AUDIT_EVENT;

  private RtdsRoles() {}
}

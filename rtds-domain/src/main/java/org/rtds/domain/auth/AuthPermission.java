package org.rtds.domain.auth;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.django.DjangoContentType;

/**
 * A Django permission ({@code auth_permission}), e.g. "Can view patient" with codename {@code
 * view_patient}. Granted to groups through {@link AuthGroupPermission} and to single users through
 * {@link AuthUserPermission}; qualified by the {@link DjangoContentType#getAppLabel() app label} of
 * its content type.
 */
@Entity
@Table(name = "auth_permission")
@NamedQuery(
    name = AuthPermission.FIND_CODENAMES_OF_USER,
    query =
        "select distinct p.codename from AuthPermission p where p.id in (select gp.permission.id"
            + " from AuthGroupPermission gp, AuthUserGroup ug where gp.group = ug.group"
            + " and ug.user.id = :userId) or p.id in (select up.permission.id"
            + " from AuthUserPermission up where up.user.id = :userId)")
public class AuthPermission extends GeneratedIdEntity {

  /**
   * Codenames of every permission a user holds through its groups or directly (parameter {@code
   * userId}), any app label.
   */
  public static final String FIND_CODENAMES_OF_USER = "AuthPermission.findCodenamesOfUser";

  /** Human-readable name, {@code "Can <action> <model>"}. */
  @Column(name = "name", nullable = false, length = 255)
  private String name;

  /** The model the permission is about; its {@code app_label} qualifies the codename. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "content_type_id", nullable = false)
  private DjangoContentType contentType;

  /** Machine name, e.g. {@code view_patient} (the name without "Can"). */
  @Column(name = "codename", nullable = false, length = 100)
  private String codename;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public DjangoContentType getContentType() {
    return contentType;
  }

  public void setContentType(DjangoContentType contentType) {
    this.contentType = contentType;
  }

  public String getCodename() {
    return codename;
  }

  public void setCodename(String codename) {
    this.codename = codename;
  }
}

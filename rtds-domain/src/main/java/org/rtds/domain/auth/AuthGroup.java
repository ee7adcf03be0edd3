package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A Django permission group ({@code auth_group}), e.g. {@code doctors} or, in a multi-hospital
 * setting, {@code UCLA doctors}. RTDS uses the group names of a user as its security roles.
 */
@Entity
@Table(name = "auth_group")
@NamedQuery(name = AuthGroup.FIND_BY_NAME, query = "select g from AuthGroup g where g.name = :name")
public class AuthGroup extends GeneratedIdEntity {

  /** The group with the given name (parameter {@code name}). */
  public static final String FIND_BY_NAME = "AuthGroup.findByName";

  /** Unique group name, e.g. {@code doctors}; becomes a security role. */
  @Column(name = "name", nullable = false, length = 80)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}

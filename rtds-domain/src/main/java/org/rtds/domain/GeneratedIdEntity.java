package org.rtds.domain;

import static jakarta.persistence.GenerationType.IDENTITY;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.Hibernate;

/**
 * Base of the entities whose table has the database-assigned primary key {@code id int(11)
 * AUTO_INCREMENT} of the dsrt schema (every table except {@code django_session}).
 *
 * <p>Identity follows the id: two instances are equal when they are of the same entity class and
 * have the same non-null id; an instance that has not been persisted yet is equal only to itself.
 * The hash code depends on the entity class only, so it does not change when persisting assigns the
 * id and an entity stays findable in a hash set across {@code persist}. A lazy proxy is equal to
 * the entity it stands for: the comparison uses the proxied class and {@link #getId()}, which a
 * proxy answers without loading the row.
 */
@MappedSuperclass
public abstract class GeneratedIdEntity {

  /** Primary key, assigned by the database on insert ({@code AUTO_INCREMENT}). */
  @Id
  @GeneratedValue(strategy = IDENTITY)
  @Column(name = "id", nullable = false, updatable = false)
  private Integer id;

  /** The database-assigned id; {@code null} until the entity has been persisted. */
  public Integer getId() {
    return id;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof GeneratedIdEntity that)
        || Hibernate.getClassLazy(this) != Hibernate.getClassLazy(that)) {
      return false;
    }
    Integer ownId = getId();
    return ownId != null && ownId.equals(that.getId());
  }

  @Override
  public int hashCode() {
    return Hibernate.getClassLazy(this).hashCode();
  }

  @Override
  public String toString() {
    return Hibernate.getClassLazy(this).getSimpleName() + "[id=" + getId() + "]";
  }
}

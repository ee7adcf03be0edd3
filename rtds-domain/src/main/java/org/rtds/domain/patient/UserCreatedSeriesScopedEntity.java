package org.rtds.domain.patient;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.rtds.domain.auth.AuthUser;

/**
 * Base of the series-scoped entities whose table also records the account that created the row
 * ({@code fk_user_id_id}, nullable): CT slices, RT Structure Sets and their ROIs, RT Doses and
 * their dose grids and DVHs.
 */
@MappedSuperclass
public abstract class UserCreatedSeriesScopedEntity extends SeriesScopedEntity {

  /** Account that created the record (optional). */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_user_id_id")
  private AuthUser user;

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}

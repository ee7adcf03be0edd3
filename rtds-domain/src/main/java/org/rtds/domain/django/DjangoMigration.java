package org.rtds.domain.django;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A Django migration that Django applied to this database ({@code django_migrations}). RTDS never
 * writes it; its own schema versions are kept by Flyway in {@code flyway_schema_history}. Times are
 * UTC by convention.
 */
@Entity
@Table(name = "django_migrations")
public class DjangoMigration extends GeneratedIdEntity {

  /** Django application label. */
  @Column(name = "app", nullable = false, length = 255)
  private String app;

  /** Migration name, e.g. {@code 0001_initial}. */
  @Column(name = "name", nullable = false, length = 255)
  private String name;

  /** When Django applied the migration (UTC). */
  @Column(name = "applied", nullable = false)
  private LocalDateTime applied;

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = app;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LocalDateTime getApplied() {
    return applied;
  }

  public void setApplied(LocalDateTime applied) {
    this.applied = applied;
  }
}

package org.rtds.domain.django;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A model known to Django ({@code django_content_type}): an application label and a model name.
 * Permissions ({@link org.rtds.domain.auth.AuthPermission}) belong to a content type, and {@code
 * app_label.codename} is the qualified permission name RTDS checks.
 */
@Entity
@Table(name = "django_content_type")
public class DjangoContentType extends GeneratedIdEntity {

  /** Django application label, e.g. {@code auth}, {@code dsrt}. */
  @Column(name = "app_label", nullable = false, length = 100)
  private String appLabel;

  /** Lower-case model name within the application, e.g. {@code patient}. */
  @Column(name = "model", nullable = false, length = 100)
  private String model;

  public String getAppLabel() {
    return appLabel;
  }

  public void setAppLabel(String appLabel) {
    this.appLabel = appLabel;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }
}

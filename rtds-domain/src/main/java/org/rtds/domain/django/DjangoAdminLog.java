package org.rtds.domain.django;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.Length;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.auth.AuthUser;

/**
 * One entry of the Django admin site's change history ({@code django_admin_log}). Kept so the
 * legacy Django application keeps working on the same database; RTDS may add entries for changes
 * made in its own administration screens. Times are UTC by convention.
 */
@Entity
@Table(name = "django_admin_log")
public class DjangoAdminLog extends GeneratedIdEntity {

  /** Kind of change: 1 = addition, 2 = change, 3 = deletion. */
  @Column(name = "action_flag", nullable = false, columnDefinition = "smallint unsigned")
  private Integer actionFlag;

  /** When the change was made (UTC). */
  @Column(name = "action_time", nullable = false)
  private LocalDateTime actionTime;

  /** Description of the change (JSON in Django 1.10 and later, free text before). */
  @Column(name = "change_message", nullable = false, length = Length.LONG32)
  private String changeMessage;

  /** Model of the changed object, if known. */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "content_type_id")
  private DjangoContentType contentType;

  /** Primary key of the changed object, as text. */
  @Column(name = "object_id", length = Length.LONG32)
  private String objectId;

  /** Display text of the changed object at the time of the change. */
  @Column(name = "object_repr", nullable = false, length = 200)
  private String objectRepr;

  /** The user who made the change. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private AuthUser user;

  public Integer getActionFlag() {
    return actionFlag;
  }

  public void setActionFlag(Integer actionFlag) {
    this.actionFlag = actionFlag;
  }

  public LocalDateTime getActionTime() {
    return actionTime;
  }

  public void setActionTime(LocalDateTime actionTime) {
    this.actionTime = actionTime;
  }

  public String getChangeMessage() {
    return changeMessage;
  }

  public void setChangeMessage(String changeMessage) {
    this.changeMessage = changeMessage;
  }

  public DjangoContentType getContentType() {
    return contentType;
  }

  public void setContentType(DjangoContentType contentType) {
    this.contentType = contentType;
  }

  public String getObjectId() {
    return objectId;
  }

  public void setObjectId(String objectId) {
    this.objectId = objectId;
  }

  public String getObjectRepr() {
    return objectRepr;
  }

  public void setObjectRepr(String objectRepr) {
    this.objectRepr = objectRepr;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}

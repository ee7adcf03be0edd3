package org.rtds.domain.django;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.hibernate.Length;

/**
 * A server-side session of the legacy Django web application ({@code django_session}). RTDS does
 * not use Django sessions; the table is mapped so the schema stays complete and old sessions can be
 * purged. Its primary key is the 40-character {@code session_key}, not a generated id. Times are
 * UTC by convention.
 */
@Entity
@Table(name = "django_session")
public class DjangoSession {

  @Id
  @Column(name = "session_key", nullable = false, updatable = false, length = 40)
  private String sessionKey;

  /** Signed, base64-encoded session contents written by Django. */
  @Column(name = "session_data", nullable = false, length = Length.LONG32)
  private String sessionData;

  /** Expiry time (UTC). */
  @Column(name = "expire_date", nullable = false)
  private LocalDateTime expireDate;

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof DjangoSession session
            && sessionKey != null
            && sessionKey.equals(session.getSessionKey());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(sessionKey);
  }

  @Override
  public String toString() {
    return "DjangoSession[sessionKey=" + sessionKey + "]";
  }

  public String getSessionKey() {
    return sessionKey;
  }

  public void setSessionKey(String sessionKey) {
    this.sessionKey = sessionKey;
  }

  public String getSessionData() {
    return sessionData;
  }

  public void setSessionData(String sessionData) {
    this.sessionData = sessionData;
  }

  public LocalDateTime getExpireDate() {
    return expireDate;
  }

  public void setExpireDate(LocalDateTime expireDate) {
    this.expireDate = expireDate;
  }
}

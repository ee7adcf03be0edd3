package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A secret of the whole installation ({@code rtds_installation_secret}, an RTDS table, V8), shared
 * by every node through the database: e.g. {@code study-key}, the HMAC key of de-identified study
 * keys. Written once, never changed.
 */
@Entity
@Table(name = "rtds_installation_secret")
public class InstallationSecret {

  /** What the secret is for. */
  @Id
  @Column(name = "name", length = 64)
  private String name;

  /** The secret, Base64 (32 random bytes). */
  @Column(name = "secret", nullable = false, length = 128)
  private String secret;

  /** When it was created (UTC). */
  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }
}

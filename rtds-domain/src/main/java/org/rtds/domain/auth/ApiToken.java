package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * An API token of an account ({@code rtds_api_token}, an RTDS table, V11): what a partner system
 * sends as {@code Authorization: Bearer}. Only the token's SHA-256 is stored; it acts for {@link
 * #getUser() user} with at most that account's permissions, narrowed by {@link #getScope() scope},
 * until {@link #getExpiresAt() expiresAt} or {@link #getRevokedAt() revokedAt}. Never deleted.
 */
@Entity
@Table(name = "rtds_api_token")
@NamedQuery(
    name = ApiToken.FIND_BY_HASH,
    query = "select t from ApiToken t join fetch t.user where t.tokenSha256 = :sha256")
public class ApiToken {

  /** The token with a given SHA-256 (parameter {@code sha256}), its account fetched. */
  public static final String FIND_BY_HASH = "ApiToken.findByHash";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Integer id;

  /** The account the token acts for. */
  @ManyToOne(fetch = jakarta.persistence.FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private AuthUser user;

  /** What the token is for, e.g. "TPS export at site B". */
  @Column(name = "name", nullable = false, length = 100)
  private String name;

  /** The token's first characters, to recognise it in lists (not secret enough to use). */
  @Column(name = "token_prefix", nullable = false, length = 16)
  private String tokenPrefix;

  /** Lower-case hex SHA-256 of the whole token. */
  @Column(name = "token_sha256", nullable = false, length = 64)
  private String tokenSha256;

  /** Permission codenames it may use, comma-separated; empty for all its account holds. */
  @Column(name = "scope", nullable = false, length = 500)
  private String scope;

  /** When it was made (UTC). */
  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  /** The administrator who made it. */
  @ManyToOne(fetch = jakarta.persistence.FetchType.LAZY, optional = true)
  @JoinColumn(name = "created_by_id", nullable = true)
  private AuthUser createdBy;

  /** When it stops working (UTC). */
  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  /** When it was revoked (UTC); null while valid. */
  @Column(name = "revoked_at", nullable = true)
  private LocalDateTime revokedAt;

  /** When it was last accepted (UTC), to at most a minute. */
  @Column(name = "last_used_at", nullable = true)
  private LocalDateTime lastUsedAt;

  public Integer getId() {
    return id;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTokenPrefix() {
    return tokenPrefix;
  }

  public void setTokenPrefix(String tokenPrefix) {
    this.tokenPrefix = tokenPrefix;
  }

  public String getTokenSha256() {
    return tokenSha256;
  }

  public void setTokenSha256(String tokenSha256) {
    this.tokenSha256 = tokenSha256;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }

  public AuthUser getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(AuthUser createdBy) {
    this.createdBy = createdBy;
  }

  public LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(LocalDateTime expiresAt) {
    this.expiresAt = expiresAt;
  }

  public LocalDateTime getRevokedAt() {
    return revokedAt;
  }

  public void setRevokedAt(LocalDateTime revokedAt) {
    this.revokedAt = revokedAt;
  }

  public LocalDateTime getLastUsedAt() {
    return lastUsedAt;
  }

  public void setLastUsedAt(LocalDateTime lastUsedAt) {
    this.lastUsedAt = lastUsedAt;
  }
}

package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rtds.domain.auth.ApiToken;
import org.rtds.domain.auth.AuthUser;
import org.rtds.security.control.ApiTokens;
import org.rtds.security.control.RtdsPermission;

/**
 * API tokens ({@code rtds_api_token}): made by administrators for an account (typically a system
 * account of a partner), shown once, stored as SHA-256, limited by expiry, scope and revocation. A
 * token never administers RTDS, whatever its account.
 */
@ApplicationScoped
public class ApiTokenStore {

  /** Longest lifetime an administrator may give a token. */
  public static final int MAX_DAYS = 730;

  /** {@code last_used_at} is written at most this often per token. */
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final ApiTokens tokens = new ApiTokens();

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  /**
   * A token as listed (never the token itself).
   *
   * @param prefix its first characters, to recognise it
   * @param scope permission codenames; empty for all its account holds
   * @param state ACTIVE, EXPIRED or REVOKED
   */
  public record TokenView(
      int id,
      String username,
      String name,
      String prefix,
      List<String> scope,
      LocalDateTime createdAt,
      String createdBy,
      LocalDateTime expiresAt,
      LocalDateTime revokedAt,
      LocalDateTime lastUsedAt,
      String state)
      implements Serializable {}

  /** A new token: the only time {@code token} is ever shown. */
  public record Created(String token, TokenView view) {}

  /**
   * Makes a token for {@code username}.
   *
   * @param creator the administrator
   * @param scope permission codenames (comma or space separated); blank for all the account holds
   * @param days lifetime, 1 to {@value #MAX_DAYS}
   * @throws IllegalArgumentException saying what was wrong (unknown or inactive account, bad scope,
   *     name, lifetime)
   */
  @Transactional
  public Created create(Account creator, String username, String name, String scope, int days) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException(
          "name is required: what the token is for, 1 to 100 characters");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + ", not " + days);
    }
    Set<RtdsPermission> parsed = ApiTokens.parseScope(scope);
    AuthUser user =
        em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
            .setParameter("username", username == null ? "" : username)
            .getResultStream()
            .findFirst()
            .filter(AuthUser::isActive)
            .orElseThrow(
                () -> new IllegalArgumentException("no active account '" + username + "'"));
    String token = tokens.generate();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    ApiToken t = new ApiToken();
    t.setUser(user);
    t.setName(name.strip());
    t.setTokenPrefix(token.substring(0, ApiTokens.SHOWN_PREFIX_LENGTH));
    t.setTokenSha256(ApiTokens.sha256(token));
    t.setScope(ApiTokens.formatScope(parsed));
    t.setCreatedAt(now);
    t.setCreatedBy(em.getReference(AuthUser.class, creator.id()));
    t.setExpiresAt(now.plusDays(days));
    em.persist(t);
    em.flush();
    return new Created(token, view(t, creator.username(), now));
  }

  /** Every token, newest first. */
  @Transactional(TxType.SUPPORTS)
  public List<TokenView> list() {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    return em
        .createQuery(
            "select t, c.username from ApiToken t join fetch t.user left join t.createdBy c"
                + " order by t.id desc",
            Object[].class)
        .getResultList()
        .stream()
        .map(r -> view((ApiToken) r[0], (String) r[1], now))
        .toList();
  }

  /**
   * Revokes a token (at once, on every node: each request reads it).
   *
   * @return the token as it is now; empty when there is no such token
   */
  @Transactional
  public Optional<TokenView> revoke(int id) {
    ApiToken t = em.find(ApiToken.class, id);
    if (t == null) {
      return Optional.empty();
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    if (t.getRevokedAt() == null) {
      t.setRevokedAt(now);
    }
    String creator = t.getCreatedBy() == null ? null : t.getCreatedBy().getUsername();
    return Optional.of(view(t, creator, now));
  }

  /** What {@link #check} found. */
  public record Checked(ApiToken token, String refusal) {}

  /**
   * Looks a presented token up.
   *
   * @return the token row and null, or why it is refused (unknown, expired, revoked, inactive
   *     account)
   */
  @Transactional
  public Checked check(String presented) {
    if (!ApiTokens.wellFormed(presented)) {
      return new Checked(
          null, "malformed API token: RTDS tokens are rtds_ and 43 letters or digits");
    }
    ApiToken t =
        em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
            .setParameter("sha256", ApiTokens.sha256(presented))
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (t == null) {
      return new Checked(null, "unknown API token");
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    if (t.getRevokedAt() != null) {
      return new Checked(t, "API token " + t.getTokenPrefix() + "… was revoked");
    }
    if (!now.isBefore(t.getExpiresAt())) {
      return new Checked(
          t, "API token " + t.getTokenPrefix() + "… expired at " + t.getExpiresAt() + " UTC");
    }
    if (!t.getUser().isActive()) {
      return new Checked(t, "the account of API token " + t.getTokenPrefix() + "… is inactive");
    }
    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
      t.setLastUsedAt(now);
    }
    return new Checked(t, null);
  }

  private static TokenView view(ApiToken t, String creator, LocalDateTime now) {
    String state =
        t.getRevokedAt() != null
            ? "REVOKED"
            : now.isBefore(t.getExpiresAt()) ? "ACTIVE" : "EXPIRED";
    return new TokenView(
        t.getId(),
        t.getUser().getUsername(),
        t.getName(),
        t.getTokenPrefix(),
        t.getScope().isEmpty() ? List.of() : List.of(t.getScope().split(",")),
        t.getCreatedAt(),
        creator,
        t.getExpiresAt(),
        t.getRevokedAt(),
        t.getLastUsedAt(),
        state);
  }
}

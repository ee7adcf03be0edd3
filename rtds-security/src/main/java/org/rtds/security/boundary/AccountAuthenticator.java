package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.rtds.domain.auth.AuthPermission;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.domain.auth.UserProfile;
import org.rtds.security.control.ApiTokens;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.DjangoPasswordHasher;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.LoginThrottle;
import org.rtds.security.control.RtdsPermission;
import org.rtds.security.control.VerifiedCredentialCache;

/**
 * Checks RTDS accounts ({@code auth_user}) and their Django password hashes. The only entry point
 * the web tier uses to turn credentials into an {@link Account}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountAuthenticator {

  private static final Logger LOG = System.getLogger(AccountAuthenticator.class.getName());

  private final DjangoPasswordHasher hasher = new DjangoPasswordHasher();

  /** A hash no password matches, verified for unknown accounts to equalise response times. */
  private final String timingEqualiser = hasher.hash(new char[] {'\0'});

  private final VerifiedCredentialCache verified =
      new VerifiedCredentialCache(Duration.ofMinutes(5), 10_000, Clock.systemUTC());

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  @Inject AccountWriter writer;

  @Inject AuditTrail audit;

  @Inject ApiTokenStore tokens;

  @Inject TokenRateLimit rateLimit;

  /** What a refused password login is told: never which part was wrong. */
  private static final String WRONG = "unknown account, inactive account or wrong password";

  /**
   * The outcome of a login or token check.
   *
   * @param account the account, when accepted
   * @param refusal why it was refused, in words safe to show the caller (never which part of a
   *     password login was wrong); null when accepted
   * @param throttled whether the refusal is the failed-login throttle or the token rate limit
   *     (answer 429 rather than 401)
   * @param retryAfterSeconds when throttled: seconds until a retry can succeed ({@code
   *     Retry-After})
   */
  public record Login(
      Optional<Account> account, String refusal, boolean throttled, long retryAfterSeconds) {
    public static Login accepted(Account account) {
      return new Login(Optional.of(account), null, false, 0);
    }

    public static Login refused(String refusal, boolean throttled) {
      return new Login(
          Optional.empty(), refusal, throttled, throttled ? LoginThrottle.WINDOW.toSeconds() : 0);
    }

    /** Refused by the per-token rate limit: retry after the given seconds. */
    public static Login overLimit(String refusal, long retryAfterSeconds) {
      return new Login(Optional.empty(), refusal, true, retryAfterSeconds);
    }
  }

  /**
   * @return the account if {@code username} names an active account whose stored hash matches
   *     {@code password}; empty otherwise (no throttle, no audit: for callers inside RTDS)
   */
  public Optional<Account> authenticate(String username, char[] password) {
    return login(username, password, null).account();
  }

  /**
   * Checks a password login (form or HTTP Basic) from {@code sourceAddress}: refused without
   * checking the password while the {@link org.rtds.security.control.LoginThrottle} applies; a
   * failure is appended to the audit trail (which the throttle counts); a weaker hash is upgraded.
   * Successful logins are audited by the caller ({@link #recordLogin}) for interactive sessions
   * only, not on every HTTP Basic request.
   *
   * @param sourceAddress the client's address; null for calls from inside RTDS (no throttle)
   */
  public Login login(String username, char[] password, String sourceAddress) {
    if (username == null || username.isBlank() || password == null) {
      return Login.refused(WRONG, false);
    }
    Optional<AuthUser> found = findUser(username);
    if (found.isPresent()
        && found.get().isActive()
        && found.get().getPassword() != null
        && verified.contains(username, found.get().getPassword(), password)) {
      // verified moments ago (HTTP Basic sends it with every request): no throttle, no PBKDF2
      return Login.accepted(toAccount(found.get()));
    }
    if (sourceAddress != null) {
      String throttled = audit.loginRefusal(username, sourceAddress);
      if (throttled != null) {
        failed(
            username,
            found.map(AuthUser::getId).orElse(null),
            sourceAddress,
            "throttled: " + throttled);
        return Login.refused(throttled, true);
      }
    }
    if (found.isEmpty() || !found.get().isActive()) {
      // spend the same PBKDF2 time as for a real account, so response times do not reveal which
      // account names exist (as Django does)
      hasher.verify(password, timingEqualiser);
      String reason = found.isEmpty() ? "no such account" : "account is inactive";
      LOG.log(Level.INFO, "login refused for ''{0}'': {1}", username, reason);
      failed(username, found.map(AuthUser::getId).orElse(null), sourceAddress, reason);
      return Login.refused(WRONG, false);
    }
    AuthUser user = found.get();
    String stored = user.getPassword();
    boolean ok = stored != null && hasher.verify(password, stored);
    if (!ok) {
      String reason = "wrong password or " + DjangoPasswordHasher.describe(stored);
      LOG.log(Level.INFO, "login refused for ''{0}'': {1}", username, reason);
      failed(username, user.getId(), sourceAddress, reason);
      return Login.refused(WRONG, false);
    }
    if (hasher.needsRehash(stored)) {
      // as Django does: a weaker or older hash is replaced once the password is known to be right
      String fresh = hasher.hash(password);
      if (writer.replacePassword(user.getId(), stored, fresh)) {
        LOG.log(
            Level.INFO,
            "password hash of ''{0}'' upgraded from {1} to {2}",
            username,
            DjangoPasswordHasher.describe(stored),
            DjangoPasswordHasher.describe(fresh));
        stored = fresh;
      }
    }
    verified.put(username, stored, password);
    return Login.accepted(toAccount(user));
  }

  /**
   * Checks an API token ({@code Authorization: Bearer}): the token's account, with its permissions
   * narrowed to the token's scope and never administration. A refusal is audited; a request over
   * the token's rate limit is refused (throttled) without being audited.
   *
   * @param ratePerMinute {@code RTDS_TOKEN_RATE_LIMIT}: requests per minute and token; 0: no limit
   */
  public Login token(String presented, String sourceAddress, int ratePerMinute) {
    ApiTokenStore.Checked checked = tokens.check(presented);
    if (checked.refusal() != null) {
      AuthUser user = checked.token() == null ? null : checked.token().getUser();
      audit.record(
          AuditTrail.authentication("token", AuditRecord.Outcome.MINOR_FAILURE, sourceAddress)
              .by(
                  user == null ? null : user.getId(),
                  user == null ? null : user.getUsername(),
                  null)
              .on("token", checked.token() == null ? null : String.valueOf(checked.token().getId()))
              .detail(checked.refusal()));
      return Login.refused(checked.refusal(), false);
    }
    OptionalLong wait = rateLimit.admit(checked.token().getId(), ratePerMinute, Instant.now());
    if (wait.isPresent()) {
      return Login.overLimit(
          "this API token made more than "
              + ratePerMinute
              + " requests this minute (RTDS_TOKEN_RATE_LIMIT); retry in "
              + wait.getAsLong()
              + " s",
          wait.getAsLong());
    }
    Account holder = toAccount(checked.token().getUser());
    Set<RtdsPermission> scope = ApiTokens.parseScope(checked.token().getScope());
    Set<RtdsPermission> held =
        holder.superuser() ? EnumSet.allOf(RtdsPermission.class) : holder.permissions();
    return Login.accepted(
        new Account(
            holder.id(),
            holder.username(),
            holder.superuser() && scope.isEmpty(),
            false,
            holder.hospital(),
            holder.groups(),
            ApiTokens.effective(held, scope),
            true));
  }

  private void failed(String username, Integer userId, String sourceAddress, String reason) {
    if (sourceAddress != null) {
      audit.loginFailed(userId, username, null, sourceAddress, reason);
    }
  }

  /**
   * Reloads an account by name for a session that authenticated earlier; empty once it is gone or
   * inactive.
   */
  public Optional<Account> findActive(String username) {
    return findUser(username).filter(AuthUser::isActive).map(this::toAccount);
  }

  /**
   * An interactive login succeeded: sets {@code auth_user.last_login} (UTC), as Django does, and
   * appends it to the audit trail.
   */
  public void recordLogin(Account account, String sourceAddress) {
    writer.recordLogin(account.id());
    recordSession(AuditTrail.LOGIN, account, sourceAddress);
  }

  /** An interactive session ended at the user's request: appended to the audit trail. */
  public void recordLogout(Account account, String sourceAddress) {
    recordSession("logout", account, sourceAddress);
  }

  private void recordSession(String eventType, Account account, String sourceAddress) {
    audit.record(
        AuditTrail.authentication(eventType, AuditRecord.Outcome.SUCCESS, sourceAddress)
            .by(account.id(), account.username(), account.hospital())
            .on("account", account.username()));
  }

  private Optional<AuthUser> findUser(String username) {
    return em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private Account toAccount(AuthUser user) {
    var groups =
        em.createNamedQuery(AuthUserGroup.FIND_GROUP_NAMES_BY_USER, String.class)
            .setParameter("userId", user.getId())
            .getResultList();
    var codenames =
        em.createNamedQuery(AuthPermission.FIND_CODENAMES_OF_USER, String.class)
            .setParameter("userId", user.getId())
            .getResultList();
    String hospital =
        em.createNamedQuery(UserProfile.FIND_BY_USER, UserProfile.class)
            .setParameter("userId", user.getId())
            .getResultStream()
            .findFirst()
            .map(p -> HospitalScope.normalise(p.getInstitution()))
            .orElse(null);
    return new Account(
        user.getId(),
        user.getUsername(),
        user.isSuperuser(),
        user.isStaff(),
        hospital,
        new HashSet<>(groups),
        RtdsPermission.grantedBy(codenames),
        false);
  }

  /** The account writes, each in a transaction of its own. */
  @ApplicationScoped
  public static class AccountWriter {

    @PersistenceContext(unitName = "rtds")
    EntityManager em;

    /**
     * Replaces a password hash unless it changed meanwhile (another node, the user, an
     * administrator): a compare-and-set, so a concurrent password change is never overwritten.
     *
     * @return whether the hash was replaced
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean replacePassword(int userId, String expected, String fresh) {
      return em.createQuery(
                  "update AuthUser u set u.password = :fresh where u.id = :id"
                      + " and u.password = :expected")
              .setParameter("fresh", fresh)
              .setParameter("id", userId)
              .setParameter("expected", expected)
              .executeUpdate()
          == 1;
    }

    /** Sets {@code auth_user.last_login} (UTC). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLogin(int userId) {
      AuthUser user = em.find(AuthUser.class, userId);
      if (user != null) {
        user.setLastLogin(LocalDateTime.now(ZoneOffset.UTC));
      }
    }
  }
}

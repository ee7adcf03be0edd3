package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.security.control.DjangoPasswordHasher;
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

  /**
   * @return the account if {@code username} names an active account whose stored hash matches
   *     {@code password}; empty otherwise (the reason is logged, never returned, so callers cannot
   *     tell which part was wrong)
   */
  public Optional<Account> authenticate(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      return Optional.empty();
    }
    Optional<AuthUser> found = findUser(username);
    if (found.isEmpty() || !found.get().isActive()) {
      // spend the same PBKDF2 time as for a real account, so response times do not reveal which
      // account names exist (as Django does)
      hasher.verify(password, timingEqualiser);
      LOG.log(
          Level.INFO,
          "login refused for ''{0}'': {1}",
          username,
          found.isEmpty() ? "no such account" : "account is inactive");
      return Optional.empty();
    }
    AuthUser user = found.get();
    String stored = user.getPassword();
    boolean ok =
        stored != null
            && (verified.contains(username, stored, password) || hasher.verify(password, stored));
    if (!ok) {
      LOG.log(
          Level.INFO,
          "login refused for ''{0}'': wrong password or {1}",
          username,
          DjangoPasswordHasher.describe(stored));
      return Optional.empty();
    }
    verified.put(username, stored, password);
    return Optional.of(toAccount(user));
  }

  /**
   * Reloads an account by name for a session that authenticated earlier; empty once it is gone or
   * inactive.
   */
  public Optional<Account> findActive(String username) {
    return findUser(username).filter(AuthUser::isActive).map(this::toAccount);
  }

  /** Sets {@code auth_user.last_login} (UTC), as Django does on an interactive login. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void recordLogin(int userId) {
    AuthUser user = em.find(AuthUser.class, userId);
    if (user != null) {
      user.setLastLogin(LocalDateTime.now(ZoneOffset.UTC));
    }
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
    return new Account(user.getId(), user.getUsername(), user.isSuperuser(), new HashSet<>(groups));
  }
}

package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.rtds.domain.auth.AuthUser;
import org.rtds.security.control.DjangoPasswordHasher;

/**
 * Creates the first administrator account ({@code admin}) on first start, so a new installation can
 * be logged into. Safe on several nodes at once: {@code auth_user.username} is unique, so only one
 * insert can win; the losers see the winner's row.
 */
@ApplicationScoped
public class AccountBootstrap {

  /** Username of the first administrator, as the launcher contract says. */
  public static final String ADMIN_USERNAME = "admin";

  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int GENERATED_PASSWORD_LENGTH = 20;
  private static final int MIN_PASSWORD_LENGTH = 8;

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  /**
   * What the bootstrap did. {@code generatedPassword} is set only when RTDS chose the password
   * (show it once).
   */
  public record Result(boolean created, String generatedPassword) {}

  /**
   * Creates {@code admin} unless an account with that name exists.
   *
   * @param configuredPassword {@code RTDS_ADMIN_PASSWORD}, if set; otherwise a random password is
   *     generated
   * @throws IllegalArgumentException if the configured password is shorter than 8 characters
   */
  @Transactional
  public Result ensureAdminAccount(Optional<String> configuredPassword) {
    boolean exists =
        !em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
            .setParameter("username", ADMIN_USERNAME)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (exists) {
      return new Result(false, null);
    }
    String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
    if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "RTDS_ADMIN_PASSWORD must have at least "
              + MIN_PASSWORD_LENGTH
              + " characters; it has "
              + password.length());
    }
    String generated = password == null ? generatePassword() : null;
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    AuthUser admin = new AuthUser();
    admin.setUsername(ADMIN_USERNAME);
    admin.setPassword(
        new DjangoPasswordHasher().hash((password != null ? password : generated).toCharArray()));
    admin.setSuperuser(true);
    admin.setStaff(true);
    admin.setActive(true);
    admin.setFirstName("");
    admin.setLastName("");
    admin.setEmail("");
    admin.setDateJoined(now);
    em.persist(admin);
    em.flush();
    return new Result(true, generated);
  }

  private static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
    for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}

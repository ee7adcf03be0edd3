package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.rtds.domain.auth.InstallationSecret;
import org.rtds.security.control.StudyVisibility;

/**
 * The installation's {@link StudyVisibility}: its study-key secret is read from {@code
 * rtds_installation_secret}, created there by the first node that needs it (a concurrent creation
 * by another node loses on the primary key and reads the winner's), then kept in memory: it never
 * changes, so every node computes the same keys.
 */
@ApplicationScoped
public class StudyKeys {

  /** The secret's name. */
  public static final String STUDY_KEY = "study-key";

  @Inject SecretCreator creator;

  private volatile StudyVisibility visibility;

  /**
   * @return the rule and the keys
   */
  public StudyVisibility visibility() {
    StudyVisibility v = visibility;
    if (v == null) {
      String secret;
      try {
        secret = creator.readOrCreate();
      } catch (RuntimeException lostTheRace) {
        secret = creator.read();
      }
      v = new StudyVisibility(Base64.getDecoder().decode(secret));
      visibility = v;
    }
    return v;
  }

  /** Reads or inserts the secret in a transaction of its own. */
  @ApplicationScoped
  public static class SecretCreator {

    @PersistenceContext(unitName = "rtds")
    EntityManager em;

    private final SecureRandom random = new SecureRandom();

    /**
     * @return the secret (Base64), created when missing
     */
    @Transactional(TxType.REQUIRES_NEW)
    public String readOrCreate() {
      InstallationSecret s = em.find(InstallationSecret.class, STUDY_KEY);
      if (s == null) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        s = new InstallationSecret();
        s.setName(STUDY_KEY);
        s.setSecret(Base64.getEncoder().encodeToString(bytes));
        s.setCreatedAt(LocalDateTime.now(ZoneOffset.UTC));
        em.persist(s);
        em.flush();
      }
      return s.getSecret();
    }

    /**
     * @return the secret (Base64) another node created
     */
    @Transactional(TxType.REQUIRES_NEW)
    public String read() {
      InstallationSecret s = em.find(InstallationSecret.class, STUDY_KEY);
      if (s == null) {
        throw new IllegalStateException("the study-key secret could not be created");
      }
      return s.getSecret();
    }
  }
}

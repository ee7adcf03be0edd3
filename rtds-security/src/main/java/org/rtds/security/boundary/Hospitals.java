package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rtds.security.control.HospitalScope;

/**
 * Hospitals and their accounts, read from {@code userprofile_userprofile.institution} (the legacy
 * Django application's field; ARCHITECTURE D36). Read on every call, never cached, so a profile
 * changed on any node counts at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Hospitals {

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  /**
   * @param account an authenticated account
   * @return whose patients it sees: every hospital's for superusers; otherwise those sent by the
   *     accounts whose profile names the same institution (without regard to case or surrounding
   *     spaces), or only its own when it has no institution
   */
  public HospitalScope scopeOf(Account account) {
    if (account.superuser()) {
      return HospitalScope.everyHospital(account.hospital(), account.id());
    }
    Set<Integer> ids = new HashSet<>();
    ids.add(account.id());
    if (account.hospital() != null) {
      ids.addAll(
          em.createQuery(
                  "select p.user.id from UserProfile p where trim(p.institution) = :hospital",
                  Integer.class)
              .setParameter("hospital", account.hospital())
              .getResultList());
    }
    return new HospitalScope(false, account.hospital(), ids);
  }

  /**
   * @return the names of every hospital some account belongs to, sorted
   */
  public List<String> names() {
    return em.createQuery(
            "select distinct trim(p.institution) from UserProfile p"
                + " where p.institution is not null and trim(p.institution) <> ''"
                + " order by 1",
            String.class)
        .getResultList();
  }
}

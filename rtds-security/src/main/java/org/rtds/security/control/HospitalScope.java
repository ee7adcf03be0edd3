package org.rtds.security.control;

import java.util.Set;

/**
 * Whose patients an account sees identifiably: those sent by any account of its hospital. Plain
 * Java; {@code org.rtds.security.boundary.Hospitals} builds it from the database.
 *
 * <p>A hospital is the institution of the account's profile ({@code
 * userprofile_userprofile.institution}, compared without regard to case or surrounding spaces, as
 * the legacy Django application kept it). An account without one is a hospital of its own: it sees
 * what it sent itself. Superusers see every hospital's patients.
 *
 * @param everyHospital whether the account sees every hospital's patients (superusers)
 * @param hospital the hospital's name as its accounts' profiles write it; null for an account
 *     without one (and for superusers without one)
 * @param accountIds {@code auth_user.id} of every account of the hospital, the caller's own
 *     included (active or not: a deactivated colleague's patients stay the hospital's)
 */
public record HospitalScope(boolean everyHospital, String hospital, Set<Integer> accountIds) {

  public HospitalScope {
    accountIds = Set.copyOf(accountIds);
  }

  /** Every hospital (superusers). */
  public static HospitalScope everyHospital(String ownHospital, int ownAccountId) {
    return new HospitalScope(true, ownHospital, Set.of(ownAccountId));
  }

  /**
   * @param senderAccountId the account a patient or study was sent by ({@code fk_user_id_id}); null
   *     for legacy rows without one
   * @return whether it belongs to this scope
   */
  public boolean includes(Integer senderAccountId) {
    return everyHospital || (senderAccountId != null && accountIds.contains(senderAccountId));
  }

  /**
   * The sending accounts whose patients and studies this scope covers, as the read boundaries take
   * them: {@code auth_user.id}s, or null for every hospital's.
   */
  public Set<Integer> senders() {
    return everyHospital ? null : accountIds;
  }

  /**
   * The hospital name as stored: spaces around it removed; null when blank (no hospital).
   *
   * @param institution {@code userprofile_userprofile.institution}
   */
  public static String normalise(String institution) {
    if (institution == null || institution.isBlank()) {
      return null;
    }
    return institution.strip();
  }
}

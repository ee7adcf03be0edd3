package org.rtds.security.control;

import java.time.Duration;

/**
 * When repeated failed logins stop RTDS from checking passwords, counted from the audit trail (so
 * every node agrees). Plain Java.
 *
 * <ul>
 *   <li>{@value #MAX_PER_ACCOUNT_AND_ADDRESS} failures for one account from one address within
 *       {@link #WINDOW}: that account is refused from that address (other addresses still log in,
 *       so an attacker cannot lock a clinician out of their own workstation);
 *   <li>{@value #MAX_PER_ADDRESS} failures from one address within the window, whatever the
 *       account: the address is refused (password spraying);
 * </ul>
 *
 * A refusal ends by itself once the failures are older than the window: nothing is locked for ever,
 * and an administrator need not unlock anything.
 */
public final class LoginThrottle {

  /** How far back failures count. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Failures of one account from one address that stop further attempts from there. */
  public static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;

  /** Failures from one address, any accounts, that stop further attempts from there. */
  public static final int MAX_PER_ADDRESS = 30;

  private LoginThrottle() {}

  /**
   * @param accountFailuresFromAddress failures for this account from this address in the window
   * @param addressFailures failures from this address in the window, any account
   * @return why attempts are refused now, or null when a password may be checked
   */
  public static String refusal(long accountFailuresFromAddress, long addressFailures) {
    if (accountFailuresFromAddress >= MAX_PER_ACCOUNT_AND_ADDRESS) {
      return "too many failed logins for this account from this address; try again in "
          + WINDOW.toMinutes()
          + " minutes";
    }
    if (addressFailures >= MAX_PER_ADDRESS) {
      return "too many failed logins from this address; try again in "
          + WINDOW.toMinutes()
          + " minutes";
    }
    return null;
  }
}

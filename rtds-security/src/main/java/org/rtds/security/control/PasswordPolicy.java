package org.rtds.security.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be, after Django's default validators (minimum length, not entirely
 * numeric, not too similar to the account name, not a common password), with a longer minimum for
 * clinical data. Plain Java.
 */
public final class PasswordPolicy {

  /** Shortest password accepted. */
  public static final int MIN_LENGTH = 10;

  /** Longest accepted (PBKDF2 cost grows with it; Django's limit is 4096). */
  public static final int MAX_LENGTH = 4096;

  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password123",
          "123456789",
          "1234567890",
          "qwertyuiop",
          "qwerty123",
          "iloveyou",
          "sunshine1",
          "princess1",
          "football1",
          "welcome1",
          "letmein1",
          "abc123456",
          "passw0rd",
          "administrator",
          "changeme",
          "changeme1",
          "radiotherapy",
          "hospital1");

  private PasswordPolicy() {}

  /**
   * @param password the proposed password
   * @param username the account's name
   * @return what is wrong with it, in words for the user; empty when it is acceptable
   */
  public static List<String> problems(String password, String username) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      problems.add("the password must have at least " + MIN_LENGTH + " characters");
      if (password == null) {
        return problems;
      }
    }
    if (password.length() > MAX_LENGTH) {
      problems.add("the password must have at most " + MAX_LENGTH + " characters");
    }
    if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
      problems.add("the password must not be entirely numeric");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      problems.add("the password must not contain the account name");
    }
    if (COMMON.contains(lower)) {
      problems.add("the password is too common");
    }
    return problems;
  }
}

package org.rtds.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API token strings: {@code rtds_} and 43 base-62 characters (256 random bits), stored as their
 * SHA-256 only (a token has full entropy, so a slow password hash would add nothing), and token
 * scopes (RTDS permission codenames). Plain Java.
 */
public final class ApiTokens {

  /** Every token starts with this, so secret scanners and logs can recognise one. */
  public static final String PREFIX = "rtds_";

  /** Characters of a token kept in clear to recognise it in lists ({@code rtds_} + 7). */
  public static final int SHOWN_PREFIX_LENGTH = 12;

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int RANDOM_LENGTH = 43; // 43 × log2(62) ≈ 256 bits

  private final SecureRandom random = new SecureRandom();

  /** A new token; show it once, store {@link #sha256(String)}. */
  public String generate() {
    StringBuilder token = new StringBuilder(PREFIX);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }

  /**
   * @return whether {@code text} has a token's shape (so a malformed one is refused without a
   *     database read)
   */
  public static boolean wellFormed(String text) {
    return text != null
        && text.length() == PREFIX.length() + RANDOM_LENGTH
        && text.startsWith(PREFIX)
        && text.substring(PREFIX.length()).chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  public static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  /**
   * Parses a scope: permission codenames separated by commas or spaces; blank for "everything the
   * account holds".
   *
   * @throws IllegalArgumentException naming any codename that is not an RTDS permission
   */
  public static Set<RtdsPermission> parseScope(String scope) {
    Set<RtdsPermission> permissions = EnumSet.noneOf(RtdsPermission.class);
    if (scope == null || scope.isBlank()) {
      return permissions;
    }
    for (String codename : scope.trim().split("[,\\s]+")) {
      RtdsPermission p =
          RtdsPermission.byCodename(codename)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown permission '"
                              + (codename.length() > 40 ? codename.substring(0, 40) : codename)
                              + "' in the scope; RTDS permissions are "
                              + String.join(", ", RtdsPermission.codenames())));
      permissions.add(p);
    }
    return permissions;
  }

  /** The stored form of a scope: codenames in declaration order, comma-separated. */
  public static String formatScope(Set<RtdsPermission> scope) {
    return scope.stream().sorted().map(RtdsPermission::codename).collect(Collectors.joining(","));
  }

  /**
   * What a token may do: what its account holds, narrowed to the scope when there is one.
   *
   * @param held the account's permissions (every permission for a superuser)
   * @param scope the token's scope; empty for no narrowing
   */
  public static Set<RtdsPermission> effective(Set<RtdsPermission> held, Set<RtdsPermission> scope) {
    Set<RtdsPermission> effective = EnumSet.noneOf(RtdsPermission.class);
    effective.addAll(held);
    if (!scope.isEmpty()) {
      effective.retainAll(scope);
    }
    return effective;
  }
}

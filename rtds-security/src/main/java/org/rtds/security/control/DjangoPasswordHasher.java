package org.rtds.security.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in Django's format, so that accounts in a legacy {@code auth_user} table keep
 * working and accounts created by RTDS can still be read by the original Django application.
 *
 * <p>Django stores {@code algorithm$iterations$salt$hash}, where {@code hash} is the standard
 * Base64 of PBKDF2 over the UTF-8 password and the salt taken literally as UTF-8 text (not
 * Base64-decoded). This differs from Jakarta Security's built-in {@code Pbkdf2PasswordHash}, whose
 * format is colon-separated with a Base64 salt.
 *
 * <p>Verified, each against hashes made by Django itself (test fixtures from {@code
 * scripts/django-password-fixtures.py}):
 *
 * <ul>
 *   <li>{@code pbkdf2_sha256} (Django's default) and {@code pbkdf2_sha1};
 *   <li>{@code argon2} ({@code argon2$argon2id$v=19$m=…,t=…,p=…$salt$hash}, and the argon2i hashes
 *       of Django 1.10–2.x, with or without {@code v=}), via Bouncy Castle's Argon2;
 *   <li>{@code bcrypt_sha256} (bcrypt over the hexadecimal SHA-256 of the password) and {@code
 *       bcrypt} (bcrypt over the password's first 72 UTF-8 bytes), via Bouncy Castle's bcrypt.
 * </ul>
 *
 * Anything else (scrypt, salted or unsalted MD5/SHA1, crypt) and Django's unusable passwords
 * ({@code !…}) never verify; {@link #describe} says why, for the log. New hashes are always {@code
 * pbkdf2_sha256} with Django's current iteration count; {@link #needsRehash} tells which stored
 * hashes to replace after a successful login, as Django does.
 */
public final class DjangoPasswordHasher {

  /** Django 6.1's default iteration count for PBKDF2-SHA256 (Django 6.1, August 2026). */
  public static final int DEFAULT_ITERATIONS = 1_500_000;

  /** Longest password bcrypt reads, in bytes; Django's bcrypt hasher passes it the rest unread. */
  private static final int BCRYPT_MAX_BYTES = 72;

  private static final String SALT_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int SALT_LENGTH = 22;
  private static final int MIN_ITERATIONS = 1;
  private static final String ARGON2_PREFIX = "argon2$";
  private static final String BCRYPT_SHA256_PREFIX = "bcrypt_sha256$";
  private static final String BCRYPT_PREFIX = "bcrypt$";

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public DjangoPasswordHasher() {
    this(DEFAULT_ITERATIONS);
  }

  /**
   * @param iterations PBKDF2 rounds for new hashes; existing hashes are verified with their own
   *     count
   */
  public DjangoPasswordHasher(int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("PBKDF2 iterations must be positive, got " + iterations);
    }
    this.iterations = iterations;
  }

  /**
   * A new {@code pbkdf2_sha256$…} string with a random 22-character salt, as Django's {@code
   * make_password}.
   */
  public String hash(char[] password) {
    StringBuilder salt = new StringBuilder(SALT_LENGTH);
    for (int i = 0; i < SALT_LENGTH; i++) {
      salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
    }
    return encode(Algorithm.PBKDF2_SHA256, password, salt.toString(), iterations);
  }

  /** Encodes with a given salt and iteration count (for tests against Django-produced strings). */
  public static String encode(Algorithm algorithm, char[] password, String salt, int iterations) {
    if (salt.isEmpty() || salt.indexOf('$') >= 0) {
      throw new IllegalArgumentException("salt must be non-empty and must not contain '$'");
    }
    byte[] derived = pbkdf2(algorithm, password, salt, iterations);
    return algorithm.djangoName
        + "$"
        + iterations
        + "$"
        + salt
        + "$"
        + Base64.getEncoder().encodeToString(derived);
  }

  /**
   * True only if {@code encoded} is a supported Django hash of {@code password}; constant-time
   * comparison.
   */
  public boolean verify(char[] password, String encoded) {
    if (encoded == null) {
      return false;
    }
    if (encoded.startsWith(ARGON2_PREFIX)) {
      return LegacyHashes.verifyArgon2(utf8(password), encoded.substring(ARGON2_PREFIX.length()));
    }
    if (encoded.startsWith(BCRYPT_SHA256_PREFIX)) {
      byte[] digest = sha256Hex(password);
      return LegacyHashes.verifyBcrypt(digest, encoded.substring(BCRYPT_SHA256_PREFIX.length()));
    }
    if (encoded.startsWith(BCRYPT_PREFIX)) {
      byte[] bytes = utf8(password);
      byte[] read = Arrays.copyOf(bytes, Math.min(bytes.length, BCRYPT_MAX_BYTES));
      Arrays.fill(bytes, (byte) 0);
      return LegacyHashes.verifyBcrypt(read, encoded.substring(BCRYPT_PREFIX.length()));
    }
    ParsedHash parsed = ParsedHash.parse(encoded);
    if (parsed == null) {
      return false;
    }
    byte[] expected;
    try {
      expected = Base64.getDecoder().decode(parsed.hash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] actual = pbkdf2(parsed.algorithm, password, parsed.salt, parsed.iterations);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Whether a stored hash should be replaced by a fresh one after a successful login (weaker than
   * today's).
   */
  public boolean needsRehash(String encoded) {
    ParsedHash parsed = ParsedHash.parse(encoded);
    return parsed == null
        || parsed.algorithm != Algorithm.PBKDF2_SHA256
        || parsed.iterations < iterations;
  }

  /**
   * A short, log-safe description of a stored hash: its algorithm, or why it cannot be verified.
   */
  public static String describe(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return "no password set";
    }
    if (encoded.startsWith("!")) {
      return "unusable password (Django's set_unusable_password)";
    }
    ParsedHash parsed = ParsedHash.parse(encoded);
    if (parsed != null) {
      return parsed.algorithm.djangoName + " with " + parsed.iterations + " iterations";
    }
    int dollar = encoded.indexOf('$');
    String algorithm = dollar > 0 ? encoded.substring(0, dollar) : "unknown";
    if (List.of("argon2", "bcrypt_sha256", "bcrypt").contains(algorithm)) {
      return algorithm;
    }
    return "unsupported password hash algorithm '"
        + algorithm
        + "' (RTDS verifies pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256 and bcrypt)";
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** The lower-case hexadecimal SHA-256 of the UTF-8 password, as ASCII bytes (bcrypt_sha256). */
  private static byte[] sha256Hex(char[] password) {
    byte[] bytes = utf8(password);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static byte[] pbkdf2(Algorithm algorithm, char[] password, String salt, int iterations) {
    // Django feeds the password's UTF-8 bytes to PBKDF2; PBEKeySpec takes chars, and the JDK's
    // PBKDF2 encodes
    // them as UTF-8, which is the same for every Unicode password.
    PBEKeySpec spec =
        new PBEKeySpec(
            password, salt.getBytes(StandardCharsets.UTF_8), iterations, algorithm.keyLengthBits);
    try {
      return SecretKeyFactory.getInstance(algorithm.jcaName).generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm.jcaName, e);
    } finally {
      spec.clearPassword();
    }
  }

  /** The Django hashers RTDS can verify. */
  public enum Algorithm {
    PBKDF2_SHA256("pbkdf2_sha256", "PBKDF2WithHmacSHA256", 256),
    PBKDF2_SHA1("pbkdf2_sha1", "PBKDF2WithHmacSHA1", 160);

    final String djangoName;
    final String jcaName;
    final int keyLengthBits;

    Algorithm(String djangoName, String jcaName, int keyLengthBits) {
      this.djangoName = djangoName;
      this.jcaName = jcaName;
      this.keyLengthBits = keyLengthBits;
    }

    static Algorithm byDjangoName(String name) {
      return Arrays.stream(values())
          .filter(a -> a.djangoName.equals(name))
          .findFirst()
          .orElse(null);
    }
  }

  private record ParsedHash(Algorithm algorithm, int iterations, String salt, String hash) {
    static ParsedHash parse(String encoded) {
      if (encoded == null) {
        return null;
      }
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 4) {
        return null;
      }
      Algorithm algorithm = Algorithm.byDjangoName(parts[0]);
      if (algorithm == null || parts[2].isEmpty() || parts[3].isEmpty()) {
        return null;
      }
      try {
        int iterations = Integer.parseInt(parts[1]);
        return iterations >= MIN_ITERATIONS
            ? new ParsedHash(algorithm, iterations, parts[2], parts[3])
            : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}

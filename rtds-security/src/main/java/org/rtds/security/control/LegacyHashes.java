package org.rtds.security.control;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The memory-hard formats Django can store (Argon2, bcrypt), verified with Bouncy Castle's
 * lightweight API (no JCE provider is registered). Only {@link DjangoPasswordHasher} calls this.
 * Malformed strings never verify.
 */
final class LegacyHashes {

  /** Refuse parameters that would let a crafted row exhaust the node (Django uses m=102400). */
  private static final int MAX_ARGON2_MEMORY_KIB = 1 << 20;

  private static final int MAX_ARGON2_ITERATIONS = 64;
  private static final int MAX_ARGON2_PARALLELISM = 64;
  private static final int MAX_BCRYPT_COST = 16;

  private LegacyHashes() {}

  /**
   * @param password the UTF-8 password (wiped here)
   * @param encoded what follows {@code argon2$}: {@code argon2id$v=19$m=…,t=…,p=…$salt$hash} (salt
   *     and hash unpadded Base64), or argon2i, or without {@code v=} (version 1.0)
   */
  static boolean verifyArgon2(byte[] password, String encoded) {
    try {
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 4 && parts.length != 5) {
        return false;
      }
      int type =
          switch (parts[0]) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> -1;
          };
      if (type < 0) {
        return false;
      }
      int version = Argon2Parameters.ARGON2_VERSION_10;
      int at = 1;
      if (parts.length == 5) {
        if (!parts[1].startsWith("v=")) {
          return false;
        }
        version = Integer.parseInt(parts[1].substring(2));
        at = 2;
      }
      if (version != Argon2Parameters.ARGON2_VERSION_10
          && version != Argon2Parameters.ARGON2_VERSION_13) {
        return false;
      }
      Map<String, Integer> cost = new HashMap<>();
      for (String pair : parts[at].split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          return false;
        }
        cost.put(kv[0], Integer.parseInt(kv[1]));
      }
      int memory = cost.getOrDefault("m", -1);
      int iterations = cost.getOrDefault("t", -1);
      int parallelism = cost.getOrDefault("p", -1);
      if (memory < 8 || memory > MAX_ARGON2_MEMORY_KIB) {
        return false;
      }
      if (iterations < 1 || iterations > MAX_ARGON2_ITERATIONS) {
        return false;
      }
      if (parallelism < 1 || parallelism > MAX_ARGON2_PARALLELISM) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[at + 1]);
      byte[] expected = Base64.getDecoder().decode(parts[at + 2]);
      if (salt.length < 8 || expected.length < 4) {
        return false;
      }
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(
          new Argon2Parameters.Builder(type)
              .withVersion(version)
              .withMemoryAsKB(memory)
              .withIterations(iterations)
              .withParallelism(parallelism)
              .withSalt(salt)
              .build());
      byte[] actual = new byte[expected.length];
      generator.generateBytes(password, actual);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) { // includes NumberFormatException
      return false;
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  /**
   * @param password the bytes bcrypt hashes, at most 72 (wiped here)
   * @param bcrypt an OpenBSD bcrypt string, {@code $2b$12$} + 22 salt + 31 hash characters
   */
  static boolean verifyBcrypt(byte[] password, String bcrypt) {
    try {
      if (bcrypt.length() != 60 || !bcrypt.matches("\\$2[abyx]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
        return false;
      }
      int cost =
          Integer.parseInt(bcrypt.substring(bcrypt.indexOf('$', 1) + 1, bcrypt.indexOf('$', 4)));
      if (cost < 4 || cost > MAX_BCRYPT_COST) {
        return false;
      }
      return OpenBSDBCrypt.checkPassword(bcrypt, password);
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }
}

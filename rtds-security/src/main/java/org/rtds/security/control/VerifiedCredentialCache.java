package org.rtds.security.control;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short time, that a (username, stored hash, password) triple verified, so HTTP
 * Basic calls from partner systems do not each pay a full PBKDF2 run (~0.5 s at Django's iteration
 * counts).
 *
 * <p>Only a SHA-256 digest of the triple is kept, never the password. The stored hash is part of
 * the key, so a password change in the database (on any node) invalidates the entry at once;
 * deactivation is checked by the caller on every request. The cache is a per-node optimisation and
 * holds no authoritative state.
 */
public final class VerifiedCredentialCache {

  private final Duration timeToLive;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Instant> entries = new ConcurrentHashMap<>();

  public VerifiedCredentialCache(Duration timeToLive, int maxEntries, Clock clock) {
    this.timeToLive = timeToLive;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public boolean contains(String username, String storedHash, char[] password) {
    String key = key(username, storedHash, password);
    Instant expiry = entries.get(key);
    if (expiry == null) {
      return false;
    }
    if (expiry.isBefore(clock.instant())) {
      entries.remove(key);
      return false;
    }
    return true;
  }

  public void put(String username, String storedHash, char[] password) {
    Instant now = clock.instant();
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(expiry -> expiry.isBefore(now));
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key(username, storedHash, password), now.plus(timeToLive));
  }

  private static String key(String username, String storedHash, char[] password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(username.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(storedHash.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
      digest.update(bytes);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}

package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedCredentialCacheTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T08:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void remembersOnlyTheExactTriple() {
    VerifiedCredentialCache cache = new VerifiedCredentialCache(Duration.ofMinutes(5), 10, clock);
    cache.put("alice", "hash1", "pw".toCharArray());
    assertThat(cache.contains("alice", "hash1", "pw".toCharArray())).isTrue();
    assertThat(cache.contains("alice", "hash1", "pw2".toCharArray())).isFalse();
    assertThat(cache.contains("alice", "hash2", "pw".toCharArray()))
        .as("password changed in DB")
        .isFalse();
    assertThat(cache.contains("bob", "hash1", "pw".toCharArray())).isFalse();
  }

  @Test
  void entriesExpire() {
    VerifiedCredentialCache cache = new VerifiedCredentialCache(Duration.ofMinutes(5), 10, clock);
    cache.put("alice", "hash1", "pw".toCharArray());
    now.set(now.get().plus(Duration.ofMinutes(6)));
    assertThat(cache.contains("alice", "hash1", "pw".toCharArray())).isFalse();
  }

  @Test
  void staysBounded() {
    VerifiedCredentialCache cache = new VerifiedCredentialCache(Duration.ofMinutes(5), 3, clock);
    for (int i = 0; i < 10; i++) {
      cache.put("user" + i, "h", "pw".toCharArray());
    }
    assertThat(cache.contains("user9", "h", "pw".toCharArray())).isTrue();
    int remembered = 0;
    for (int i = 0; i < 10; i++) {
      remembered += cache.contains("user" + i, "h", "pw".toCharArray()) ? 1 : 0;
    }
    assertThat(remembered).isLessThanOrEqualTo(3);
  }
}

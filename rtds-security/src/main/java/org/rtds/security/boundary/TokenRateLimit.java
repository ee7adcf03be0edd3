package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * The per-token rate limit: at most {@code limit} requests per API token and UTC minute (a fixed
 * window), counted in {@code rtds_api_rate} so that every node of a cluster counts into the same
 * row. A request over the limit is refused until the minute ends.
 */
@ApplicationScoped
public class TokenRateLimit {

  /** How long counts are kept; older rows are deleted now and then. */
  static final long KEEP_MINUTES = 60;

  @PersistenceContext EntityManager em;

  /**
   * Counts one request of a token and says whether it is admitted.
   *
   * @param tokenId {@code rtds_api_token.id}
   * @param limit requests per minute; 0 or less: no limit (nothing is counted)
   * @param now the request's time
   * @return empty when admitted; else the seconds until the window ends ({@code Retry-After}, ≥ 1)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public OptionalLong admit(int tokenId, int limit, Instant now) {
    if (limit <= 0) {
      return OptionalLong.empty();
    }
    Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime window = LocalDateTime.ofInstant(windowStart, ZoneOffset.UTC);
    em.createNativeQuery(
            "insert into rtds_api_rate (token_id, window_start, requests) values (?1, ?2, 1)"
                + " on duplicate key update requests = requests + 1")
        .setParameter(1, tokenId)
        .setParameter(2, window)
        .executeUpdate();
    Number requests =
        (Number)
            em.createNativeQuery(
                    "select requests from rtds_api_rate where token_id = ?1 and window_start = ?2")
                .setParameter(1, tokenId)
                .setParameter(2, window)
                .getSingleResult();
    if (now.getEpochSecond() % 97 == 0) {
      em.createNativeQuery("delete from rtds_api_rate where window_start < ?1")
          .setParameter(1, window.minusMinutes(KEEP_MINUTES))
          .executeUpdate();
    }
    if (requests.longValue() <= limit) {
      return OptionalLong.empty();
    }
    long left = windowStart.plus(1, ChronoUnit.MINUTES).getEpochSecond() - now.getEpochSecond();
    return OptionalLong.of(Math.max(1, left));
  }
}

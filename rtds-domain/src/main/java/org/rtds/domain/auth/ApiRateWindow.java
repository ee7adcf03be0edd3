package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * How many requests an API token made in one UTC minute ({@code rtds_api_rate}, an RTDS table,
 * V13), for the per-token rate limit. Written by native upserts (every node counts into the same
 * row); mapped so the schema is validated and readable in tests.
 */
@Entity
@Table(name = "rtds_api_rate")
public class ApiRateWindow {

  @EmbeddedId private Key key;

  /** Requests of the token in the minute. */
  @Column(name = "requests", nullable = false)
  private int requests;

  /**
   * The token and the minute.
   *
   * @param tokenId {@code rtds_api_token.id}
   * @param windowStart the minute's start, UTC
   */
  @Embeddable
  public record Key(
      @Column(name = "token_id", nullable = false) Integer tokenId,
      @Column(name = "window_start", nullable = false) LocalDateTime windowStart)
      implements Serializable {}

  protected ApiRateWindow() {}

  public ApiRateWindow(Key key, int requests) {
    this.key = key;
    this.requests = requests;
  }

  public Key getKey() {
    return key;
  }

  public int getRequests() {
    return requests;
  }
}

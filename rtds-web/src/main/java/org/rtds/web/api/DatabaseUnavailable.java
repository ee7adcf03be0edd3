package org.rtds.web.api;

/**
 * The answer to a request that failed because the database is unreachable (restarting, network
 * down, pool unable to connect; decided by {@link org.rtds.ingest.boundary.DatabaseOutages}): 503
 * with {@code Retry-After} rather than 500, because the request was fine and will work again once
 * the database is back, which RTDS notices by itself.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before retrying. */
  public static final long RETRY_AFTER_SECONDS = 15;

  private DatabaseUnavailable() {}

  /** The problem document for it. */
  public static Problem problem() {
    return new Problem(
        503,
        "Service Unavailable",
        "the RTDS database is not reachable at the moment; nothing was changed, retry in "
            + RETRY_AFTER_SECONDS
            + " s");
  }
}

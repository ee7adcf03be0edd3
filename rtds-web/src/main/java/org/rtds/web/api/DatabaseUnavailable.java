package org.rtds.web.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure caused by the database being unreachable (restarting, network down, pool
 * unable to connect), so callers get 503 with {@code Retry-After} rather than 500: the request was
 * fine and will work again once the database is back, which RTDS notices by itself.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before retrying. */
  public static final long RETRY_AFTER_SECONDS = 15;

  /** SQLState class 08: connection exception (SQL standard; MySQL/MariaDB report 08S01). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private static final int MAX_DEPTH = 20;
  private static final Set<String> CONNECTION_FAILURE_TYPES =
      Set.of("CommunicationsException", "CJCommunicationsException", "ConnectException");

  private DatabaseUnavailable() {}

  /** True if {@code failure} or one of its causes says the database could not be reached. */
  public static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || CONNECTION_FAILURE_TYPES.contains(t.getClass().getSimpleName())) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
        return true;
      }
    }
    return false;
  }

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

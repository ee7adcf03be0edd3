package org.rtds.ingest.control;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Classifies an exception thrown by a database transaction, by walking its causes for the JDBC
 * {@link SQLException} underneath JPA's and the container's wrappers.
 */
public enum DatabaseFailure {
  /**
   * Another transaction won a race: a unique key (two senders creating the same patient, study,
   * series or object at once), a deadlock, or a lock wait timeout. Running the transaction again
   * resolves it (it then finds the winner's rows).
   */
  RACE,
  /** The database cannot be reached (connection refused or lost): a transient outage. */
  UNAVAILABLE,
  /**
   * A column the database declares NOT NULL got no value (MariaDB/MySQL error 1048): a legacy
   * Django {@code dsrt} schema demands a value this object does not have (ARCHITECTURE D27). Not a
   * race, and running again cannot help: the object is refused with {@link #missingColumn}.
   */
  MISSING_VALUE,
  /** Anything else: a bug or bad data; not retried. */
  OTHER;

  /** MariaDB/MySQL: deadlock found, lock wait timeout exceeded. */
  private static final int ER_LOCK_DEADLOCK = 1213;

  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  /** MariaDB/MySQL: column cannot be null. */
  private static final int ER_BAD_NULL_ERROR = 1048;

  /** Classifies a failure. */
  public static DatabaseFailure of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ER_BAD_NULL_ERROR) {
        return MISSING_VALUE;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException) {
        return RACE;
      }
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
        return UNAVAILABLE;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("23")
            || state.equals("40001")
            || sql.getErrorCode() == ER_LOCK_DEADLOCK
            || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
          return RACE;
        }
        if (state.startsWith("08")) {
          return UNAVAILABLE;
        }
      }
      String name = t.getClass().getName();
      if (name.endsWith("CommunicationsException")
          || name.endsWith("JDBCConnectionException")
          || name.endsWith("PoolingException")
          // the connection was lost under a transaction: MySQL Connector/J's own exception, and
          // what the container's pool throws when it cannot commit or roll back on it
          || name.endsWith("ConnectionIsClosedException")
          || name.endsWith("LocalTransactionException")
          || name.endsWith("ResourceAllocationException")) {
        return UNAVAILABLE;
      }
      if (name.endsWith("ConstraintViolationException")
          || name.endsWith("LockAcquisitionException")) {
        return RACE;
      }
    }
    return OTHER;
  }

  /**
   * @return the column a {@link #MISSING_VALUE} failure names ({@code Column 'X' cannot be null}),
   *     or "a column" when the message says nothing
   */
  public static String missingColumn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getErrorCode() == ER_BAD_NULL_ERROR
          && sql.getMessage() != null) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("Column '([^']+)'").matcher(sql.getMessage());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return "a column";
  }
}

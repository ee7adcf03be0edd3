package org.rtds.domain.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies an exception thrown by a database transaction by walking its causes for the JDBC
 * {@link SQLException} underneath JPA's and the container's wrappers, or for a wrapper that only an
 * outage throws. The one rule for every channel (ARCHITECTURE D48): an outage is a 503 with {@code
 * Retry-After} on REST and DICOMweb, C-STORE status A700 on the DICOM listener, a paused drop
 * folder and a job left for a later run; never a 500, 0110 or a failed file.
 */
public enum DatabaseFailure {
  /**
   * Another transaction won a race: a unique key (two senders creating the same patient, study,
   * series or object at once), a deadlock, or a lock wait timeout. Running the transaction again
   * resolves it (it then finds the winner's rows).
   */
  RACE,
  /**
   * The database cannot be reached (connection refused, lost, or the pool cannot hand one out): a
   * transient outage.
   */
  UNAVAILABLE,
  /**
   * A column the database declares NOT NULL got no value (MariaDB/MySQL error 1048): a legacy
   * Django {@code dsrt} schema demands a value this object does not have (ARCHITECTURE D27). Not a
   * race, and running again cannot help.
   */
  MISSING_VALUE,
  /** Anything else: a bug or bad data; not retried. */
  OTHER;

  /** MariaDB/MySQL: deadlock found, lock wait timeout exceeded. */
  private static final int ER_LOCK_DEADLOCK = 1213;

  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  /** MariaDB/MySQL: column cannot be null. */
  private static final int ER_BAD_NULL_ERROR = 1048;

  /** SQLState class 08: connection exception (SQL standard; MySQL/MariaDB report 08S01). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  /** SQLState class 23: integrity constraint violation; 40001: serialization failure. */
  private static final String INTEGRITY_CLASS = "23";

  private static final String SERIALIZATION_FAILURE = "40001";

  /** Causes are followed at most this deep (a cycle guard beyond {@code getCause() == this}). */
  private static final int MAX_DEPTH = 32;

  /**
   * Simple names of exceptions only an outage throws, from libraries RTDS does not compile against:
   * Connector/J's communication failures and its "connection is closed" (unchecked, lost under a
   * transaction), Hibernate's JDBC connection failure, and what Payara's pool throws when it cannot
   * hand out, commit or roll back a connection.
   */
  private static final Set<String> OUTAGE_TYPES =
      Set.of(
          "CommunicationsException",
          "CJCommunicationsException",
          "ConnectionIsClosedException",
          "JDBCConnectionException",
          "PoolingException",
          "LocalTransactionException",
          "ResourceAllocationException");

  /** Simple names of Hibernate's exceptions for a lost race. */
  private static final Set<String> RACE_TYPES =
      Set.of("ConstraintViolationException", "LockAcquisitionException");

  private static final Pattern COLUMN = Pattern.compile("Column '([^']+)'");

  /** Classifies a failure. */
  public static DatabaseFailure of(Throwable failure) {
    if (missingValue(failure) != null) {
      return MISSING_VALUE;
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
      DatabaseFailure kind = classify(t);
      if (kind != OTHER) {
        return kind;
      }
    }
    return OTHER;
  }

  /** Whether {@code failure} says the database cannot be reached now: see {@link #UNAVAILABLE}. */
  public static boolean isOutage(Throwable failure) {
    return of(failure) == UNAVAILABLE;
  }

  /**
   * @return the column a {@link #MISSING_VALUE} failure names ({@code Column 'X' cannot be null}),
   *     or "a column" when the message says nothing
   */
  public static String missingColumn(Throwable failure) {
    SQLException sql = missingValue(failure);
    if (sql != null && sql.getMessage() != null) {
      Matcher m = COLUMN.matcher(sql.getMessage());
      if (m.find()) {
        return m.group(1);
      }
    }
    return "a column";
  }

  private static DatabaseFailure classify(Throwable t) {
    if (t instanceof DatabaseUnavailableException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof ConnectException
        || OUTAGE_TYPES.contains(t.getClass().getSimpleName())) {
      return UNAVAILABLE;
    }
    if (t instanceof SQLIntegrityConstraintViolationException
        || RACE_TYPES.contains(t.getClass().getSimpleName())) {
      return RACE;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState() == null ? "" : sql.getSQLState();
      if (state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
        return UNAVAILABLE;
      }
      if (state.startsWith(INTEGRITY_CLASS)
          || state.equals(SERIALIZATION_FAILURE)
          || sql.getErrorCode() == ER_LOCK_DEADLOCK
          || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
        return RACE;
      }
    }
    return OTHER;
  }

  private static SQLException missingValue(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ER_BAD_NULL_ERROR) {
        return sql;
      }
    }
    return null;
  }

  /** The cause, or for a JDBC exception without one its chained next exception. */
  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    if (cause == t) {
      return null;
    }
    if (cause == null && t instanceof SQLException sql) {
      return sql.getNextException();
    }
    return cause;
  }
}

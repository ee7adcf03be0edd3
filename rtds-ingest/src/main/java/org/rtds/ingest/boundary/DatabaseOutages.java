package org.rtds.ingest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.rtds.domain.db.DatabaseFailure;

/**
 * Decides for every channel whether a failure means "the database is away, try again later"
 * (ARCHITECTURE D48): the REST API and DICOMweb answer 503 with {@code Retry-After}, the DICOM
 * listener A700, the drop folder pauses. {@link DatabaseFailure} recognises an outage by the
 * exceptions it produces; when a failure is not one it recognises, the database is asked directly
 * (a fresh connection from the pool, validated within {@value #PROBE_TIMEOUT_SECONDS} s), because
 * the moment a database dies the container can wrap the loss in exceptions no list foresees (a
 * commit on a half-closed connection, a pool in the middle of resizing), and a transient outage
 * must never turn into a permanent refusal of a good object. An unrecognised outage is logged with
 * its exception chain so that the classifier can learn it.
 *
 * <p>The probe's answer is kept for {@value #PROBE_TTL_MILLIS} ms so that a burst of failures
 * during one outage does not queue on the pool; it is a per-node observation of the database, not
 * shared state.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseOutages {

  private static final Logger LOG = System.getLogger(DatabaseOutages.class.getName());

  static final int PROBE_TIMEOUT_SECONDS = 2;

  static final long PROBE_TTL_MILLIS = 1000;

  @Resource(lookup = "jdbc/rtds")
  DataSource dataSource;

  private volatile long probedAtMillis;

  private volatile boolean reachable = true;

  /** Whether {@code failure} happened because the database cannot be reached. */
  public boolean explains(Throwable failure) {
    DatabaseFailure kind = DatabaseFailure.of(failure);
    if (kind == DatabaseFailure.UNAVAILABLE) {
      return true;
    }
    if (kind != DatabaseFailure.OTHER || reachable()) {
      return false;
    }
    LOG.log(
        Level.WARNING,
        "RTDS database unreachable; treating as an outage a failure DatabaseFailure does not"
            + " recognise (its causes below)",
        failure);
    return true;
  }

  /** Whether the database answers now (cached for {@value #PROBE_TTL_MILLIS} ms). */
  public boolean reachable() {
    long now = System.currentTimeMillis();
    if (now - probedAtMillis < PROBE_TTL_MILLIS) {
      return reachable;
    }
    boolean answer;
    try (Connection connection = dataSource.getConnection()) {
      answer = connection.isValid(PROBE_TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      answer = false;
    }
    reachable = answer;
    probedAtMillis = System.currentTimeMillis();
    return answer;
  }
}

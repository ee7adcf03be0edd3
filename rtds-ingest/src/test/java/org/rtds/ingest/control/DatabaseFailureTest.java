package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

  @Test
  void aLegacyNotNullColumnIsAMissingValueNotARace() {
    // what MariaDB answers when a legacy Django column (NOT NULL) gets no value
    RuntimeException failure =
        new RuntimeException(
            "could not execute statement",
            new SQLIntegrityConstraintViolationException(
                "Column 'EnthicGroup' cannot be null", "23000", 1048));
    assertThat(DatabaseFailure.of(failure)).isEqualTo(DatabaseFailure.MISSING_VALUE);
    assertThat(DatabaseFailure.missingColumn(failure)).isEqualTo("EnthicGroup");
  }

  @Test
  void duplicatesAndDeadlocksStayRacesAndOutagesUnavailable() {
    assertThat(
            DatabaseFailure.of(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))
        .isEqualTo(DatabaseFailure.RACE);
    assertThat(DatabaseFailure.of(new SQLException("Deadlock found", "40001", 1213)))
        .isEqualTo(DatabaseFailure.RACE);
    assertThat(DatabaseFailure.of(new SQLException("Communications link failure", "08S01")))
        .isEqualTo(DatabaseFailure.UNAVAILABLE);
    assertThat(DatabaseFailure.missingColumn(new SQLException("other"))).isEqualTo("a column");
  }

  @Test
  void aConnectionLostUnderATransactionIsAnOutageWhateverWrapsIt() {
    // the database killed while an object's transaction commits: the pool's exception, without
    // the driver's SQLException underneath, or the driver's own unchecked one
    assertThat(
            DatabaseFailure.of(
                new IllegalStateException(
                    "Transaction aborted",
                    new jakarta.resource.spi.LocalTransactionException(
                        "No operations allowed after connection closed."))))
        .isEqualTo(DatabaseFailure.UNAVAILABLE);
    assertThat(
            DatabaseFailure.of(
                new RuntimeException(
                    new ConnectionIsClosedException(
                        "No operations allowed after connection closed."))))
        .isEqualTo(DatabaseFailure.UNAVAILABLE);
    assertThat(
            DatabaseFailure.of(
                new jakarta.resource.spi.ResourceAllocationException(
                    "Error in allocating a connection")))
        .isEqualTo(DatabaseFailure.UNAVAILABLE);
    assertThat(DatabaseFailure.of(new IllegalStateException("a bug")))
        .isEqualTo(DatabaseFailure.OTHER);
  }

  /** Named like Connector/J's {@code com.mysql.cj.exceptions.ConnectionIsClosedException}. */
  private static final class ConnectionIsClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionIsClosedException(String message) {
      super(message);
    }
  }
}

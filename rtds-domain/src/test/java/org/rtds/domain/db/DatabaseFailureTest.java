package org.rtds.domain.db;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
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

  @Test
  void recognisesConnectionFailuresDeepInTheCauseChain() {
    assertThat(
            DatabaseFailure.isOutage(
                new PersistenceException(
                    "could not prepare statement",
                    new SQLException(
                        "Error in allocating a connection", new CommunicationsException()))))
        .isTrue();
    assertThat(DatabaseFailure.isOutage(new RuntimeException(new SQLException("x", "08S01"))))
        .isTrue();
    assertThat(
            DatabaseFailure.isOutage(new RuntimeException(new SQLTransientConnectionException())))
        .isTrue();
    assertThat(
            DatabaseFailure.isOutage(
                new RuntimeException(new SQLNonTransientConnectionException("closed"))))
        .isTrue();
    assertThat(DatabaseFailure.isOutage(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
  }

  @Test
  void aDecidedOutageStaysOneWhateverWrapsIt() {
    // what a boundary throws once it decided, wrapped as the EJB container and JAX-RS do
    assertThat(
            DatabaseFailure.isOutage(
                new jakarta.ejb.EJBException(
                    new DatabaseUnavailableException("the database is not reachable", null))))
        .isTrue();
  }

  @Test
  void aJdbcExceptionWithoutACauseIsFollowedToItsNextException() {
    SQLException batch = new SQLException("batch failed");
    batch.setNextException(new SQLException("Communications link failure", "08S01"));
    assertThat(DatabaseFailure.of(batch)).isEqualTo(DatabaseFailure.UNAVAILABLE);
  }

  @Test
  void otherFailuresAreNotOutages() {
    assertThat(DatabaseFailure.isOutage(new IllegalStateException("bug"))).isFalse();
    assertThat(
            DatabaseFailure.of(
                new PersistenceException(new SQLSyntaxErrorException("bad SQL", "42000"))))
        .isEqualTo(DatabaseFailure.OTHER);
    assertThat(DatabaseFailure.isOutage(new RuntimeException(new SQLException("no state"))))
        .isFalse();
  }

  @Test
  void aCyclicCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(DatabaseFailure.of(a)).isEqualTo(DatabaseFailure.OTHER);
  }

  /** Stands in for Connector/J's CommunicationsException, recognised by its simple name. */
  private static final class CommunicationsException extends SQLException {
    private static final long serialVersionUID = 1L;

    CommunicationsException() {
      super("Communications link failure");
    }
  }

  /** Named like Connector/J's {@code com.mysql.cj.exceptions.ConnectionIsClosedException}. */
  private static final class ConnectionIsClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionIsClosedException(String message) {
      super(message);
    }
  }
}

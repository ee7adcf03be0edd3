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
}

package org.rtds.ingest.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

  private final AtomicInteger probes = new AtomicInteger();

  @Test
  void aRecognisedOutageNeedsNoProbe() {
    DatabaseOutages outages = outages(false);
    assertThat(outages.explains(new RuntimeException(new SQLException("down", "08S01")))).isTrue();
    assertThat(probes).hasValue(0);
  }

  @Test
  void anUnrecognisedFailureIsAnOutageOnlyWhenTheDatabaseDoesNotAnswer() {
    IllegalStateException unfamiliar = new IllegalStateException("Transaction is not active");
    assertThat(outages(true).explains(unfamiliar)).as("database answers: a real failure").isFalse();
    assertThat(outages(false).explains(unfamiliar)).as("database away: an outage").isTrue();
  }

  @Test
  void aRaceOrAMissingValueIsNeverAnOutage() {
    DatabaseOutages outages = outages(false);
    assertThat(
            outages.explains(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))
        .isFalse();
    assertThat(
            outages.explains(
                new SQLIntegrityConstraintViolationException(
                    "Column 'EnthicGroup' cannot be null", "23000", 1048)))
        .isFalse();
    assertThat(probes).hasValue(0);
  }

  @Test
  void aBurstOfFailuresProbesTheDatabaseOnce() {
    DatabaseOutages outages = outages(false);
    for (int i = 0; i < 50; i++) {
      assertThat(outages.explains(new IllegalStateException("unfamiliar " + i))).isTrue();
    }
    assertThat(probes).hasValue(1);
  }

  /** Outages over a data source that answers (a valid connection) or refuses connections. */
  private DatabaseOutages outages(boolean answers) {
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "isValid" -> true;
                      case "close" -> null;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    DatabaseOutages outages = new DatabaseOutages();
    outages.dataSource =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  probes.incrementAndGet();
                  if (!answers) {
                    throw new SQLException("Connection refused", "08001");
                  }
                  return connection;
                });
    return outages;
  }
}

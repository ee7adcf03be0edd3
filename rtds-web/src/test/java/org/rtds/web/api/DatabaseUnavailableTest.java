package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  /** Stands in for connector-j's CommunicationsException, recognised by its simple name. */
  static final class CommunicationsException extends SQLException {
    CommunicationsException() {
      super("Communications link failure");
    }
  }

  @Test
  void recognisesConnectionFailuresDeepInTheCauseChain() {
    assertThat(
            DatabaseUnavailable.isCause(
                new PersistenceException(
                    "could not prepare statement",
                    new SQLException(
                        "Error in allocating a connection", new CommunicationsException()))))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("x", "08S01"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new RuntimeException(new SQLTransientConnectionException())))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
  }

  @Test
  void otherFailuresAreNotTransient() {
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(
            DatabaseUnavailable.isCause(
                new PersistenceException(new SQLSyntaxErrorException("bad SQL", "42000"))))
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("no state"))))
        .isFalse();
  }

  @Test
  void theMapperAnswers503WithRetryAfterForAnUnreachableDatabase() {
    Response response =
        new UnexpectedExceptionMapper()
            .toResponse(new PersistenceException(new SQLException("down", "08001")));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("15");
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat((String) response.getEntity()).contains("\"status\":503").contains("retry");
  }
}

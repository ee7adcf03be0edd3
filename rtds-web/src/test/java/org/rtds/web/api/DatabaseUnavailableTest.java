package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.boundary.DatabaseOutages;

class DatabaseUnavailableTest {

  @Test
  void theMapperAnswers503WithRetryAfterForAnUnreachableDatabase() {
    UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
    mapper.outages = new DatabaseOutages();
    Response response =
        mapper.toResponse(new PersistenceException(new SQLException("down", "08001")));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("15");
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat((String) response.getEntity()).contains("\"status\":503").contains("retry");
  }
}

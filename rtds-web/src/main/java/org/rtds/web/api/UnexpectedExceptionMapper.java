package org.rtds.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;
import org.rtds.ingest.boundary.DatabaseOutages;

/**
 * Any other failure: 400 when it is a JSON body JAX-RS could not read, 503 with {@code Retry-After}
 * when the database is unreachable (transient), otherwise 500 with an incident id that is also in
 * the server log; no internals leak to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject DatabaseOutages outages;

  @Override
  public Response toResponse(RuntimeException exception) {
    if (outages.explains(exception)) {
      LOG.log(
          Level.WARNING, "API request refused, database unreachable: {0}", exception.toString());
      return Response.fromResponse(DatabaseUnavailable.problem().toResponse())
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .build();
    }
    String malformed = WebApplicationExceptionMapper.malformedBody(exception);
    if (malformed != null) {
      // a body JSON-B could not read (Jersey wraps the failure in a ProcessingException)
      return Problem.of(Response.Status.BAD_REQUEST, malformed).toResponse();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "API request failed, incident " + incident, exception);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "internal error; quote incident " + incident + " to your RTDS administrator")
        .toResponse();
  }
}

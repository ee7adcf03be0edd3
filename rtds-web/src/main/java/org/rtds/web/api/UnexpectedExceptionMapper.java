package org.rtds.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Any other failure: 500 with an incident id that is also in the server log; no internals leak to
 * the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException exception) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "API request failed, incident " + incident, exception);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "internal error; quote incident " + incident + " to your RTDS administrator")
        .toResponse();
  }
}

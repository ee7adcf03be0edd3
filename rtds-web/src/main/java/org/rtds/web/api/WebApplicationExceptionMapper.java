package org.rtds.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns JAX-RS errors (404, 403, 405, 415 …) into problem documents, keeping their headers (e.g.
 * Allow).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    Response.StatusType status = original.getStatusInfo();
    String malformed = status.getStatusCode() == 400 ? malformedBody(exception) : null;
    String detail =
        malformed != null
            ? malformed
            : exception.getMessage() != null && !exception.getMessage().startsWith("HTTP ")
                ? exception.getMessage()
                : defaultDetail(status.getStatusCode());
    Response.ResponseBuilder builder =
        Response.fromResponse(original)
            .type(Problem.MEDIA)
            .entity(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail).toJson());
    return builder.build();
  }

  /**
   * What was wrong with a JSON body JAX-RS could not read (the JSON-B or JSON-P message names the
   * position or the property), or null when that was not the failure.
   */
  static String malformedBody(Throwable exception) {
    for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
      if (t instanceof jakarta.json.bind.JsonbException
          || t instanceof jakarta.json.JsonException) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        return "the request body is not JSON this operation reads"
            + (message.isBlank() ? "" : ": " + message);
      }
    }
    return null;
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 401 -> "authentication required: send HTTP Basic credentials of an RTDS account";
      case 403 -> "your account is not allowed to do this";
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this resource";
      case 406 -> "cannot produce the requested media type";
      case 415 -> "unsupported request media type";
      default -> "request failed";
    };
  }
}

package org.rtds.web.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rtds.web.JsonBuilders;

/**
 * An RFC 9457 problem document: the error body of every RTDS HTTP API answer.
 *
 * @param status HTTP status
 * @param title short summary of the problem type (the status' reason phrase unless more specific)
 * @param detail what was wrong with this request, for a human
 */
public record Problem(int status, String title, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(status.getStatusCode(), status.getReasonPhrase(), detail);
  }

  /**
   * The JSON text, built without a JSON-B provider so it also works outside JAX-RS (the auth
   * mechanism).
   */
  public String toJson() {
    JsonObjectBuilder json =
        JsonBuilders.object()
            .add("type", "about:blank")
            .add("title", title == null ? "" : title)
            .add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    return json.build().toString();
  }

  /** Writes this problem as a servlet's answer (filters and the authentication mechanism). */
  public void send(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
    response.getWriter().write(toJson());
    response.flushBuffer();
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(toJson()).build();
  }
}

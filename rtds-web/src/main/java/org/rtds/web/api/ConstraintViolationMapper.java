package org.rtds.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Bean Validation of request bodies and parameters ({@code @Valid}, {@code @NotBlank}, …): 400 with
 * every violation in the detail, each naming its field as the caller sent it ({@code days: must be
 * between 1 and 730}), never the Java method or parameter position.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      problems.add(field(violation.getPropertyPath()) + ": " + violation.getMessage());
    }
    problems.sort(null);
    return Problem.of(
            Response.Status.BAD_REQUEST,
            problems.isEmpty() ? "the request is invalid" : String.join("; ", problems))
        .toResponse();
  }

  /**
   * The field as the caller knows it: the property path without the resource method and its
   * parameter ({@code create.arg0.days} → {@code days}); {@code body} for the body itself.
   */
  static String field(Path path) {
    List<String> names = new ArrayList<>();
    boolean parameter = false;
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR -> {}
        case PARAMETER -> parameter = true;
        default -> names.add(node.getName());
      }
    }
    if (names.isEmpty()) {
      return parameter ? "body" : "request";
    }
    return String.join(".", names);
  }
}

package org.rtds.web.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.security.boundary.ApiTokenStore;
import org.rtds.security.boundary.ApiTokenStore.TokenView;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.api.BodyExample;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Success;
import org.rtds.web.api.audit.Audited;

/**
 * {@code /rtds/api/v1/admin/tokens}: API tokens of system accounts, for administrators. A new token
 * is in the answer of its POST and nowhere else, ever.
 */
@Path("v1/admin/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.ADMIN)
@Audited(eventId = AuditRecord.EventId.SECURITY_ALERT, objectType = "token")
@Tag(name = "administration")
public class TokensResource {

  /** Lifetime of a token when the request names none. */
  static final int DEFAULT_DAYS = 365;

  @Inject ApiTokenStore tokens;

  @Inject CallerAccount caller;

  /**
   * What to make.
   *
   * <p>A class with constrained fields, not a record: Payara's OpenAPI generator fails on Bean
   * Validation constraints that a record passes on to its constructor's parameters.
   */
  public static final class Draft {
    /** The account the token acts for. */
    @NotBlank public String username;

    /** What it is for (shown in lists). */
    @NotBlank
    @Size(max = 100)
    public String name;

    /** Permission codenames, comma-separated; absent or empty for all the account holds. */
    @Size(max = 500)
    public String scope;

    /** Lifetime in days, 1 to 730 (default 365). */
    @Min(1)
    @Max(730)
    public Integer days;

    public String username() {
      return username;
    }

    public String name() {
      return name;
    }

    public String scope() {
      return scope;
    }

    public Integer days() {
      return days;
    }
  }

  @GET
  @Operation(summary = "Every API token (never the token itself), newest first")
  public List<TokenView> list() {
    return tokens.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Make an API token for an account; the answer holds the token, shown only this once",
      description =
          "Send it as 'Authorization: Bearer <token>'. It acts with the account's permissions,"
              + " narrowed to the scope, until it expires or is revoked; it never administers RTDS.")
  @Success(
      status = 201,
      type = ApiTokenStore.Created.class,
      description = "the token (shown only in this answer) and its listing")
  @BodyExample(
      "{\"username\": \"admin\", \"name\": \"TPS export at site B\", \"scope\": \"view_patient,add_instance\", \"days\": 90}")
  public Response create(@Valid Draft draft) {
    if (draft == null) {
      throw new BadRequestException(
          "send JSON {\"username\": …, \"name\": …, \"scope\": \"view_patient,add_instance\", \"days\": 365}");
    }
    try {
      ApiTokenStore.Created created =
          tokens.create(
              caller.get(),
              draft.username(),
              draft.name(),
              draft.scope(),
              draft.days() == null ? DEFAULT_DAYS : draft.days());
      return Response.status(Response.Status.CREATED)
          .header("Cache-Control", "no-store")
          .entity(created)
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke an API token, at once on every node; it stays listed as REVOKED")
  public TokenView revoke(@PathParam("id") String id) {
    try {
      return tokens
          .revoke(Integer.parseInt(id))
          .orElseThrow(() -> new NotFoundException("no API token " + id));
    } catch (NumberFormatException e) {
      throw new NotFoundException("no API token " + (id.length() > 20 ? id.substring(0, 20) : id));
    }
  }
}

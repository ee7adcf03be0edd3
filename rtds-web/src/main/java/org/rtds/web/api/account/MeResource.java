package org.rtds.web.api.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.BodyExample;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Success;

/** The calling account: lets a partner system check its credentials and see its roles. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.USER)
@Tag(name = "accounts")
public class MeResource {

  @Inject CallerAccount caller;

  @Inject AccountAdministration administration;

  @Context HttpServletRequest request;

  /** A password change: the current one proves it is the account's owner. */
  public static final class PasswordChange {
    /** The password now. */
    @NotNull public String currentPassword;

    /** The new one: at least 10 characters, not common, not the account name. */
    @NotBlank public String newPassword;

    public String currentPassword() {
      return currentPassword;
    }

    public String newPassword() {
      return newPassword;
    }
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change your own password",
      description =
          "At least 10 characters, not entirely numeric, not the account name, not common. A wrong"
              + " current password counts as a failed login.")
  @Success(status = 204, description = "changed")
  @BodyExample(
      "{\"currentPassword\": \"amber-meadow-compass-17\", \"newPassword\": \"violet-harbour-lantern-42\"}")
  public Response changePassword(@Valid PasswordChange change) {
    if (change == null) {
      throw new BadRequestException("send JSON {\"currentPassword\": …, \"newPassword\": …}");
    }
    try {
      administration.changeOwnPassword(
          caller.get(), change.currentPassword(), change.newPassword(), request.getRemoteAddr());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return Response.noContent().build();
  }

  /**
   * The calling account.
   *
   * @param username the account name
   * @param superuser Django's is_superuser
   * @param roles container roles: {@code user}, the permission codenames it holds, {@code admin}
   * @param hospital its hospital (profile institution); null when it has none
   * @param groups its Django groups (job roles)
   */
  public record Me(
      String username,
      boolean superuser,
      List<String> roles,
      String hospital,
      List<String> groups) {}

  @GET
  @Operation(summary = "The authenticated account, its hospital, groups and roles")
  public Me me() {
    Account account = caller.get();
    return new Me(
        account.username(),
        account.superuser(),
        List.copyOf(account.roles()),
        account.hospital(),
        account.groups().stream().sorted().toList());
  }
}

package org.rtds.web.api.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.security.boundary.AccountAuthenticator;
import org.rtds.security.boundary.RtdsRoles;

/** The calling account: lets a partner system check its credentials and see its roles. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.USER)
@Tag(name = "accounts")
public class MeResource {

  @Inject SecurityContext securityContext;

  @Inject AccountAuthenticator accounts;

  /**
   * @param username the account name; @param superuser Django's is_superuser; @param roles RTDS
   *     roles
   */
  public record Me(String username, boolean superuser, List<String> roles) {}

  @GET
  @Operation(summary = "The authenticated account and its roles")
  public Me me() {
    String name = securityContext.getCallerPrincipal().getName();
    var account =
        accounts
            .findActive(name)
            .orElseThrow(
                () ->
                    new NotAuthorizedException("account no longer active", "Basic realm=\"RTDS\""));
    return new Me(account.username(), account.superuser(), List.copyOf(account.roles()));
  }
}

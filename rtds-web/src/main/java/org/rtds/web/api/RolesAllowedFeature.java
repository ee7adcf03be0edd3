package org.rtds.web.api;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed}/{@code @DenyAll} on JAX-RS resources (Jakarta REST does not do it
 * by itself; this is what Jersey's RolesAllowedDynamicFeature does, without a compile-time tie to
 * Jersey). Method annotations win over class annotations.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    String[] roles = rolesFor(resourceInfo.getResourceMethod());
    if (roles == null) {
      roles = rolesFor(resourceInfo.getResourceClass());
    }
    if (roles != null) {
      // ahead of Jersey's own RolesAllowed filter (active on Payara), so callers get our message
      context.register(new RolesFilter(roles), Priorities.AUTHORIZATION - 1);
    }
  }

  /** null: no restriction declared here; empty: deny all. */
  private static String[] rolesFor(AnnotatedElement element) {
    if (element.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    if (element.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
    return allowed == null ? null : allowed.value();
  }

  private record RolesFilter(String[] roles) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security == null || security.getUserPrincipal() == null) {
        throw new NotAuthorizedException(
            "authentication required: send HTTP Basic credentials of an RTDS " + "account",
            "Basic realm=\"RTDS\"");
      }
      if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
        throw new ForbiddenException(
            "your account lacks the role this needs (one of " + String.join(", ", roles) + ")");
      }
    }
  }
}

package org.rtds.web.api.audit;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.security.RtdsAuthenticationMechanism;

/**
 * Appends every call of an {@link Audited} resource to the audit trail once its answer is known:
 * who (account and hospital), from where, what (patient id or StudyInstanceUID from the path), the
 * request line and the outcome (refusals and failures included). Never the body, never a name.
 */
@Provider
@Audited(eventId = "", objectType = "")
public class AuditFilter implements ContainerResponseFilter {

  private static final Logger LOG = System.getLogger(AuditFilter.class.getName());

  @Context ResourceInfo resource;

  @Context HttpServletRequest servletRequest;

  @Inject AuditTrail audit;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Audited audited = resource.getResourceMethod().getAnnotation(Audited.class);
    if (audited == null) {
      audited = resource.getResourceClass().getAnnotation(Audited.class);
    }
    if (audited == null) {
      return;
    }
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    String method = request.getMethod();
    char action =
        switch (method) {
          case "POST" -> 'C';
          case "PUT", "PATCH" -> 'U';
          case "DELETE" -> 'D';
          default -> 'R';
        };
    String verb =
        switch (action) {
          case 'C' -> "create";
          case 'U' -> "update";
          case 'D' -> "delete";
          default -> "read";
        };
    String objectId = path.getFirst("uid") != null ? path.getFirst("uid") : path.getFirst("id");
    AuditRecord entry =
        AuditRecord.of(
                audited.eventId(),
                audited.objectType() + "-" + verb,
                action,
                AuditRecord.Outcome.ofHttpStatus(response.getStatus()))
            .from(servletRequest.getRemoteAddr())
            .on(audited.objectType(), objectId)
            .request(
                method
                    + " "
                    + request.getUriInfo().getRequestUri().getRawPath()
                    + (request.getUriInfo().getRequestUri().getRawQuery() == null
                        ? ""
                        : "?" + request.getUriInfo().getRequestUri().getRawQuery()))
            .detail(response.getStatus() >= 400 ? "HTTP " + response.getStatus() : null);
    if ("patient".equals(audited.objectType())
        && objectId != null
        && objectId.matches("\\d{1,9}")) {
      entry.patient(Integer.valueOf(objectId));
    }
    if ("study".equals(audited.objectType())) {
      entry.study(objectId);
    }
    Account account = RtdsAuthenticationMechanism.account(servletRequest).orElse(null);
    if (account != null) {
      entry.by(account.id(), account.username(), account.hospital());
    } else if (request.getSecurityContext().getUserPrincipal() != null) {
      entry.by(null, request.getSecurityContext().getUserPrincipal().getName(), null);
    }
    try {
      audit.record(entry);
    } catch (RuntimeException e) {
      // the answer is already decided; losing an entry is logged loudly for the operators
      LOG.log(Level.ERROR, "audit entry not written for " + entry.request() + ": " + e);
    }
  }
}

package org.rtds.web.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.boundary.AccountAdministration.CreatedUser;
import org.rtds.security.boundary.AccountAdministration.GroupDraft;
import org.rtds.security.boundary.AccountAdministration.GroupView;
import org.rtds.security.boundary.AccountAdministration.HospitalView;
import org.rtds.security.boundary.AccountAdministration.UserDraft;
import org.rtds.security.boundary.AccountAdministration.UserView;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.api.BodyExample;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Success;
import org.rtds.web.api.audit.Audited;

/**
 * {@code /rtds/api/v1/admin/{users,groups,hospitals,permissions}}: accounts, job-role groups and
 * hospitals, for administrators (superuser and staff). Changes are also written to Django's {@code
 * django_admin_log}; every call is in the audit trail.
 */
@Path("v1/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.ADMIN)
@Audited(eventId = AuditRecord.EventId.SECURITY_ALERT, objectType = "account")
@Tag(name = "administration")
public class AdministrationResource {

  @Inject AccountAdministration administration;

  @Inject CallerAccount caller;

  /** A password to set. */
  public static final class PasswordDraft {
    /** The new password: at least 10 characters, not common. */
    @NotBlank public String password;

    public String password() {
      return password;
    }
  }

  /** An RTDS permission: its codename (also a role name) and what it allows. */
  public record PermissionView(String codename, List<String> grantedAlsoBy) {}

  @GET
  @Path("users")
  @Operation(summary = "Accounts, by name; q matches name, first/last name or e-mail")
  public List<UserView> users(@QueryParam("q") String q) {
    return administration.users(q);
  }

  @GET
  @Path("users/{id}")
  @Operation(summary = "One account")
  public UserView user(@PathParam("id") String id) {
    return call(() -> administration.user(id(id)));
  }

  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Create an account (with hospital and groups); without a password RTDS generates"
              + " one and shows it in this answer only")
  @Success(
      status = 201,
      type = CreatedUser.class,
      description = "the account, and the generated password if none was sent")
  @BodyExample(
      "{\"username\": \"jdoe\", \"firstName\": \"Jane\", \"lastName\": \"Doe\", \"email\": \"jane.doe@example.org\", \"hospital\": \"UCLA\", \"groups\": [\"RTDS physicists\"]}")
  public Response createUser(UserDraft draft) {
    CreatedUser created = call(() -> administration.createUser(caller.get(), required(draft)));
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(created)
        .build();
  }

  @PUT
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change an account: names, e-mail, hospital, groups, active/staff/superuser;"
              + " absent fields stay; deactivate with active=false (accounts are never deleted)")
  @BodyExample(
      "{\"email\": \"jane.doe@hospital.example.org\", \"groups\": [\"RTDS physicists\", \"RTDS auditors\"]}")
  public UserView updateUser(@PathParam("id") String id, UserDraft draft) {
    return call(() -> administration.updateUser(caller.get(), id(id), required(draft)));
  }

  @POST
  @Path("users/{id}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an account's password (at least 10 characters, not common)")
  @BodyExample("{\"password\": \"violet-harbour-lantern-42\"}")
  public UserView setPassword(@PathParam("id") String id, @Valid PasswordDraft draft) {
    return call(() -> administration.setPassword(caller.get(), id(id), required(draft).password()));
  }

  @GET
  @Path("groups")
  @Operation(summary = "Groups (job roles) with their permissions and member counts")
  public List<GroupView> groups() {
    return administration.groups();
  }

  @POST
  @Path("groups")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a group with RTDS permissions")
  @Success(status = 201, type = GroupView.class, description = "the group")
  @BodyExample(
      "{\"name\": \"RTDS research fellows\", \"permissions\": [\"view_patient\", \"view_knowledgebase\"]}")
  public Response createGroup(GroupDraft draft) {
    GroupView created = call(() -> administration.createGroup(caller.get(), required(draft)));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PUT
  @Path("groups/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a group or replace its RTDS permissions")
  @BodyExample("{\"name\": \"RTDS research fellows\", \"permissions\": [\"view_knowledgebase\"]}")
  public GroupView updateGroup(@PathParam("id") String id, GroupDraft draft) {
    return call(() -> administration.updateGroup(caller.get(), id(id), required(draft)));
  }

  @GET
  @Path("hospitals")
  @Operation(summary = "Hospitals (account profiles' institutions) with accounts and patients")
  public List<HospitalView> hospitals() {
    return administration.hospitals();
  }

  /** A hospital's new name. */
  public static final class HospitalRename {
    /** The hospital's new name. */
    @NotBlank public String name;

    public String name() {
      return name;
    }
  }

  @PUT
  @Path("hospitals/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rename a hospital: every account of it gets the new institution name",
      description = "Accounts join or leave a hospital through PUT /admin/users/{id} (hospital).")
  @BodyExample("{\"name\": \"UCLA Radiation Oncology\"}")
  public HospitalView renameHospital(@PathParam("name") String name, @Valid HospitalRename rename) {
    return call(() -> administration.renameHospital(caller.get(), name, required(rename).name()));
  }

  @GET
  @Path("permissions")
  @Operation(summary = "RTDS permissions and the legacy Django codenames that also grant each")
  public List<PermissionView> permissions() {
    return Arrays.stream(RtdsPermission.values())
        .map(p -> new PermissionView(p.codename(), p.grantedBy().subList(1, p.grantedBy().size())))
        .toList();
  }

  /** Runs an administration call: its refusals become 400, unknown ids 404. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (NoSuchElementException e) {
      throw new NotFoundException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  static <T> T required(T body) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    return body;
  }

  static int id(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new NotFoundException(
          "no such id '" + (text.length() > 20 ? text.substring(0, 20) : text) + "'");
    }
  }
}

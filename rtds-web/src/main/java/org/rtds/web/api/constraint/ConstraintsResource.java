package org.rtds.web.api.constraint;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.feature.DoseConstraint;
import org.rtds.features.boundary.ConstraintCatalogue;
import org.rtds.features.boundary.ConstraintCatalogue.Draft;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.BodyExample;
import org.rtds.web.api.Conflicts;
import org.rtds.web.api.Success;

/**
 * {@code /rtds/api/v1/constraints}: the organ-at-risk dose constraints every study is checked
 * against (e.g. Parotid_L Dmean &lt; 26 Gy). Every account may read them; accounts with {@code
 * change_doseconstraint} edit them.
 */
@Path("v1/constraints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.USER)
@Tag(name = "constraints")
public class ConstraintsResource {

  @Inject ConstraintCatalogue catalogue;

  /**
   * A constraint.
   *
   * @param standardName TG-263 name of the structure
   * @param metric e.g. Dmean, D0.03cc, V20Gy
   * @param comparator &lt;, &lt;=, &gt; or &gt;=
   * @param limit in {@code unit}
   * @param unit Gy, % or cc (the metric's unit)
   */
  public record ConstraintView(
      int id,
      String standardName,
      String metric,
      String comparator,
      double limit,
      String unit,
      String source,
      String note,
      boolean active) {

    static ConstraintView of(DoseConstraint c) {
      return new ConstraintView(
          c.getId(),
          c.getStandardName(),
          c.getMetric(),
          c.getComparator(),
          c.getLimitValue(),
          c.getUnit(),
          c.getSource(),
          c.getNote(),
          c.isActive());
    }
  }

  @GET
  @Operation(summary = "The dose constraints (active and inactive)")
  public List<ConstraintView> all() {
    return catalogue.all().stream().map(ConstraintView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(RtdsRoles.CHANGE_DOSE_CONSTRAINT)
  @Operation(
      summary = "Add a constraint (administrators)",
      description =
          "Body: {standardName, metric, comparator, limit, unit?, source?, note?, active?}; the"
              + " unit defaults to the metric's own (Gy, % or cc).")
  @Success(status = 201, type = ConstraintView.class, description = "the constraint")
  @Conflicts("the same constraint (structure, metric, comparator, limit) exists already")
  @BodyExample(
      "{\"standardName\": \"Parotid_L\", \"metric\": \"Dmean\", \"comparator\": \"<\", \"limit\": 20, \"source\": \"QUANTEC\", \"note\": \"one parotid spared: mean dose < 20 Gy\"}")
  public Response create(Draft draft) {
    try {
      return Response.status(Response.Status.CREATED)
          .entity(ConstraintView.of(catalogue.create(draft)))
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    } catch (ConstraintCatalogue.DuplicateConstraintException e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(RtdsRoles.CHANGE_DOSE_CONSTRAINT)
  @Operation(summary = "Replace a constraint, e.g. to switch it off (administrators)")
  @Conflicts("another constraint is the same (structure, metric, comparator, limit)")
  @BodyExample(
      "{\"standardName\": \"Parotid_L\", \"metric\": \"Dmean\", \"comparator\": \"<\", \"limit\": 19, \"source\": \"QUANTEC\", \"active\": false}")
  public ConstraintView update(@PathParam("id") int id, Draft draft) {
    try {
      return catalogue
          .update(id, draft)
          .map(ConstraintView::of)
          .orElseThrow(() -> new NotFoundException("no constraint " + id));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    } catch (ConstraintCatalogue.DuplicateConstraintException e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(RtdsRoles.CHANGE_DOSE_CONSTRAINT)
  @Operation(summary = "Delete a constraint (administrators)")
  @Success(status = 204, description = "deleted")
  public Response delete(@PathParam("id") int id) {
    if (!catalogue.delete(id)) {
      throw new NotFoundException("no constraint " + id);
    }
    return Response.noContent().build();
  }
}

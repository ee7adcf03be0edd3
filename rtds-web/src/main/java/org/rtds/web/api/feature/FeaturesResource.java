package org.rtds.web.api.feature;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.features.boundary.FeatureJobStore;
import org.rtds.features.boundary.FeatureJobStore.Progress;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Success;

/**
 * {@code /rtds/api/v1/features}: the feature computations of every study: how far they are (counts
 * only; {@code change_featurejob}), and, for administrators, a request to compute everything again
 * after a definition changed (the knowledge base's grids, bins or codecs; weights need no
 * recomputation: they apply at query time).
 */
@Path("v1/features")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.CHANGE_FEATURE_JOB)
@Tag(name = "features")
public class FeaturesResource {

  @Inject FeatureJobStore jobs;

  @Inject CallerAccount caller;

  /**
   * @param requested studies asked to be computed again (0 for a progress read)
   * @param progress where the computations stand now
   */
  public record Recompute(int requested, Progress progress) {}

  @GET
  @Operation(
      summary = "Progress of every study's feature computation",
      description =
          "studies, upToDate (computed from their latest inputs), done, failed, pending, running")
  public Progress progress() {
    return jobs.progress();
  }

  @POST
  @Path("recompute")
  @RolesAllowed(RtdsRoles.ADMIN)
  @Operation(
      summary = "Compute every study's features again (DVH, isodoses, OVH, STS, similarity)",
      description =
          "Every node's scheduler takes the studies through the database work queue, so the"
              + " recomputation survives restarts and runs on every node; asking again computes"
              + " again with the same result. Answers 202 with the progress; follow it with GET"
              + " /v1/features.")
  @Success(status = 202, type = Recompute.class, description = "the recomputation is queued")
  public Response recompute() {
    int n =
        jobs.requestRecomputeAll(
            "recomputation of every study requested by " + caller.get().username());
    return Response.accepted(new Recompute(n, jobs.progress())).build();
  }
}

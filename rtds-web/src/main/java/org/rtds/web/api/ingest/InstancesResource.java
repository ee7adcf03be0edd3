package org.rtds.web.api.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.JsonBuilders;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Problem;
import org.rtds.web.api.Success;
import org.rtds.web.api.audit.Audited;
import org.rtds.web.ingest.MalformedMultipartException;
import org.rtds.web.ingest.UploadProcessor;
import org.rtds.web.ingest.UploadProcessor.Received;
import org.rtds.web.ingest.UploadProcessor.RequestTooLargeException;
import org.rtds.web.ingest.UploadProcessor.UnsupportedUploadException;

/**
 * {@code POST /rtds/api/v1/instances}: DICOM objects in, one result per object out. Objects are
 * stored under the calling account (patients and studies are never merged across accounts).
 */
@Path("v1/instances")
@RequestScoped
@RolesAllowed(RtdsRoles.ADD_INSTANCE)
@Audited(eventId = AuditRecord.EventId.INSTANCES_TRANSFERRED, objectType = "instance")
@Tag(name = "ingestion")
public class InstancesResource {

  @Inject UploadProcessor uploads;

  @Inject CallerAccount caller;

  @Context HttpServletRequest request;

  @POST
  @Consumes({
    UploadProcessor.APPLICATION_DICOM,
    MediaType.MULTIPART_FORM_DATA,
    "multipart/related",
    "application/zip",
    MediaType.APPLICATION_OCTET_STREAM,
    MediaType.WILDCARD
  })
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Store DICOM objects (CT, RT Structure Set, RT Plan, RT Dose)",
      description =
          "Body: one object (application/dicom), many (multipart/form-data, parts may be zips) or"
              + " a zip (application/zip). Answers 200 with one result per object"
              + " {sopInstanceUid, sopClass, status: STORED|DUPLICATE|REJECTED, reason}; 400 when"
              + " nothing in the request was readable (the problem document then has the results);"
              + " 413 beyond RTDS_MAX_REQUEST_MB; 503 with Retry-After while the database is"
              + " unreachable (resend: stored objects answer DUPLICATE).")
  @RequestBody(
      content = {
        @Content(
            mediaType = UploadProcessor.APPLICATION_DICOM,
            schema =
                @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary")),
        @Content(mediaType = MediaType.MULTIPART_FORM_DATA),
        @Content(mediaType = "application/zip")
      })
  @Success(
      type = IngestResults.Result.class,
      list = true,
      description = "one result per object: STORED, DUPLICATE or REJECTED with the reason")
  @APIResponse(
      responseCode = "400",
      description =
          "nothing readable: every part was refused; the problem document's extension member"
              + " results lists each object's result")
  @APIResponse(
      responseCode = "413",
      description =
          "an object or the request is larger than RTDS_MAX_OBJECT_MB / RTDS_MAX_REQUEST_MB")
  @APIResponse(
      responseCode = "415",
      description =
          "not application/dicom, multipart/form-data, multipart/related or application/zip")
  public Response store(@Context HttpHeaders headers, InputStream body) throws IOException {
    IngestOrigin origin =
        new IngestOrigin(caller.get().id(), IngestChannel.REST, request.getRemoteAddr());
    List<Received> results;
    try {
      // the raw header: UploadContentType reads what JAX-RS' MediaType would refuse or alter
      results = uploads.process(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, origin);
    } catch (RequestTooLargeException e) {
      return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).toResponse();
    } catch (UnsupportedUploadException e) {
      return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage()).toResponse();
    } catch (MalformedMultipartException e) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }
    JsonArrayBuilder array = IngestResults.toJson(results);
    if (IngestResults.nothingReadable(results)) {
      JsonObjectBuilder problem =
          JsonBuilders.object()
              .add("type", "about:blank")
              .add("title", "Bad Request")
              .add("status", 400)
              .add(
                  "detail",
                  results.isEmpty()
                      ? "the request holds no DICOM object"
                      : "nothing in the request was a readable DICOM object: "
                          + results.get(0).outcome().reason())
              .add("results", array);
      return Response.status(Response.Status.BAD_REQUEST)
          .type(Problem.MEDIA)
          .entity(problem.build().toString())
          .build();
    }
    return Response.ok(array.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}

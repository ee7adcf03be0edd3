package org.rtds.web.api.patient;

import static org.rtds.web.api.QueryParameters.intParameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.PatientOrder;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Rejects;
import org.rtds.web.api.audit.Audited;
import org.rtds.web.api.csv.CsvWriter;
import org.rtds.web.api.patient.PatientDtos.PatientPage;
import org.rtds.web.api.patient.PatientDtos.PatientView;

/**
 * {@code GET /rtds/api/v1/patients} and {@code /patients/{id}}: the patients of the caller's
 * hospital (every hospital's for superusers), with their studies. Needs {@code view_patient}.
 */
@Path("v1/patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.VIEW_PATIENT)
@Audited(eventId = AuditRecord.EventId.PATIENT_RECORD, objectType = "patient")
@Tag(name = "patients")
public class PatientsResource {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 500;

  @Inject PatientRecords records;

  @Inject CallerAccount caller;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary = "The patients of the caller's hospital, a page at a time, by name unless sorted",
      description =
          "q matches any part of the name or Patient ID, without regard to case; page counts"
              + " from 1; size is 1 to "
              + MAX_PAGE_SIZE
              + " (default "
              + DEFAULT_PAGE_SIZE
              + ")")
  @Rejects("page or size is not a whole number in range, or sort names no key; the detail says")
  public PatientPage list(
      @Parameter(description = "part of the name or Patient ID, any case; absent: every patient")
          @QueryParam("q")
          String q,
      @Parameter(description = "from 1", example = "1") @QueryParam("page") String pageText,
      @Parameter(description = "1 to 500, default 50", example = "50") @QueryParam("size")
          String sizeText,
      @Parameter(
              description =
                  "name (default), patientId, birthDate, studies or lastReceived; '-' before it for"
                      + " descending",
              example = "-studies")
          @QueryParam("sort")
          String sort) {
    int page = intParameter("page", pageText, 1, 1, 1_000_000);
    int size = intParameter("size", sizeText, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    PatientOrder order;
    try {
      order = PatientOrder.parse(sort);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return PatientAssembler.page(
        records.patients(q, order, page, size, caller.senders()), page, size);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One patient of the caller's hospital, with its studies")
  public PatientView patient(@PathParam("id") String idText) {
    int id;
    try {
      id = Integer.parseInt(idText);
    } catch (NumberFormatException e) {
      throw new NotFoundException("no patient " + shorten(idText) + ": ids are whole numbers");
    }
    // the same answer for another hospital's patient as for none: ids reveal nothing
    return records
        .patient(id, caller.senders())
        .map(PatientAssembler::patient)
        .orElseThrow(() -> new NotFoundException("no patient " + id + " visible to this account"));
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

package org.rtds.web.api.audit;

import static org.rtds.web.api.QueryParameters.intParameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.auth.AuditEvent;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.web.api.PagedAnswer;
import org.rtds.web.api.Rejects;
import org.rtds.web.api.csv.Csv;
import org.rtds.web.api.csv.CsvColumns;
import org.rtds.web.api.csv.CsvRows;
import org.rtds.web.api.csv.CsvWriter;

/**
 * {@code GET /rtds/api/v1/audit}: the audit trail, searched and exported (CSV) by auditors ({@code
 * view_auditevent}). Reading it is itself audited ("Audit Log Used").
 */
@Path("v1/audit")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
@RolesAllowed(RtdsRoles.VIEW_AUDIT_EVENT)
@Audited(eventId = AuditRecord.EventId.AUDIT_LOG_USED, objectType = "audit")
@Tag(name = "audit")
public class AuditResource {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 10_000;

  @Inject AuditTrail trail;

  /** One entry (times in UTC). */
  public record Entry(
      long id,
      LocalDateTime time,
      String eventId,
      String eventType,
      String action,
      int outcome,
      String username,
      String hospital,
      String sourceAddress,
      String objectType,
      String objectId,
      Integer patientId,
      String studyInstanceUid,
      String request,
      String detail,
      String node) {}

  /** A page of entries, newest first. */
  @CsvColumns({
    "id",
    "time_utc",
    "event_id",
    "event_type",
    "action",
    "outcome",
    "username",
    "hospital",
    "source_address",
    "object_type",
    "object_id",
    "patient_id",
    "study_instance_uid",
    "request",
    "detail",
    "node"
  })
  public record EntryPage(List<Entry> items, int page, int size, long total)
      implements PagedAnswer, CsvRows {
    /** The entries of this page, free texts defused against formula injection. */
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (Entry e : items) {
        row.accept(
            new String[] {
              String.valueOf(e.id()),
              String.valueOf(e.time()),
              e.eventId(),
              e.eventType(),
              e.action(),
              String.valueOf(e.outcome()),
              Csv.text(e.username()),
              Csv.text(e.hospital()),
              e.sourceAddress(),
              e.objectType(),
              Csv.text(e.objectId()),
              e.patientId() == null ? "" : String.valueOf(e.patientId()),
              Csv.text(e.studyInstanceUid()),
              Csv.text(e.request()),
              Csv.text(e.detail()),
              e.node()
            });
      }
    }
  }

  @GET
  @Operation(
      summary = "Search the audit trail, newest first (Accept: text/csv to export)",
      description =
          "from/to: ISO dates or date-times in UTC (to is exclusive); user, patient (patients.id),"
              + " study (StudyInstanceUID), type (e.g. login, patient-read, study-read), outcome"
              + " (0, 4, 8, 12), address; page from 1; size 1 to "
              + MAX_PAGE_SIZE)
  @Rejects("a filter is malformed (a date, a number, an outcome); the detail names it")
  public EntryPage search(
      @Parameter(description = "ISO date or date-time, UTC", example = "2026-01-01")
          @QueryParam("from")
          String from,
      @QueryParam("to") String to,
      @QueryParam("user") String user,
      @QueryParam("patient") String patient,
      @QueryParam("study") String study,
      @QueryParam("type") String type,
      @QueryParam("outcome") String outcome,
      @QueryParam("address") String address,
      @Parameter(description = "from 1", example = "1") @QueryParam("page") String page,
      @Parameter(description = "1 to 10000, default 100", example = "20") @QueryParam("size")
          String size) {
    AuditTrail.Query query =
        new AuditTrail.Query(
            time("from", from),
            time("to", to),
            blankToNull(user),
            patient == null || patient.isBlank()
                ? null
                : intParameter("patient", patient, 0, 1, Integer.MAX_VALUE),
            blankToNull(study),
            blankToNull(type),
            outcome == null || outcome.isBlank()
                ? null
                : (short) intParameter("outcome", outcome, 0, 0, 12),
            blankToNull(address),
            intParameter("page", page, 1, 1, 1_000_000),
            intParameter("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    AuditTrail.Page found = trail.search(query);
    return page(found);
  }

  /** The API's view of a page of the trail. */
  public static EntryPage page(AuditTrail.Page found) {
    return new EntryPage(
        found.items().stream().map(AuditResource::entry).toList(),
        found.page(),
        found.size(),
        found.total());
  }

  /** The API's view of a stored entry. */
  public static Entry entry(AuditEvent e) {
    return new Entry(
        e.getId(),
        e.getEventTime(),
        e.getEventId(),
        e.getEventType(),
        e.getActionCode(),
        e.getOutcome(),
        e.getUsername(),
        e.getHospital(),
        e.getSourceAddress(),
        e.getObjectType(),
        e.getObjectId(),
        e.getPatientId(),
        e.getStudyInstanceUid(),
        e.getRequest(),
        e.getDetail(),
        e.getNode());
  }

  private static LocalDateTime time(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.length() <= 10
          ? LocalDate.parse(text.trim()).atStartOfDay()
          : LocalDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + " must be an ISO date (2026-12-06) or date-time (2026-12-06T08:30:00), in UTC");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

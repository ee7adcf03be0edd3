package org.rtds.web.api.patient;

import static org.rtds.web.api.QueryParameters.intParameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.patient.Patient;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.SearchText;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.audit.Audited;
import org.rtds.web.api.study.Csv;

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

  @PersistenceContext EntityManager em;

  @Inject CallerAccount caller;

  /**
   * One patient in a list.
   *
   * @param id the patient's RTDS id ({@code patients.id}), for {@code /patients/{id}}
   * @param patientId DICOM Patient ID (0010,0020)
   * @param patientName DICOM Patient's Name (0010,0010), {@code ^}-separated
   * @param sex M, F or O ({@code patients.Gender})
   * @param studies studies RTDS holds for the patient
   */
  public record PatientSummary(
      int id,
      String patientId,
      String patientName,
      LocalDate birthDate,
      String sex,
      long studies) {}

  /**
   * A page of patients, ordered by name.
   *
   * @param page 1 for the first
   * @param total patients matching in all pages
   */
  public record PatientPage(List<PatientSummary> items, int page, int size, long total) {}

  /**
   * A study of a patient.
   *
   * @param features PENDING, RUNNING, DONE or FAILED; null before the study has a feature job
   * @param link the study's API resource
   */
  public record StudySummary(
      String studyInstanceUid,
      LocalDate studyDate,
      String description,
      String features,
      String link) {}

  /** One patient with its studies (newest first). */
  public record PatientView(
      int id,
      String patientId,
      String patientName,
      LocalDate birthDate,
      String sex,
      String ethnicGroup,
      List<StudySummary> studies) {}

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "The patients of the caller's hospital, by name, a page at a time",
      description =
          "q matches any part of the name or Patient ID, without regard to case; page counts"
              + " from 1; size is 1 to "
              + MAX_PAGE_SIZE
              + " (default "
              + DEFAULT_PAGE_SIZE
              + ")")
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("page") String pageText,
      @QueryParam("size") String sizeText,
      @Context HttpHeaders headers) {
    int page = intParameter("page", pageText, 1, 1, 1_000_000);
    int size = intParameter("size", sizeText, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    String pattern = SearchText.containsPattern(q);
    String where =
        " where 1 = 1"
            + caller.scopeCondition("p.user.id")
            + (pattern == null
                ? ""
                : " and (lower(p.patientName) like :q escape '!'"
                    + " or lower(p.patientId) like :q escape '!')");
    var count =
        caller.bindScope(em.createQuery("select count(p) from Patient p" + where, Long.class));
    var rows =
        caller.bindScope(
            em.createQuery(
                "select p.id, p.patientId, p.patientName, p.birthDate, p.gender,"
                    + " (select count(s) from Study s where s.patient = p) from Patient p"
                    + where
                    + " order by p.patientName, p.id",
                Object[].class));
    if (pattern != null) {
      count.setParameter("q", pattern);
      rows.setParameter("q", pattern);
    }
    List<PatientSummary> items =
        rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
            .map(
                r ->
                    new PatientSummary(
                        (Integer) r[0],
                        (String) r[1],
                        (String) r[2],
                        (LocalDate) r[3],
                        (String) r[4],
                        (Long) r[5]))
            .toList();
    PatientPage answer = new PatientPage(items, page, size, count.getSingleResult());
    return Csv.answer(
        headers,
        answer,
        "id,patient_id,patient_name,birth_date,sex,studies",
        items,
        (p, out) ->
            out.accept(
                new String[] {
                  String.valueOf(p.id()),
                  Csv.text(p.patientId()),
                  Csv.text(p.patientName()),
                  p.birthDate() == null ? "" : p.birthDate().toString(),
                  p.sex(),
                  String.valueOf(p.studies())
                }));
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
    Patient patient = em.find(Patient.class, id);
    if (patient == null
        || !caller.scope().includes(patient.getUser() == null ? null : patient.getUser().getId())) {
      // the same answer for another hospital's patient as for none: ids reveal nothing
      throw new NotFoundException("no patient " + id + " visible to this account");
    }
    List<StudySummary> studies =
        em
            .createQuery(
                "select s.studyInstanceUid, s.studyDate, s.studyDescription, j.status from Study s"
                    + " left join FeatureJob j on j.study = s where s.patient.id = :id"
                    + " order by s.studyDate desc nulls last, s.id desc",
                Object[].class)
            .setParameter("id", id)
            .getResultList()
            .stream()
            .map(
                r ->
                    new StudySummary(
                        (String) r[0],
                        (LocalDate) r[1],
                        (String) r[2],
                        (String) r[3],
                        "/rtds/api/v1/studies/" + r[0]))
            .toList();
    return new PatientView(
        patient.getId(),
        patient.getPatientId(),
        patient.getPatientName(),
        patient.getBirthDate(),
        patient.getGender(),
        patient.getEthnicGroup(),
        studies);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

package org.rtds.web.api.study;

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
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.CallerAccount;

/**
 * {@code GET /rtds/api/v1/studies/{StudyInstanceUID}}: what RTDS holds of a study, what it still
 * misses for feature computation, and the feature status.
 *
 * <p>Visibility (until the full security model): an account sees the studies it sent; an
 * administrator sees every account's (the caller's own first when two hospitals sent the same
 * study).
 */
@Path("v1/studies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.USER)
@Tag(name = "studies")
public class StudiesResource {

  /** Modalities features need (CT, RT Structure Set, RT Dose); RT Plan gives the prescription. */
  static final List<String> FEATURE_INPUTS = List.of("CT", "RTSTRUCT", "RTDOSE");

  @PersistenceContext EntityManager em;

  @Inject CallerAccount caller;

  /**
   * @param status PENDING, RUNNING, DONE or FAILED
   * @param detail what the status means for this study (e.g. what it is waiting for)
   */
  public record Features(String status, String detail) {}

  /** One series. */
  public record SeriesSummary(
      String seriesInstanceUid, String modality, String description, String frameOfReferenceUid) {}

  /**
   * A study.
   *
   * @param objects number of stored objects per modality (CT, RTSTRUCT, RTPLAN, RTDOSE)
   * @param missing modalities features still need (CT, RTSTRUCT, RTDOSE); RTPLAN is listed in
   *     {@code recommended} when absent (without it there is no prescription)
   */
  public record StudyView(
      String studyInstanceUid,
      LocalDate studyDate,
      String description,
      String patientId,
      String patientName,
      List<SeriesSummary> series,
      Map<String, Long> objects,
      List<String> missing,
      List<String> recommended,
      Features features) {}

  @GET
  @Path("{uid}")
  @Operation(summary = "A study: its series, objects, what is missing and the feature status")
  public StudyView study(@PathParam("uid") String uid) {
    Study study = find(uid);
    List<SeriesSummary> series = new ArrayList<>();
    for (Series s :
        em.createQuery("select s from Series s where s.study.id = :id order by s.id", Series.class)
            .setParameter("id", study.getId())
            .getResultList()) {
      series.add(
          new SeriesSummary(
              s.getSeriesInstanceUid(),
              s.getModality(),
              s.getSeriesDescription(),
              s.getFrameOfReferenceUid()));
    }
    Map<String, Long> objects = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "select o.modality, count(o) from StoredObject o where o.study.id = :id"
                    + " group by o.modality order by o.modality",
                Object[].class)
            .setParameter("id", study.getId())
            .getResultList()) {
      objects.put((String) row[0], (Long) row[1]);
    }
    List<String> missing =
        FEATURE_INPUTS.stream().filter(m -> objects.getOrDefault(m, 0L) == 0).toList();
    List<String> recommended = objects.containsKey("RTPLAN") ? List.of() : List.of("RTPLAN");
    Features features =
        em.createNamedQuery(FeatureJob.FIND_BY_STUDY, FeatureJob.class)
            .setParameter("studyId", study.getId())
            .getResultStream()
            .findFirst()
            .map(job -> new Features(job.getStatus(), job.getDetail()))
            .orElse(new Features("PENDING", "no feature job yet"));
    return new StudyView(
        study.getStudyInstanceUid(),
        study.getStudyDate(),
        study.getStudyDescription(),
        study.getPatient().getPatientId(),
        study.getPatient().getPatientName(),
        series,
        objects,
        missing,
        recommended,
        features);
  }

  private Study find(String uid) {
    int account = caller.get().id();
    List<Study> studies =
        em.createQuery(
                "select s from Study s join fetch s.patient where s.studyInstanceUid = :uid"
                    + (caller.isAdmin() ? "" : " and s.user.id = :account")
                    + " order by case when s.user.id = :account then 0 else 1 end, s.id",
                Study.class)
            .setParameter("uid", uid)
            .setParameter("account", account)
            .getResultList();
    if (studies.isEmpty()) {
      throw new NotFoundException("no study " + uid + " visible to this account");
    }
    return studies.get(0);
  }
}

package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.boot.BuildInfo;

/** The overview page: what the knowledge base holds and the state of this installation. */
@Named
@RequestScoped
public class DashboardView {

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  @Inject ApplicationStartup startup;

  @Inject org.rtds.web.api.CallerAccount caller;

  private List<Count> counts;

  /** One tile: how many rows of a kind the knowledge base holds. */
  public record Count(String label, long value) {}

  public List<Count> getCounts() {
    if (counts == null) {
      counts =
          List.of(
              new Count("patients", count(Patient.class)),
              new Count("studies", count(Study.class)),
              new Count("series", count(Series.class)),
              new Count("CT images", count(CtImage.class)),
              new Count("structure sets", count(RtStructureSet.class)),
              new Count("dose grids", count(RtDose.class)));
    }
    return counts;
  }

  /**
   * A recently received study: who, what arrived, and where feature computation stands.
   *
   * @param features PENDING, RUNNING, DONE or FAILED
   * @param detail what the status means (e.g. "waiting for RTDOSE")
   */
  public record RecentStudy(
      String studyInstanceUid,
      String patientId,
      String patientName,
      java.time.LocalDate studyDate,
      String features,
      String detail) {}

  private List<RecentStudy> recent;

  /** The 20 studies the caller's hospital received last (every hospital's for superusers). */
  public List<RecentStudy> getRecentStudies() {
    if (recent == null && !caller.get().has(RtdsPermission.VIEW_PATIENT)) {
      recent = List.of();
    }
    if (recent == null) {
      var query =
          caller
              .bindScope(
                  em.createQuery(
                      "select s.studyInstanceUid, p.patientId, p.patientName, s.studyDate,"
                          + " j.status, j.detail from FeatureJob j join j.study s join s.patient p"
                          + " where 1 = 1"
                          + caller.scopeCondition("s.user.id")
                          + " order by s.id desc",
                      Object[].class))
              .setMaxResults(20);
      recent =
          query.getResultList().stream()
              .map(
                  r ->
                      new RecentStudy(
                          (String) r[0],
                          (String) r[1],
                          (String) r[2],
                          (java.time.LocalDate) r[3],
                          (String) r[4],
                          (String) r[5]))
              .toList();
    }
    return recent;
  }

  public String getVersion() {
    return BuildInfo.version();
  }

  public String getSchemaVersion() {
    return String.valueOf(startup.state().schemaVersion());
  }

  public String getStatus() {
    return startup.state().detail();
  }

  private long count(Class<?> entity) {
    var builder = em.getCriteriaBuilder();
    var query = builder.createQuery(Long.class);
    query.select(builder.count(query.from(entity)));
    return em.createQuery(query).getSingleResult();
  }
}

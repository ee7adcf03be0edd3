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
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.boot.BuildInfo;

/** The overview page: what the knowledge base holds and the state of this installation. */
@Named
@RequestScoped
public class DashboardView {

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  @Inject ApplicationStartup startup;

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

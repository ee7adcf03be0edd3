package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.ArchiveCounts;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.boot.BuildInfo;

/** The overview page: what the knowledge base holds and the state of this installation. */
@Named
@RequestScoped
public class DashboardView {

  @Inject PatientRecords records;

  @Inject ApplicationStartup startup;

  @Inject org.rtds.web.api.CallerAccount caller;

  private List<Count> counts;

  /** One tile: how many rows of a kind the knowledge base holds ({@code label}: its text's key). */
  public record Count(String label, long value) {}

  public List<Count> getCounts() {
    if (counts == null) {
      ArchiveCounts held = records.counts();
      counts =
          List.of(
              new Count("patients", held.patients()),
              new Count("studies", held.studies()),
              new Count("series", held.series()),
              new Count("ctImages", held.ctImages()),
              new Count("structureSets", held.structureSets()),
              new Count("doseGrids", held.doseGrids()));
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
      FeatureJobStatus features,
      String detail) {}

  private List<RecentStudy> recent;

  /** The 20 studies the caller's hospital received last (every hospital's for superusers). */
  public List<RecentStudy> getRecentStudies() {
    if (recent == null && !caller.get().has(RtdsPermission.VIEW_PATIENT)) {
      recent = List.of();
    }
    if (recent == null) {
      recent =
          records.recentStudies(20, caller.senders()).stream()
              .map(
                  s ->
                      new RecentStudy(
                          s.studyInstanceUid(),
                          s.patientId(),
                          s.patientName(),
                          s.studyDate(),
                          s.featureStatus(),
                          s.featureDetail()))
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
}

package org.rtds.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN when the drop folder should be scanned but cannot be created or
 * written. A paused folder (database unreachable) stays UP: the database check reports that.
 */
@Readiness
@ApplicationScoped
public class DropFolderReadinessCheck implements HealthCheck {

  @Inject DropFolderService dropFolder;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("rtds-drop-folder");
    if (dropFolder.problem().isPresent()) {
      return response.down().withData("detail", dropFolder.problem().get()).build();
    }
    return dropFolder
        .directory()
        .map(
            dir -> {
              var up = response.up().withData("path", dir.toString());
              return dropFolder.paused().isPresent()
                  ? up.withData("paused", dropFolder.paused().get())
                  : up;
            })
        .orElseGet(() -> response.up().withData("detail", "switched off"))
        .build();
  }
}

package org.rtds.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rtds.ingest.entity.FileStoreState;

/** {@code /health/ready} is DOWN while the file store cannot take received objects. */
@Readiness
@ApplicationScoped
public class FileStoreReadinessCheck implements HealthCheck {

  @Inject FileStore fileStore;

  @Override
  public HealthCheckResponse call() {
    FileStoreState state = fileStore.recheck();
    var response =
        HealthCheckResponse.named("rtds-file-store").withData("path", state.root().toString());
    return state.usable()
        ? response.up().withData("freeMiB", state.usableBytes() / (1024 * 1024)).build()
        : response.down().withData("detail", state.problem()).build();
  }
}

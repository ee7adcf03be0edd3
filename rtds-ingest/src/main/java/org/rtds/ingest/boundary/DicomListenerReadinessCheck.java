package org.rtds.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is DOWN when the DICOM listener should run but could not start. */
@Readiness
@ApplicationScoped
public class DicomListenerReadinessCheck implements HealthCheck {

  @Inject DicomListenerService listener;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("rtds-dicom-listener");
    if (listener.problem().isPresent()) {
      return response.down().withData("detail", listener.problem().get()).build();
    }
    return listener
        .port()
        .map(port -> response.up().withData("port", port).withData("aeTitle", listener.aeTitle()))
        .orElseGet(() -> response.up().withData("detail", "switched off"))
        .build();
  }
}

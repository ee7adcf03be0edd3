package org.rtds.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.schema.SchemaState;
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.boot.StartupState;

/**
 * {@code /health/ready}: UP only when this node finished start-up, the database answers now, and
 * every migration is applied (checked in the database, so a newer node's migration makes an older
 * node report DOWN).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  private static final int DB_TIMEOUT_SECONDS = 3;

  @Inject ApplicationStartup startup;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("rtds-database");
    StartupState state = startup.state();
    if (!state.ready()) {
      return response.down().withData("detail", state.detail()).build();
    }
    try (Connection connection = startup.dataSource().getConnection()) {
      if (!connection.isValid(DB_TIMEOUT_SECONDS)) {
        return response
            .down()
            .withData("detail", "database did not answer within " + DB_TIMEOUT_SECONDS + " s")
            .build();
      }
    } catch (SQLException e) {
      return response.down().withData("detail", "database unreachable: " + e.getMessage()).build();
    }
    try {
      SchemaState schema = new SchemaMigrator(startup.dataSource()).state();
      response.withData("schemaVersion", String.valueOf(schema.currentVersion()));
      if (!schema.upToDate()) {
        return response
            .down()
            .withData(
                "detail",
                schema.pendingMigrations()
                    + " migration(s) pending; latest is "
                    + schema.latestAvailableVersion())
            .build();
      }
    } catch (RuntimeException e) {
      return response
          .down()
          .withData("detail", "cannot read the schema version: " + e.getMessage())
          .build();
    }
    return response.up().build();
  }
}

package org.rtds.web.api.system;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.ingest.boundary.DicomListenerService;
import org.rtds.ingest.boundary.FileStore;
import org.rtds.ingest.entity.FileStoreState;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.DatabaseUnavailable;
import org.rtds.web.boot.ApplicationStartup;
import org.rtds.web.boot.BuildInfo;

/** Facts about this RTDS node for administrators: version, schema, database, data directory. */
@Path("v1/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.ADMIN)
@Tag(name = "system")
public class SystemResource {

  @Inject ApplicationStartup startup;

  @Inject FileStore fileStore;

  @Inject DicomListenerService dicomListener;

  /**
   * @param version RTDS build version
   * @param schemaVersion applied Flyway version of the dsrt schema
   * @param database database product and version as the JDBC driver reports them
   * @param dataDir absolute path of RTDS_DATA_DIR on this node
   * @param dataDirFreeMb free space there, in MiB
   * @param dicomAeTitle AE title of the DICOM listener
   * @param dicomPort its port; null when it is switched off or could not start
   */
  public record SystemInfo(
      String version,
      String schemaVersion,
      String database,
      String dataDir,
      long dataDirFreeMb,
      String dicomAeTitle,
      Integer dicomPort) {}

  @GET
  @Operation(summary = "Version, schema and database of this node (administrators only)")
  public SystemInfo info() {
    String database;
    try (Connection connection = startup.dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new ServiceUnavailableException(
          "database unreachable: " + e.getMessage(), DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
    FileStoreState store = fileStore.state();
    return new SystemInfo(
        BuildInfo.version(),
        startup.state().schemaVersion(),
        database,
        store.root().toString(),
        store.usableBytes() / (1024 * 1024),
        dicomListener.aeTitle(),
        dicomListener.port().orElse(null));
  }
}

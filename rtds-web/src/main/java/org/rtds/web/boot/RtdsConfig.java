package org.rtds.web.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * RTDS settings (docs: docs/interfaces.md, "Configuration"). Each is an environment variable or a
 * MicroProfile Config property of the same name (for the EAR: a JVM system property set with {@code
 * asadmin create-system-properties}). {@code RTDS_DATA_DIR} is read by the file store
 * (rtds-ingest's {@code FileStore}), its only user.
 */
@ApplicationScoped
public class RtdsConfig {

  @Inject Config config;

  /**
   * {@code RTDS_ADMIN_PASSWORD}: password of the first {@code admin} account; generated when
   * absent.
   */
  public Optional<String> adminPassword() {
    return config.getOptionalValue("RTDS_ADMIN_PASSWORD", String.class);
  }
}

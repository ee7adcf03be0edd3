package org.rtds.web.boot;

/**
 * Where this node's start-up stands.
 *
 * @param ready true once migrations, mapping validation and the admin bootstrap succeeded
 * @param schemaVersion the migrated schema version, when ready
 * @param detail why the node is not ready yet
 */
public record StartupState(boolean ready, String schemaVersion, String detail) {

  static StartupState starting() {
    return new StartupState(false, null, "start-up in progress");
  }

  static StartupState ready(String schemaVersion) {
    return new StartupState(true, schemaVersion, "ready");
  }

  /** The database was refused (a configuration error): not retried until RTDS is restarted. */
  static StartupState refused(String reason) {
    return new StartupState(
        false,
        null,
        "start-up refused, not retrying (correct the database or restore its backup, then restart"
            + " RTDS): "
            + reason);
  }

  static StartupState failed(String reason) {
    return new StartupState(false, null, "start-up failed, retrying: " + reason);
  }
}

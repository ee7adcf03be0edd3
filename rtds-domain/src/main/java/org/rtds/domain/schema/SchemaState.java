package org.rtds.domain.schema;

/**
 * Schema version of a database compared with the migrations this build carries, as reported by
 * {@link SchemaMigrator#state()}; the readiness check uses {@link #upToDate()}.
 *
 * @param currentVersion version recorded in {@code flyway_schema_history}, or {@code null} when the
 *     database has none yet (empty, or a legacy dsrt database not adopted yet)
 * @param latestAvailableVersion highest migration version in {@code db/migration} of this build
 * @param pendingMigrations number of migrations {@link SchemaMigrator#migrate()} would apply
 */
public record SchemaState(
    String currentVersion, String latestAvailableVersion, int pendingMigrations) {

  /** Whether the database has a recorded version and no migration of this build is pending. */
  public boolean upToDate() {
    return currentVersion != null && pendingMigrations == 0;
  }
}

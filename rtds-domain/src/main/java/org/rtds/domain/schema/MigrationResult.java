package org.rtds.domain.schema;

/**
 * Outcome of {@link SchemaMigrator#migrate()}.
 *
 * @param previousVersion schema version before the call: {@code null} for an empty database, the
 *     baseline version {@code "1"} for an adopted legacy dsrt database, otherwise the version
 *     recorded in {@code flyway_schema_history}
 * @param currentVersion schema version after the call
 * @param migrationsApplied number of migrations this call applied (the baseline marker of an
 *     adopted legacy schema is not a migration and is not counted)
 * @param adoptedLegacySchema whether the call found a legacy dsrt database without Flyway history
 *     and recorded it as version 1 ("legacy dsrt schema adopted"); when several nodes start on the
 *     same legacy database at once, Flyway's lock lets one of them record the baseline, and each
 *     node that found the database without history reports {@code true}
 */
public record MigrationResult(
    String previousVersion,
    String currentVersion,
    int migrationsApplied,
    boolean adoptedLegacySchema) {}

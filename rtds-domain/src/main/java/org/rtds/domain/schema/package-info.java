/**
 * Schema versioning of the dsrt database with Flyway.
 *
 * <p>Promises: {@link org.rtds.domain.schema.SchemaMigrator} is the only code that changes the
 * schema; it creates a new database, adopts an existing legacy dsrt database without touching its
 * rows, compares an existing schema with what RTDS expects before changing anything, refuses any
 * other non-empty or incompatible database with an explanation and unchanged, and is safe to run
 * from several nodes at once. Plain Java: usable from a start-up bean, a command-line tool and
 * tests alike.
 */
package org.rtds.domain.schema;

/**
 * The web module: JAX-RS API ({@code api}), JSF views ({@code view}), the authentication mechanism
 * ({@code security}), start-up and health ({@code boot}, {@code health}). It calls the boundaries
 * of the other modules and reads through the domain, and never serialises an entity. It reaches the
 * ingest and features modules through their {@code boundary} packages (with ingest's value types in
 * {@code entity} and the features' calculator types), never through their {@code control} or {@code
 * dicom} packages ({@code ArchitectureTest} checks it); the security module's permission, scope and
 * audit-record types are its vocabulary.
 */
package org.rtds.web;

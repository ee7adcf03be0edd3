/**
 * The web module: JAX-RS API ({@code api}), JSF views ({@code view}), the authentication mechanism
 * ({@code security}), start-up and health ({@code boot}, {@code health}). It calls the boundaries
 * of the other modules and reads through the domain, and never serialises an entity. Of the ingest
 * and features modules' {@code control} and {@code dicom} packages it uses only the few classes
 * {@code ArchitectureTest} lists (to be moved behind their boundaries); the security module's
 * permission, scope and audit-record types are its vocabulary.
 */
package org.rtds.web;

/**
 * The web module: JAX-RS API ({@code api}), JSF views ({@code view}), the authentication mechanism
 * ({@code security}), start-up and health ({@code boot}, {@code health}). It calls the boundaries
 * of the other modules and reads through the domain; it never calls a control class of another
 * module, and never serialises an entity.
 */
package org.rtds.web;

/**
 * Django framework tables of the legacy application: content types, admin log, applied Django
 * migrations and sessions.
 *
 * <p>Promises: mapped so that the schema is complete and validated; RTDS reads content types to
 * qualify permissions and otherwise leaves these tables to the legacy application. Django's own
 * migration record ({@code django_migrations}) is separate from RTDS's Flyway history.
 */
package org.rtds.domain.django;

/**
 * Query helpers shared by the boundaries that read the {@code dsrt} tables: plain Java, no
 * persistence API.
 */
package org.rtds.domain.query;

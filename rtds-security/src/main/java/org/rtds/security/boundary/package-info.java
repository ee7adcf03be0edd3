/**
 * The security boundary: turns credentials into an {@link org.rtds.security.boundary.Account} with
 * roles, and creates the first administrator. The web tier's authentication mechanism calls only
 * this package.
 */
package org.rtds.security.boundary;

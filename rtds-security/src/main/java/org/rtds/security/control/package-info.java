/**
 * Pure security logic without Jakarta dependencies: Django password hashes and the
 * verified-credential cache. Unit tested on its own.
 */
package org.rtds.security.control;

/**
 * Test support shared through rtds-domain's test jar ({@code rtds-domain:tests}): throwaway
 * databases on the test MariaDB/MySQL server ({@link org.rtds.domain.testing.TestDatabase}) and the
 * real persistence unit opened as {@code RESOURCE_LOCAL} on them ({@link
 * org.rtds.domain.testing.TestPersistence}), both at once for an IT class ({@link
 * org.rtds.domain.testing.MigratedPersistence}).
 */
package org.rtds.domain.testing;

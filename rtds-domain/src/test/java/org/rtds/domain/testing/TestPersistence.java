package org.rtds.domain.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the real persistence unit {@code rtds} (META-INF/persistence.xml of rtds-domain, with all
 * its properties and the scanned entities) outside a server: {@code RESOURCE_LOCAL} over a {@link
 * TestDatabase} instead of JTA over {@code jdbc/rtds}. The schema must have been migrated first
 * ({@link org.rtds.domain.schema.SchemaMigrator}); nothing is generated ({@code hbm2ddl} stays
 * {@code none}).
 *
 * <p>Callers need the Jakarta Persistence and Transaction API jars and Connector/J on their test
 * class path (rtds-domain's POM shows the set).
 */
public final class TestPersistence {

  /** Name of the persistence unit in rtds-domain's META-INF/persistence.xml. */
  public static final String PERSISTENCE_UNIT = "rtds";

  private TestPersistence() {}

  /**
   * Opens the {@code rtds} unit on the given database; the caller closes the factory.
   *
   * <p>The dialect is {@code MariaDBDialect}, because the test server is MariaDB and Connector/J
   * makes MariaDB 10.x look like "MySQL 5.5.5" to Hibernate's detection (shared/docs/platform.md,
   * pitfall 7). As in production, a {@code hibernate.dialect} system property takes precedence,
   * e.g. {@code -Dhibernate.dialect=org.hibernate.dialect.MySQLDialect} for a MySQL test server.
   */
  public static EntityManagerFactory createEntityManagerFactory(TestDatabase database) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.nonJtaDataSource", database.dataSource());
    // there is no transaction manager outside the server
    settings.put(
        "hibernate.transaction.jta.platform",
        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
    if (System.getProperty("hibernate.dialect") == null) {
      settings.put("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
    }
    return Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, settings);
  }
}

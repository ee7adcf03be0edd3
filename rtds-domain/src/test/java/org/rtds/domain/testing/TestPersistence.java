package org.rtds.domain.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtds.domain.auth.AuthUser;

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

  /** Hibernate's setting for the product version it would otherwise read from JDBC metadata. */
  static final String PRODUCT_VERSION = "jakarta.persistence.database-product-version";

  /** Optional "5.5.5-" (MariaDB before 11 through the MySQL protocol), then major.minor.patch. */
  private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+\\.\\d+\\.\\d+)");

  private TestPersistence() {}

  /**
   * Opens the {@code rtds} unit on the given database; the caller closes the factory.
   *
   * <p>The dialect is {@code MariaDBDialect}, because the test server is MariaDB and Connector/J
   * makes MariaDB 10.x look like "MySQL 5.5.5" to Hibernate's detection (docs/platform.md, pitfall
   * 7). As in production, a {@code hibernate.dialect} system property takes precedence, e.g. {@code
   * -Dhibernate.dialect=org.hibernate.dialect.MySQLDialect} for a MySQL test server. Like the
   * launcher, it tells Hibernate the real product version from {@code SELECT VERSION()}: through
   * Connector/J's metadata MariaDB 10.x reads as 5.5.5 (ARCHITECTURE D6).
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
    if (System.getProperty(PRODUCT_VERSION) == null) {
      String version = selectVersion(database);
      Matcher m = VERSION.matcher(version);
      if (m.find()) {
        settings.put(PRODUCT_VERSION, m.group(1));
      }
    }
    return Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, settings);
  }

  private static String selectVersion(TestDatabase database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
      return rs.next() ? rs.getString(1) : "";
    } catch (SQLException e) {
      throw new IllegalStateException("SELECT VERSION() failed on " + database.jdbcUrl(), e);
    }
  }

  /**
   * Runs work in a resource-local transaction of its own (as the server's {@code REQUIRES_NEW}
   * boundaries do), committing on success and rolling back on failure.
   */
  public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Creates an active account (no usable password) and returns its {@code auth_user.id}. */
  public static int createAccount(EntityManagerFactory factory, String username) {
    return inTransaction(
        factory,
        em -> {
          AuthUser user = new AuthUser();
          user.setUsername(username);
          user.setPassword("!");
          user.setFirstName("");
          user.setLastName("");
          user.setEmail("");
          user.setActive(true);
          user.setDateJoined(LocalDateTime.of(2026, 1, 1, 0, 0));
          em.persist(user);
          return user.getId();
        });
  }
}

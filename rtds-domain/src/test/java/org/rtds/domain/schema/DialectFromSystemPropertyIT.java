package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.jpa.boot.internal.ParsedPersistenceXmlDescriptor;
import org.hibernate.jpa.boot.internal.PersistenceXmlParser;
import org.junit.jupiter.api.Test;
import org.rtds.domain.testing.TestDatabase;

/**
 * Hibernate 6.6 takes {@code hibernate.dialect} and {@code
 * jakarta.persistence.database-product-version} from JVM system properties when a container
 * bootstraps the persistence unit, so persistence.xml can leave the dialect to the deployment
 * (docs/platform.md, pitfall 7). The container path is reproduced as Payara drives it:
 * persistence.xml parsed into a {@link PersistenceUnitInfo} and handed to {@link
 * HibernatePersistenceProvider#createContainerEntityManagerFactory}. Failsafe runs this class in
 * its own JVM with {@code -Dhibernate.dialect=...$MarkerDialect} and a marker version
 * (rtds-domain/pom.xml): Hibernate copies the system properties once, when its {@code Environment}
 * class is first loaded.
 */
class DialectFromSystemPropertyIT {

  /** A dialect nobody would choose by detection: seeing it proves the system property was used. */
  public static class MarkerDialect extends MariaDBDialect {
    /** Hibernate passes what it knows of the database (version) to this constructor. */
    public MarkerDialect(DialectResolutionInfo info) {
      super(info);
    }
  }

  @Test
  void containerBootstrapUsesTheDialectOfTheSystemProperty() {
    assertThat(System.getProperty("hibernate.dialect"))
        .as("run by the Failsafe execution 'dialect-from-system-property'")
        .isEqualTo(MarkerDialect.class.getName());
    ParsedPersistenceXmlDescriptor unit =
        PersistenceXmlParser.locatePersistenceUnits(Map.of()).stream()
            .filter(descriptor -> descriptor.getName().equals("rtds"))
            .findFirst()
            .orElseThrow();
    assertThat(unit.getProperties()).doesNotContainKey("hibernate.dialect");

    try (TestDatabase database = TestDatabase.create("dialect")) {
      new SchemaMigrator(database.dataSource()).migrate();
      EntityManagerFactory factory =
          new HibernatePersistenceProvider()
              .createContainerEntityManagerFactory(
                  containerView(unit, database.dataSource()), Map.of());
      try {
        Dialect dialect =
            factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        assertThat(dialect).isInstanceOf(MarkerDialect.class);
        // the version of the system property wins over JDBC metadata's "5.5.5-10.11.x"
        assertThat(dialect.getVersion()).hasToString("10.11.7");
      } finally {
        factory.close();
      }
    }
  }

  /**
   * The unit as a container presents it, except that the data source is the test database (as a
   * non-JTA source: there is no transaction manager here) instead of the JNDI resource jdbc/rtds.
   */
  private static PersistenceUnitInfo containerView(
      ParsedPersistenceXmlDescriptor unit, DataSource dataSource) {
    Properties properties = new Properties();
    properties.putAll(unit.getProperties());
    properties.put(
        "hibernate.transaction.jta.platform",
        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
    return new PersistenceUnitInfo() {
      @Override
      public String getPersistenceUnitName() {
        return unit.getName();
      }

      @Override
      public String getPersistenceProviderClassName() {
        return unit.getProviderClassName();
      }

      @Override
      public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
      }

      @Override
      public DataSource getJtaDataSource() {
        return null;
      }

      @Override
      public DataSource getNonJtaDataSource() {
        return dataSource;
      }

      @Override
      public List<String> getMappingFileNames() {
        return unit.getMappingFileNames();
      }

      @Override
      public List<URL> getJarFileUrls() {
        return unit.getJarFileUrls();
      }

      @Override
      public URL getPersistenceUnitRootUrl() {
        return unit.getPersistenceUnitRootUrl();
      }

      @Override
      public List<String> getManagedClassNames() {
        return unit.getManagedClassNames();
      }

      @Override
      public boolean excludeUnlistedClasses() {
        return unit.isExcludeUnlistedClasses();
      }

      @Override
      public SharedCacheMode getSharedCacheMode() {
        return unit.getSharedCacheMode();
      }

      @Override
      public ValidationMode getValidationMode() {
        return unit.getValidationMode();
      }

      @Override
      public Properties getProperties() {
        return properties;
      }

      @Override
      public String getPersistenceXMLSchemaVersion() {
        return "3.0";
      }

      @Override
      public ClassLoader getClassLoader() {
        return DialectFromSystemPropertyIT.class.getClassLoader();
      }

      @Override
      public void addTransformer(ClassTransformer transformer) {
        // no bytecode enhancement (persistence.xml, platform pitfall 1)
      }

      @Override
      public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
      }
    };
  }
}

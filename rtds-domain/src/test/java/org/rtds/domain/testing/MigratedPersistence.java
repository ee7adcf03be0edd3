package org.rtds.domain.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;
import org.rtds.domain.schema.SchemaMigrator;

/**
 * What most integration test classes open first: a {@link TestDatabase} of their own, migrated to
 * the current schema, with the real persistence unit open on it ({@link TestPersistence}). {@link
 * #close()} closes the factory and drops the database.
 *
 * <pre>{@code
 * private static MigratedPersistence db;
 *
 * @BeforeAll static void open() { db = MigratedPersistence.create("plans"); }
 * @AfterAll static void close() { db.close(); }
 * }</pre>
 */
public final class MigratedPersistence implements AutoCloseable {

  private final TestDatabase database;
  private final EntityManagerFactory factory;

  private MigratedPersistence(TestDatabase database, EntityManagerFactory factory) {
    this.database = database;
    this.factory = factory;
  }

  /**
   * Creates and migrates the database, then opens the persistence unit on it; drops the database
   * again when opening fails.
   *
   * @param purpose a short word naming the test ({@link TestDatabase#create})
   */
  public static MigratedPersistence create(String purpose) {
    TestDatabase database = TestDatabase.create(purpose);
    try {
      new SchemaMigrator(database.dataSource()).migrate();
      return new MigratedPersistence(
          database, TestPersistence.createEntityManagerFactory(database));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public TestDatabase database() {
    return database;
  }

  public EntityManagerFactory factory() {
    return factory;
  }

  /** Runs work in a transaction of its own ({@link TestPersistence#inTransaction}). */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return TestPersistence.inTransaction(factory, work);
  }

  /** Closes the factory and drops the database. */
  @Override
  public void close() {
    try {
      factory.close();
    } finally {
      database.close();
    }
  }
}

package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rtds.domain.testing.TestDatabase;

/** Migrating new databases, reporting their state, and failing clearly. */
class SchemaMigratorIT {

  @Test
  void anEmptyDatabaseGetsEveryMigration() {
    try (TestDatabase database = TestDatabase.create("empty")) {
      SchemaMigrator migrator = new SchemaMigrator(database.dataSource());
      assertThat(migrator.state()).isEqualTo(new SchemaState(null, "4", 4));
      assertThat(migrator.state().upToDate()).isFalse();

      MigrationResult result = migrator.migrate();

      assertThat(result).isEqualTo(new MigrationResult(null, "4", 4, false));
      assertThat(migrator.state()).isEqualTo(new SchemaState("4", "4", 0));
      assertThat(migrator.state().upToDate()).isTrue();
      assertThat(FlywayHistory.of(database))
          .containsExactly(
              "1 SQL dsrt schema true",
              "2 SQL widen lossy columns true",
              "3 SQL ingestion true",
              "4 SQL dose constraints true");
    }
  }

  @Test
  void nodesStartingTogetherApplyEachMigrationOnce() throws Exception {
    try (TestDatabase database = TestDatabase.create("concurrent")) {
      int nodes = 4;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService executor = Executors.newFixedThreadPool(nodes);
      try {
        List<Future<MigrationResult>> results = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          Callable<MigrationResult> node =
              () -> {
                start.await();
                return new SchemaMigrator(database.dataSource()).migrate();
              };
          results.add(executor.submit(node));
        }
        start.countDown();

        int applied = 0;
        for (Future<MigrationResult> result : results) {
          assertThat(result.get().currentVersion()).isEqualTo("4");
          applied += result.get().migrationsApplied();
        }
        assertThat(applied).isEqualTo(4);
        assertThat(FlywayHistory.of(database)).hasSize(4).allMatch(row -> row.endsWith("true"));
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Test
  void aChangedAppliedMigrationStopsTheStartWithWhatToDo() {
    try (TestDatabase database = TestDatabase.create("checksum")) {
      SchemaMigrator migrator = new SchemaMigrator(database.dataSource());
      migrator.migrate();
      database.execute("update flyway_schema_history set checksum = 1 where version = '1'");

      assertThatThrownBy(migrator::migrate)
          .isInstanceOf(SchemaMigrationException.class)
          .hasMessageContaining(database.name())
          .hasMessageContaining("checksum")
          .hasMessageContaining("Restore the database from its backup");
    }
  }
}

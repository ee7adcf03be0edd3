package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rtds.domain.testing.Migrations.LATEST;
import static org.rtds.domain.testing.Migrations.LATEST_NUMBER;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;

/** Migrating new databases, reporting their state, and failing clearly. */
class SchemaMigratorIT {

  @Test
  void anEmptyDatabaseGetsEveryMigration() {
    try (TestDatabase database = TestDatabase.create("empty")) {
      SchemaMigrator migrator = new SchemaMigrator(database.dataSource());
      assertThat(migrator.state()).isEqualTo(new SchemaState(null, LATEST, LATEST_NUMBER));
      assertThat(migrator.state().upToDate()).isFalse();

      MigrationResult result = migrator.migrate();

      assertThat(result).isEqualTo(new MigrationResult(null, LATEST, LATEST_NUMBER, false));
      assertThat(migrator.state()).isEqualTo(new SchemaState(LATEST, LATEST, 0));
      assertThat(migrator.state().upToDate()).isTrue();
      assertThat(FlywayHistory.of(database))
          .containsExactly(
              "1 SQL dsrt schema true",
              "2 SQL widen lossy columns true",
              "3 SQL ingestion true",
              "4 SQL dose constraints true",
              "5 SQL referenced rt plan column true",
              "6 SQL knowledge base features true",
              "7 SQL similarity pairs true",
              "8 SQL installation secret true",
              "9 SQL knowledge changes true",
              "10 SQL security roles true",
              "11 SQL api tokens and audit true",
              "12 SQL relax legacy not null true",
              "13 SQL api rate limit true");
    }
  }

  @Test
  void v5RenamesTheDocumentsSpellingOfTheRtPlanColumnOfAnRtdsDatabaseAndKeepsItsValues() {
    try (TestDatabase database = TestDatabase.create("rename")) {
      SchemaMigrator migrator = new SchemaMigrator(database.dataSource());
      migrator.migrateTo("4");
      database.execute("INSERT INTO patients (id, PatientName) VALUES (1, 'P')");
      database.execute(
          "INSERT INTO studies (id, StudyInstanceUID, fk_patient_id_id) VALUES (1, '1.2.3', 1)");
      database.execute(
          "INSERT INTO series (id, SeriesInstanceUID, fk_patient_id_id, fk_study_id_id)"
              + " VALUES (1, '1.2.3.4', 1, 1)");
      database.execute(
          "INSERT INTO rt_dose (id, SOPClassUID, SOPInstanceUID, eferencedRTPlanSequence,"
              + " fk_patient_id_id, fk_series_id_id, fk_study_id_id)"
              + " VALUES (1, '1.2.840.10008.5.1.4.1.1.481.2', '1.2.3.4.5', '1.2.3.4.6', 1, 1, 1),"
              + " (2, '1.2.840.10008.5.1.4.1.1.481.2', '1.2.3.4.7', NULL, 1, 1, 1)");

      assertThat(migrator.migrate())
          .isEqualTo(new MigrationResult("4", LATEST, LATEST_NUMBER - 4, false));

      assertThat(
              database.query(
                  "select COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE from information_schema.COLUMNS"
                      + " where TABLE_SCHEMA = DATABASE() and TABLE_NAME = 'rt_dose' and"
                      + " COLUMN_NAME like '%eferencedRTPlanSequence'"))
          .containsExactly(
              Map.of(
                  "COLUMN_NAME", "ReferencedRTPlanSequence",
                  "COLUMN_TYPE", "varchar(100)",
                  "IS_NULLABLE", "YES"));
      assertThat(database.query("select ReferencedRTPlanSequence v from rt_dose order by id"))
          .extracting(row -> row.get("v"))
          .containsExactly("1.2.3.4.6", null);
      EntityManagerFactory factory = TestPersistence.createEntityManagerFactory(database);
      try {
        factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        EntityManager em = factory.createEntityManager();
        assertThat(em.find(RtDose.class, 1).getReferencedRtPlan()).isEqualTo("1.2.3.4.6");
        em.close();
      } finally {
        factory.close();
      }
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
          assertThat(result.get().currentVersion()).isEqualTo(LATEST);
          applied += result.get().migrationsApplied();
        }
        assertThat(applied).isEqualTo(LATEST_NUMBER);
        assertThat(FlywayHistory.of(database))
            .hasSize(LATEST_NUMBER)
            .allMatch(row -> row.endsWith("true"));
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

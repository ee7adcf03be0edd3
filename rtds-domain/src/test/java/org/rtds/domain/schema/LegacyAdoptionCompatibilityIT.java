package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rtds.domain.testing.Migrations.LATEST;
import static org.rtds.domain.testing.Migrations.LATEST_NUMBER;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;

/**
 * Before adopting a legacy database or migrating one at an older version, SchemaMigrator compares
 * it with what RTDS expects (ARCHITECTURE D27): a compatible one (wider types, extra tables and
 * columns, either spelling of rt_dose's plan column) is adopted with every value kept; an
 * incompatible one is refused with every difference listed and left exactly as it was.
 */
class LegacyAdoptionCompatibilityIT {

  private static final String LEGACY_SCRIPT = "sql/legacy-django-dsrt.sql";

  @Test
  void anIncompatibleLegacyDatabaseIsRefusedWithEveryDifferenceAndLeftUnchanged() {
    try (TestDatabase legacy = TestDatabase.create("refused")) {
      legacy.runScript(LEGACY_SCRIPT);
      legacy.execute("ALTER TABLE series DROP COLUMN Modality");
      legacy.execute("ALTER TABLE studies MODIFY StudyDate int(11) NOT NULL");
      legacy.execute("ALTER TABLE series MODIFY Manufacturer varchar(100) NOT NULL");
      legacy.execute("ALTER TABLE patients ADD COLUMN PatientID varchar(64) NULL");
      legacy.execute("ALTER TABLE rt_dose ADD COLUMN eferencedRTPlanSequence varchar(100) NULL");
      legacy.execute("ALTER TABLE rt_dvh MODIFY DVHData longtext NULL");
      legacy.execute(
          "INSERT INTO oar_dictionary (ROIName, ROIDisplayColor)"
              + " SELECT ROIName, ROIDisplayColor FROM oar_dictionary ORDER BY id LIMIT 1");
      String duplicateName =
          (String)
              legacy.query("select ROIName from oar_dictionary order by id").get(0).get("ROIName");
      Map<String, Object> before = fingerprint(legacy);

      SchemaRefusedException refusal =
          catchThrowableOfType(
              () -> new SchemaMigrator(legacy.dataSource()).migrate(),
              SchemaRefusedException.class);

      assertThat(refusal.differences())
          .containsExactly(
              "oar_dictionary index oar_dictionary_roi_name_uniq: rows share (ROIName="
                  + duplicateName
                  + ") 2 times, but migration V3 adds this unique key (ROIName)",
              "patients.PatientID: column exists (varchar(64) NULL), but migration V3 adds it",
              "rt_dose.ReferencedRTPlanSequence and rt_dose.eferencedRTPlanSequence: both exist;"
                  + " RTDS uses one column for the referenced RT Plan UID and cannot tell which of"
                  + " them holds it (keep the one with the values, drop the other)",
              "rt_dvh.DVHData: expected NOT NULL, found NULL",
              "series.Manufacturer: found varchar(100), but migration V2 changes it to"
                  + " varchar(64), which cannot hold every value of varchar(100)",
              "series.Modality: column missing (expected varchar(100) NULL)",
              "studies.StudyDate: expected date (or wider), found int(11)")
          .hasSize(7);
      assertThat(refusal)
          .hasMessageContaining("Database '" + legacy.name() + "' is a legacy dsrt database")
          .hasMessageContaining("RTDS has changed nothing in it")
          .hasMessageContaining("7 difference(s)")
          .hasMessageContaining("studies.StudyDate: expected date (or wider), found int(11)")
          .hasMessageContaining("restore the database from its backup");
      assertThat(fingerprint(legacy)).isEqualTo(before);
      assertThat(tableNames(legacy)).doesNotContain("flyway_schema_history");

      // a configuration error, not a transient one: the same answer every time
      assertThatThrownBy(() -> new SchemaMigrator(legacy.dataSource()).migrate())
          .isInstanceOf(SchemaRefusedException.class)
          .hasMessage(refusal.getMessage());
      assertThat(fingerprint(legacy)).isEqualTo(before);
    }
  }

  @Test
  void aLegacyDatabaseWithWiderTypesExtrasAndTheDocumentsSpellingIsAdoptedWithEveryValueKept() {
    try (TestDatabase legacy = TestDatabase.create("compatible")) {
      legacy.runScript(LEGACY_SCRIPT);
      // created from the schema document rather than by Django: the misspelt plan column
      legacy.execute(
          "ALTER TABLE rt_dose RENAME COLUMN ReferencedRTPlanSequence TO eferencedRTPlanSequence");
      legacy.execute(
          "ALTER TABLE studies MODIFY StudyDescription varchar(255) CHARACTER SET latin1 COLLATE"
              + " latin1_swedish_ci NOT NULL");
      legacy.execute("ALTER TABLE studies MODIFY TotalSeries bigint(20) NOT NULL");
      legacy.execute("ALTER TABLE series ADD COLUMN Ward varchar(20) NULL");
      legacy.execute("UPDATE series SET Ward = 'B2'");
      legacy.execute("CREATE TABLE hospital_notes (id int PRIMARY KEY, note varchar(100))");
      legacy.execute("INSERT INTO hospital_notes VALUES (1, 'kept')");
      List<Map<String, Object>> plansBefore =
          legacy.query("select id, eferencedRTPlanSequence plan from rt_dose order by id");
      List<Map<String, Object>> studiesBefore = legacy.query("select * from studies order by id");

      MigrationResult result = new SchemaMigrator(legacy.dataSource()).migrate();

      assertThat(result).isEqualTo(new MigrationResult("1", LATEST, LATEST_NUMBER - 1, true));
      assertThat(plansBefore).hasSize(2).allSatisfy(row -> assertThat(row.get("plan")).isNotNull());
      assertThat(legacy.query("select id, ReferencedRTPlanSequence plan from rt_dose order by id"))
          .isEqualTo(plansBefore);
      assertThat(
              legacy.query(
                  "select StudyInstanceUID, StudyDate, StudyDescription, TotalSeries,"
                      + " fk_patient_id_id, fk_user_id_id from studies order by id"))
          .isEqualTo(
              studiesBefore.stream()
                  .map(
                      row -> {
                        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
                        copy.remove("id");
                        return copy;
                      })
                  .toList());
      assertThat(legacy.query("select distinct Ward from series"))
          .containsExactly(Map.of("Ward", "B2"));
      assertThat(legacy.query("select note from hospital_notes"))
          .containsExactly(Map.of("note", "kept"));
      // V12 relaxed Django's NOT NULL and kept the wider type, the character set and collation
      assertThat(columnType(legacy, "studies", "TotalSeries")).isEqualTo("bigint(20) NULL");
      assertThat(columnType(legacy, "studies", "StudyDescription"))
          .isEqualTo("varchar(255) NULL latin1_swedish_ci");

      EntityManagerFactory factory = TestPersistence.createEntityManagerFactory(legacy);
      try {
        factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        EntityManager em = factory.createEntityManager();
        assertThat(em.find(RtDose.class, 1).getReferencedRtPlan())
            .isEqualTo(plansBefore.get(0).get("plan"));
        assertThat(em.find(Study.class, 1).getTotalSeries())
            .isEqualTo(((Number) studiesBefore.get(0).get("TotalSeries")).intValue());
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  @Test
  void aNodeWaitsForAnotherNodesMigrationInsteadOfMistakingItForAnIncompatibility()
      throws Exception {
    try (TestDatabase legacy = TestDatabase.create("together");
        Connection otherNode = legacy.dataSource().getConnection()) {
      legacy.runScript(LEGACY_SCRIPT);
      // another node holds the migration lock and is half-way: baselined, V2 and V3 applied
      try (Statement statement = otherNode.createStatement();
          ResultSet lock =
              statement.executeQuery(
                  "select GET_LOCK(concat('rtds-schema-', sha1(DATABASE())), 10)")) {
        assertThat(lock.next() && lock.getInt(1) == 1).isTrue();
      }
      SchemaMigrator.flywayConfiguration(legacy.dataSource())
          .baselineOnMigrate(true)
          .target("3")
          .load()
          .migrate();
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<MigrationResult> thisNode =
            executor.submit(() -> new SchemaMigrator(legacy.dataSource()).migrate());
        Thread.sleep(1500);
        assertThat(thisNode).isNotDone(); // waits instead of comparing a half-migrated schema

        SchemaMigrator.flywayConfiguration(legacy.dataSource()).load().migrate();
        try (Statement statement = otherNode.createStatement()) {
          statement.execute("select RELEASE_LOCK(concat('rtds-schema-', sha1(DATABASE())))");
        }

        assertThat(thisNode.get(60, TimeUnit.SECONDS))
            .isEqualTo(new MigrationResult(LATEST, LATEST, 0, false));
        assertThat(FlywayHistory.of(legacy))
            .hasSize(LATEST_NUMBER)
            .allMatch(row -> row.endsWith("true"));
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Test
  void aDatabaseAtAnOlderRtdsVersionIsComparedBeforeItIsMigrated() {
    try (TestDatabase database = TestDatabase.create("older")) {
      new SchemaMigrator(database.dataSource()).migrateTo("4");
      database.execute("ALTER TABLE rtds_object MODIFY FilePath varchar(100) NOT NULL");
      database.execute("ALTER TABLE rt_dose ADD COLUMN ReferencedRTPlanSequence varchar(100) NULL");
      Map<String, Object> before = fingerprint(database);
      List<String> historyBefore = FlywayHistory.of(database);

      assertThatThrownBy(() -> new SchemaMigrator(database.dataSource()).migrate())
          .isInstanceOf(SchemaRefusedException.class)
          .hasMessageContaining("is at RTDS schema version 4")
          .hasMessageContaining("2 difference(s)")
          .hasMessageContaining(
              "rt_dose.ReferencedRTPlanSequence and rt_dose.eferencedRTPlanSequence")
          .hasMessageContaining(
              "rtds_object.FilePath: expected varchar(255) (or wider), found varchar(100)");

      assertThat(fingerprint(database)).isEqualTo(before);
      assertThat(FlywayHistory.of(database)).isEqualTo(historyBefore).hasSize(4);
    }
  }

  /**
   * Everything a refusal must leave as it was: the tables, their columns and indexes as
   * information_schema describes them, and CHECKSUM TABLE of every table.
   */
  private static Map<String, Object> fingerprint(TestDatabase database) {
    List<String> checksums = new ArrayList<>();
    for (String table : tableNames(database)) {
      checksums.add(
          table + "=" + database.query("CHECKSUM TABLE `" + table + "`").get(0).get("Checksum"));
    }
    return Map.of(
        "tables",
        database.query(
            "select TABLE_NAME, ENGINE, TABLE_COLLATION from information_schema.TABLES"
                + " where TABLE_SCHEMA = DATABASE() order by TABLE_NAME"),
        "columns",
        database.query(
            "select TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, COLLATION_NAME, EXTRA from information_schema.COLUMNS"
                + " where TABLE_SCHEMA = DATABASE() order by TABLE_NAME, ORDINAL_POSITION"),
        "indexes",
        database.query(
            "select TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE from"
                + " information_schema.STATISTICS where TABLE_SCHEMA = DATABASE()"
                + " order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"),
        "checksums",
        checksums);
  }

  private static List<String> tableNames(TestDatabase database) {
    return database
        .query(
            "select TABLE_NAME from information_schema.TABLES where TABLE_SCHEMA = DATABASE()"
                + " order by TABLE_NAME")
        .stream()
        .map(row -> (String) row.get("TABLE_NAME"))
        .toList();
  }

  /** "type NULL|NOT NULL", followed by the collation where the column has one. */
  private static String columnType(TestDatabase database, String table, String column) {
    return (String)
        database
            .query(
                "select concat_ws(' ', COLUMN_TYPE, if(IS_NULLABLE = 'YES', 'NULL', 'NOT NULL'),"
                    + " COLLATION_NAME) definition from information_schema.COLUMNS where"
                    + " TABLE_SCHEMA = DATABASE() and TABLE_NAME = ? and COLUMN_NAME = ?",
                table,
                column)
            .get(0)
            .get("definition");
  }
}

package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rtds.domain.testing.Migrations.LATEST;
import static org.rtds.domain.testing.Migrations.LATEST_NUMBER;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.testing.DocumentedSchema;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;

/**
 * An existing database of the legacy Django application (sql/legacy-django-dsrt.sql, with Django's
 * {@code rt_dose.ReferencedRTPlanSequence}) is adopted: compared with the expected schema, recorded
 * as version 1, given the later migrations only, and not one stored value changes; Hibernate's
 * validation then accepts it. Databases that are not dsrt databases are refused untouched.
 */
class LegacyAdoptionIT {

  private static final String LEGACY_SCRIPT = "sql/legacy-django-dsrt.sql";

  /**
   * The column definitions whose type adoption changes (V2), as "table.column"; V12 changes only
   * the nullability of others.
   */
  private static final Set<String> WIDENED =
      Set.of(
          "ct_images.RescaleSlope",
          "ct_images.RescaleIntercept",
          "ct_images.SliceLocation",
          "ct_images.ImageOrientationPatient",
          "rt_dose_image.ImageOrientationPatient",
          "rt_dose_image.ImagePositionPatient",
          "rt_dose_image.PixelSpacing",
          "rt_dvh.DVHType",
          "rt_dvh.DVHVolumeUnits",
          "rt_dvh.DoseType",
          "rt_dvh.DoseUnits",
          "series.PhysicianOfRecord",
          "series.Manufacturer");

  /** The tables V10 adds rows to (RTDS's permissions and job roles). */
  private static final Set<String> RTDS_SECURITY_ROWS =
      Set.of("django_content_type", "auth_permission", "auth_group", "auth_group_permissions");

  private static final List<String> TABLES = DocumentedSchema.load().tableNames();

  private static TestDatabase legacy;
  private static Map<String, List<Map<String, Object>>> rowsBefore;
  private static Map<String, String> columnsBefore;
  private static MigrationResult adoption;

  @BeforeAll
  static void adoptLegacyDatabase() {
    legacy = TestDatabase.create("legacy");
    legacy.runScript(LEGACY_SCRIPT);
    rowsBefore = rows(legacy);
    columnsBefore = columnDefinitions(legacy);

    adoption = new SchemaMigrator(legacy.dataSource()).migrate();
  }

  @AfterAll
  static void dropDatabase() {
    legacy.close();
  }

  @Test
  void theLegacySchemaIsRecordedAsVersion1AndOnlyLaterMigrationsRun() {
    assertThat(adoption).isEqualTo(new MigrationResult("1", LATEST, LATEST_NUMBER - 1, true));
    assertThat(FlywayHistory.of(legacy))
        .containsExactly(
            "1 BASELINE legacy dsrt schema adopted true",
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
    assertThat(new SchemaMigrator(legacy.dataSource()).state())
        .isEqualTo(new SchemaState(LATEST, LATEST, 0));
  }

  @Test
  void everyLegacyRowIsStillThereUnchanged() {
    Map<String, List<Map<String, Object>>> rowsAfter = rows(legacy);

    assertThat(rowsBefore.keySet()).containsExactlyElementsOf(TABLES);
    assertThat(rowsBefore.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    for (String table : TABLES) {
      List<Map<String, Object>> before = rowsBefore.get(table);
      List<Map<String, Object>> after = rowsAfter.get(table);
      if (table.equals("oar_dictionary")) {
        // V6 adds the target levels (PTV_High, ...) beside the legacy entries
        Set<Object> legacyIds = before.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(after)
            .filteredOn(r -> !legacyIds.contains(r.get("id")))
            .extracting(r -> r.get("ROIName"))
            .containsOnly("PTV_High", "PTV_Mid", "PTV_Low", "PTV_All");
        after = after.stream().filter(r -> legacyIds.contains(r.get("id"))).toList();
      }
      if (RTDS_SECURITY_ROWS.contains(table)) {
        // V10 adds RTDS's content types, permissions and job-role groups beside the legacy ones
        Set<Object> legacyIds = before.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(after).as(table).hasSizeGreaterThan(before.size());
        after = after.stream().filter(r -> legacyIds.contains(r.get("id"))).toList();
      }
      assertThat(normalised(columnsOf(after, before.get(0).keySet())))
          .as(table)
          .isEqualTo(normalised(before));
      // columns added by later migrations (V3) are empty on legacy rows
      assertThat(after)
          .as(table + ": added columns")
          .allSatisfy(
              row ->
                  row.forEach(
                      (column, value) -> {
                        if (!before.get(0).containsKey(column)) {
                          assertThat(value).as(table + "." + column).isNull();
                        }
                      }));
    }
  }

  @Test
  void onlyTheWidenedAndTheRelaxedColumnDefinitionsChanged() {
    Map<String, String> columnsAfter = columnDefinitions(legacy);
    Set<String> changed =
        columnsBefore.keySet().stream()
            .filter(column -> !columnsBefore.get(column).equals(columnsAfter.get(column)))
            .collect(Collectors.toSet());
    // V12: Django's NOT NULL on a DICOM attribute a file may lack became NULL, type unchanged
    Set<String> relaxed =
        changed.stream().filter(column -> !WIDENED.contains(column)).collect(Collectors.toSet());
    for (String column : relaxed) {
      assertThat(columnsAfter.get(column))
          .as(column)
          .isEqualTo(columnsBefore.get(column).replace(" NO", " YES"));
    }

    assertThat(columnsAfter.keySet()).containsAll(columnsBefore.keySet());
    assertThat(changed).containsAll(WIDENED);
    assertThat(columnsAfter.get("ct_images.RescaleIntercept")).startsWith("double");
    assertThat(relaxed)
        .hasSize(47)
        .contains(
            "patients.EnthicGroup",
            "studies.StudyDate",
            "rt_dose.DoseSummationType",
            "rt_dvh.DVHMeanDose",
            "similarity.Similarity");
    // now as in a database RTDS created, but for Django's own profile columns (left as Django has
    // them: RTDS writes '' there, as Django does)
    SchemaSnapshot fresh = ExpectedSchema.load().at(MigrationVersion.fromVersion(LATEST));
    assertThat(
            columnsAfter.entrySet().stream()
                .filter(column -> column.getValue().endsWith(" NO"))
                .map(Map.Entry::getKey)
                .filter(column -> nullableIn(fresh, column))
                .sorted())
        .containsExactly(
            "userprofile_userprofile.bio",
            "userprofile_userprofile.institution",
            "userprofile_userprofile.location",
            "userprofile_userprofile.occupation");
  }

  private static boolean nullableIn(SchemaSnapshot schema, String tableColumn) {
    String[] parts = tableColumn.split("\\.", 2);
    SchemaSnapshot.Table table = schema.table(parts[0]);
    SchemaSnapshot.Column column = table == null ? null : table.column(parts[1]);
    return column != null && column.nullable();
  }

  @Test
  void theEntitiesMapTheAdoptedDatabaseAndReadItsRows() {
    EntityManagerFactory factory = TestPersistence.createEntityManagerFactory(legacy);
    EntityManager em = factory.createEntityManager();
    try {
      factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();

      AuthUser admin =
          em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
              .setParameter("username", "admin1")
              .getSingleResult();
      assertThat(admin.getPassword()).startsWith("pbkdf2_sha256$36000$");
      assertThat(admin.getLastLogin())
          .isEqualTo(LocalDateTime.of(2018, 3, 2, 17, 45, 12, 123_456_000));
      assertThat(admin.isSuperuser()).isTrue();
      assertThat(
              em.createNamedQuery(AuthUserGroup.FIND_GROUP_NAMES_BY_USER, String.class)
                  .setParameter("userId", 2)
                  .getResultList())
          .containsExactly("UCLA doctors");
      CtImage slice =
          em.createNamedQuery(CtImage.FIND_BY_SOP_INSTANCE_UID, CtImage.class)
              .setParameter(
                  "sopInstanceUid", "1.3.12.2.1107.5.1.4.49208.30000011032816434551500001155")
              .getSingleResult();
      assertThat(slice.getRescaleIntercept()).isEqualTo(-1024.0);
      assertThat(slice.getPatient().getPatientName()).isEqualTo("UCLA_PR_5");
      assertThat(em.find(RtDvh.class, 1).getDvhType()).isEqualTo("CUMULATIVE");
      // Django's ReferencedRTPlanSequence (not the document's eferencedRTPlanSequence) is kept
      assertThat(em.find(RtDose.class, 2).getReferencedRtPlan())
          .isEqualTo("1.2.246.352.71.5.1706542068.3448833.20110406091712");
    } finally {
      em.close();
      factory.close();
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    MigrationResult again = new SchemaMigrator(legacy.dataSource()).migrate();

    assertThat(again).isEqualTo(new MigrationResult(LATEST, LATEST, 0, false));
    assertThat(FlywayHistory.of(legacy)).hasSize(LATEST_NUMBER);
    assertThat(
            normalised(
                columnsOf(
                    rows(legacy).get("patients"), rowsBefore.get("patients").get(0).keySet())))
        .isEqualTo(normalised(rowsBefore.get("patients")));
  }

  @Test
  void aDatabaseOfAnotherApplicationIsRefusedUntouched() {
    try (TestDatabase foreign = TestDatabase.create("foreign")) {
      foreign.execute("CREATE TABLE invoices (id int PRIMARY KEY, amount decimal(10,2))");

      assertThatThrownBy(() -> new SchemaMigrator(foreign.dataSource()).migrate())
          .isInstanceOf(SchemaMigrationException.class)
          .hasMessageContaining(
              "Database '" + foreign.name() + "' is not empty and is not a dsrt database")
          .hasMessageContaining("invoices")
          .hasMessageContaining("patients, studies, auth_user")
          .hasMessageContaining("Point RTDS at an empty database");
      assertThatThrownBy(() -> new SchemaMigrator(foreign.dataSource()).state())
          .isInstanceOf(SchemaMigrationException.class);
      assertThat(tableNames(foreign)).containsExactly("invoices");
    }
  }

  @Test
  void anIncompleteDsrtDatabaseIsRefusedUntouched() {
    try (TestDatabase incomplete = TestDatabase.create("incomplete")) {
      incomplete.runScript(LEGACY_SCRIPT);
      incomplete.execute("DROP TABLE similarity");

      assertThatThrownBy(() -> new SchemaMigrator(incomplete.dataSource()).migrate())
          .isInstanceOf(SchemaMigrationException.class)
          .hasMessageContaining(
              "looks like a legacy dsrt database but lacks 1 of its 26 tables: similarity")
          .hasMessageContaining("Restore the complete dump");
      assertThat(tableNames(incomplete)).hasSize(25).doesNotContain("flyway_schema_history");
    }
  }

  /** Every row of every documented table, in primary-key order. */
  private static Map<String, List<Map<String, Object>>> rows(TestDatabase database) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      String key = table.equals("django_session") ? "session_key" : "id";
      rows.put(table, database.query("select * from `" + table + "` order by `" + key + "`"));
    }
    return rows;
  }

  /**
   * Rows with numbers compared by value, so that an int that became a double (V2) still counts as
   * the same value (-1024 = -1024.0); everything else compares as read.
   */
  private static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach((column, value) -> copy.put(column, normalised(value)));
      result.add(copy);
    }
    return result;
  }

  /** The rows with only the given columns. */
  private static List<Map<String, Object>> columnsOf(
      List<Map<String, Object>> rows, java.util.Set<String> columns) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.keySet().retainAll(columns);
      result.add(copy);
    }
    return result;
  }

  private static Object normalised(Object value) {
    return value instanceof Number number
        ? new BigDecimal(number.toString()).stripTrailingZeros()
        : value;
  }

  /** "table.column" -> "COLUMN_TYPE NULL|NOT NULL" of the documented tables. */
  private static Map<String, String> columnDefinitions(TestDatabase database) {
    return database
        .query(
            "select TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE from"
                + " information_schema.COLUMNS where TABLE_SCHEMA = DATABASE() and TABLE_NAME <>"
                + " 'flyway_schema_history'")
        .stream()
        .collect(
            Collectors.toMap(
                row -> row.get("TABLE_NAME") + "." + row.get("COLUMN_NAME"),
                row -> row.get("COLUMN_TYPE") + " " + row.get("IS_NULLABLE")));
  }

  private static List<String> tableNames(TestDatabase database) {
    return database
        .query("select TABLE_NAME from information_schema.TABLES where TABLE_SCHEMA = DATABASE()")
        .stream()
        .map(row -> (String) row.get("TABLE_NAME"))
        .toList();
  }
}

package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.domain.testing.DocumentedSchema;
import org.rtds.domain.testing.TestDatabase;

/**
 * The migrations create, on an empty database, exactly the legacy dsrt schema documented in
 * docs/schema.md (its machine-readable form: {@link DocumentedSchema}, {@code dsrt-schema.tsv}),
 * plus the keys a Django application creates. A column the original document spelled differently
 * ({@code rt_dose.ReferencedRTPlanSequence}, documented as {@code eferencedRTPlanSequence}) may
 * exist under either spelling.
 */
class DocumentedSchemaIT {

  /** Column types V2 widened on purpose: documented type -> type after the migrations. */
  private static final Map<String, String> WIDENED =
      Map.ofEntries(
          Map.entry("ct_images.RescaleSlope", "double"),
          Map.entry("ct_images.RescaleIntercept", "double"),
          Map.entry("ct_images.SliceLocation", "double"),
          Map.entry("ct_images.ImageOrientationPatient", "varchar(200)"),
          Map.entry("rt_dose_image.ImageOrientationPatient", "varchar(200)"),
          Map.entry("rt_dose_image.ImagePositionPatient", "varchar(200)"),
          Map.entry("rt_dose_image.PixelSpacing", "varchar(200)"),
          Map.entry("rt_dvh.DVHType", "varchar(16)"),
          Map.entry("rt_dvh.DVHVolumeUnits", "varchar(16)"),
          Map.entry("rt_dvh.DoseType", "varchar(16)"),
          Map.entry("rt_dvh.DoseUnits", "varchar(16)"),
          Map.entry("series.PhysicianOfRecord", "varchar(200)"),
          Map.entry("series.Manufacturer", "varchar(64)"));

  private static final DocumentedSchema DOCUMENT = DocumentedSchema.load();

  private static TestDatabase database;

  @BeforeAll
  static void migrateEmptyDatabase() {
    database = TestDatabase.create("documented_schema");
    // the documented schema as of V2 (V1 + widening); RTDS's own additions: IngestionSchemaIT
    new SchemaMigrator(database.dataSource()).migrateTo("2");
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void theDescriptionHas26TablesWith199Columns() {
    assertThat(DOCUMENT.tables()).hasSize(26);
    assertThat(DOCUMENT.columnCount()).isEqualTo(199);
  }

  @Test
  void theDatabaseHasTheDocumentedTablesAndFlywaysHistoryOnly() {
    Set<String> expected = new TreeSet<>(DOCUMENT.tableNames());
    expected.add("flyway_schema_history");

    assertThat(tables().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyDocumentedColumnExistsWithItsDocumentedOrDeliberatelyWidenedType() {
    Map<String, Map<String, Object>> columns = columns();
    SoftAssertions softly = new SoftAssertions();
    for (DocumentedSchema.Table table : DOCUMENT.tables()) {
      for (DocumentedSchema.Column column : table.columns()) {
        String key = key(table, column, columns);
        Map<String, Object> actual = columns.get(key);
        softly.assertThat(actual).as(key + " exists (names are case-sensitive)").isNotNull();
        if (actual == null) {
          continue;
        }
        String actualType = (String) actual.get("COLUMN_TYPE");
        String widened = WIDENED.get(key);
        if (widened == null) {
          softly.assertThat(actualType).as(key).isEqualTo(column.type());
        } else {
          softly.assertThat(actualType).as(key + " widened by V2").isEqualTo(widened);
          softly
              .assertThat(isWidening(column, actualType, actual))
              .as(key + ": " + column.type() + " -> " + actualType + " is a widening")
              .isTrue();
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void documentedTablesHaveNoUndocumentedColumns() {
    Map<String, Map<String, Object>> columns = columns();
    Set<String> documented =
        DOCUMENT.tables().stream()
            .flatMap(t -> t.columns().stream().map(c -> key(t, c, columns)))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> actual = new TreeSet<>(columns.keySet());
    actual.removeIf(key -> key.startsWith("flyway_schema_history."));

    assertThat(actual).isEqualTo(documented);
  }

  @Test
  void everyTableIsInnoDbWithUtf8mb4() {
    SoftAssertions softly = new SoftAssertions();
    tables()
        .forEach(
            (name, table) -> {
              softly.assertThat(table.get("ENGINE")).as(name + " engine").isEqualTo("InnoDB");
              softly
                  .assertThat((String) table.get("TABLE_COLLATION"))
                  .as(name + " collation")
                  .startsWith("utf8mb4_");
            });
    columns()
        .forEach(
            (key, column) -> {
              if (column.get("CHARACTER_SET_NAME") != null) {
                softly.assertThat(column.get("CHARACTER_SET_NAME")).as(key).isEqualTo("utf8mb4");
              }
            });
    softly.assertAll();
  }

  @Test
  void everyReferencingColumnHasAForeignKeyAndAnIndex() {
    Map<String, String> expected = new HashMap<>();
    for (DocumentedSchema.Table table : DOCUMENT.tables()) {
      for (DocumentedSchema.Column column : table.columns()) {
        String target = referencedTable(column.name());
        if (target != null) {
          expected.put(table.name() + "." + column.name(), target);
        }
      }
    }
    Map<String, String> actual =
        database
            .query(
                "select TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                    + " from information_schema.KEY_COLUMN_USAGE"
                    + " where TABLE_SCHEMA = DATABASE() and REFERENCED_TABLE_NAME is not null")
            .stream()
            .peek(row -> assertThat(row.get("REFERENCED_COLUMN_NAME")).isEqualTo("id"))
            .collect(
                Collectors.toMap(
                    row -> row.get("TABLE_NAME") + "." + row.get("COLUMN_NAME"),
                    row -> (String) row.get("REFERENCED_TABLE_NAME")));

    assertThat(actual).isEqualTo(expected);
    assertThat(actual)
        .doesNotContainKeys(
            "similarity.DBStudyID", "similarity.TargetOAR", "rt_dvh.DVHReferencedROI");

    Set<String> leadingIndexColumns =
        database
            .query(
                "select TABLE_NAME, COLUMN_NAME from information_schema.STATISTICS"
                    + " where TABLE_SCHEMA = DATABASE() and SEQ_IN_INDEX = 1")
            .stream()
            .map(row -> row.get("TABLE_NAME") + "." + row.get("COLUMN_NAME"))
            .collect(Collectors.toSet());
    assertThat(leadingIndexColumns).containsAll(expected.keySet());
  }

  @Test
  void djangoUniqueKeysAndIndexesExist() {
    List<String> uniqueKeys =
        database
            .query(
                "select TABLE_NAME, INDEX_NAME, group_concat(COLUMN_NAME order by SEQ_IN_INDEX) as"
                    + " COLS from information_schema.STATISTICS where TABLE_SCHEMA = DATABASE() and"
                    + " NON_UNIQUE = 0 and INDEX_NAME <> 'PRIMARY' and TABLE_NAME <>"
                    + " 'flyway_schema_history' group by TABLE_NAME, INDEX_NAME")
            .stream()
            .map(row -> row.get("TABLE_NAME") + "(" + row.get("COLS") + ")")
            .toList();

    assertThat(uniqueKeys)
        .containsExactlyInAnyOrder(
            "auth_user(username)",
            "auth_group(name)",
            "auth_permission(content_type_id,codename)",
            "django_content_type(app_label,model)",
            "auth_user_groups(user_id,group_id)",
            "auth_group_permissions(group_id,permission_id)",
            "auth_user_user_permissions(user_id,permission_id)",
            "userprofile_userprofile(user_id)");
    assertThat(
            database.query(
                "select INDEX_NAME from information_schema.STATISTICS where TABLE_SCHEMA ="
                    + " DATABASE() and TABLE_NAME = 'django_session' and COLUMN_NAME ="
                    + " 'expire_date'"))
        .extracting(row -> row.get("INDEX_NAME"))
        .containsExactly("django_session_expire_date_a5c62663");
  }

  /**
   * The table a column refers to by Django's foreign key naming ({@code fk_<name>_id_id}, {@code
   * <field>_id}), or {@code null} for a plain column.
   */
  private static String referencedTable(String column) {
    return switch (column) {
      case "fk_patient_id_id" -> "patients";
      case "fk_study_id_id", "fk_study_id" -> "studies";
      case "fk_series_id_id" -> "series";
      case "fk_user_id_id", "user_id" -> "auth_user";
      case "fk_structureset_id_id" -> "rt_structureset";
      case "fk_roi_id_id" -> "rt_rois";
      case "fk_dose_id_id" -> "rt_dose";
      case "fk_ct_image_id_id" -> "ct_images";
      case "ptv_id", "OAR_id" -> "oar_dictionary";
      case "group_id" -> "auth_group";
      case "permission_id" -> "auth_permission";
      case "content_type_id" -> "django_content_type";
      default -> null;
    };
  }

  private static boolean isWidening(
      DocumentedSchema.Column documented, String actualType, Map<String, Object> actual) {
    return switch (documented.baseType()) {
      case "int" -> actualType.equals("double");
      case "varchar" ->
          actualType.startsWith("varchar(")
              && ((Number) actual.get("CHARACTER_MAXIMUM_LENGTH")).intValue() > documented.length();
      default -> false;
    };
  }

  /**
   * "table.column" under the first accepted spelling of the column that exists, or under its RTDS
   * name if none does.
   */
  private static String key(
      DocumentedSchema.Table table,
      DocumentedSchema.Column column,
      Map<String, Map<String, Object>> columns) {
    return column.acceptedNames().stream()
        .map(name -> table.name() + "." + name)
        .filter(columns::containsKey)
        .findFirst()
        .orElse(table.name() + "." + column.name());
  }

  /** Table name -> information_schema.TABLES row. */
  private static Map<String, Map<String, Object>> tables() {
    return database
        .query(
            "select TABLE_NAME, ENGINE, TABLE_COLLATION from information_schema.TABLES"
                + " where TABLE_SCHEMA = DATABASE()")
        .stream()
        .collect(Collectors.toMap(row -> (String) row.get("TABLE_NAME"), row -> row));
  }

  /** "table.column" -> information_schema.COLUMNS row. */
  private static Map<String, Map<String, Object>> columns() {
    return database
        .query(
            "select TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " CHARACTER_SET_NAME from information_schema.COLUMNS where TABLE_SCHEMA ="
                + " DATABASE()")
        .stream()
        .collect(
            Collectors.toMap(
                row -> row.get("TABLE_NAME") + "." + row.get("COLUMN_NAME"), row -> row));
  }
}

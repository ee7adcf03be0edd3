package org.rtds.domain.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Compares a live database with what RTDS expects of a schema at its current version, and with what
 * the pending migrations are going to do to it, before anything is changed (ARCHITECTURE D27). Only
 * reads: {@code information_schema}, and for a unique key a pending migration adds, a {@code GROUP
 * BY} over the existing rows.
 *
 * <p>Rules, per table and column of the expected schema at the current version:
 *
 * <ul>
 *   <li>a missing table or column is an incompatibility; extra tables, columns and indexes are kept
 *       and do not count;
 *   <li>a column type must {@linkplain ColumnType#covers cover} the expected one (same or wider); a
 *       column a pending migration changes must instead fit into the migration's new type without
 *       losing a value;
 *   <li>NULL where RTDS expects NOT NULL is an incompatibility (RTDS relies on those values); NOT
 *       NULL where RTDS allows NULL is accepted with a warning (Django's default; such a column
 *       makes ingestion refuse an object that lacks the attribute);
 *   <li>a table, column or index that a pending migration creates must not exist yet, a column a
 *       pending migration makes NOT NULL must hold no NULL, and the existing rows must not break a
 *       unique key a pending migration adds: each of these would stop the migration half-way.
 * </ul>
 *
 * <p>{@code rt_dose.ReferencedRTPlanSequence} (Django's spelling) stands for the schema document's
 * {@code eferencedRTPlanSequence} before version {@value #RENAME_VERSION}, whose migration renames
 * the latter to the former; a table with both is an incompatibility.
 */
final class SchemaCompatibility {

  /** The version whose migration gives the referenced RT Plan column its one name. */
  static final String RENAME_VERSION = "5";

  static final String DOSE_TABLE = "rt_dose";
  static final String TYPO_COLUMN = "eferencedRTPlanSequence";
  static final String DJANGO_COLUMN = "ReferencedRTPlanSequence";

  /** Incompatibilities (each "table.column: ...") and warnings, both in a stable order. */
  record Report(List<String> differences, List<String> warnings) {
    boolean compatible() {
      return differences.isEmpty();
    }
  }

  private SchemaCompatibility() {}

  static Report check(
      Connection connection, ExpectedSchema expected, MigrationVersion from, MigrationVersion to)
      throws SQLException {
    SchemaSnapshot live = SchemaSnapshot.read(connection);
    List<String> differences = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    SchemaSnapshot current = expected.at(from);
    if (current == null) {
      throw new IllegalStateException("this build describes no schema at version " + from);
    }
    List<MigrationVersion> steps = expected.stepsBetween(from, to);

    if (from.compareTo(MigrationVersion.fromVersion(RENAME_VERSION)) < 0) {
      live = withTypoSpelling(live, differences);
    }

    // columns that a pending migration changes: checked against the new type in the steps below
    Map<String, Boolean> changedLater = new HashMap<>();
    SchemaSnapshot previous = current;
    for (MigrationVersion step : steps) {
      SchemaSnapshot next = expected.at(step);
      for (SchemaSnapshot.Table table : previous.tables().values()) {
        SchemaSnapshot.Table after = next.table(table.name());
        if (after == null) {
          continue;
        }
        for (SchemaSnapshot.Column column : table.columns().values()) {
          SchemaSnapshot.Column changed = after.column(column.name());
          if (changed != null && !changed.type().equals(column.type())) {
            changedLater.put(table.name() + "." + SchemaSnapshot.key(column.name()), true);
          }
        }
      }
      previous = next;
    }

    for (SchemaSnapshot.Table table : current.tables().values()) {
      SchemaSnapshot.Table found = live.table(table.name());
      if (found == null) {
        differences.add(table.name() + ": table missing");
        continue;
      }
      for (SchemaSnapshot.Column column : table.columns().values()) {
        String name = table.name() + "." + column.name();
        SchemaSnapshot.Column actual = found.column(column.name());
        if (actual == null) {
          differences.add(name + ": column missing (expected " + column.definition() + ")");
          continue;
        }
        boolean changed =
            changedLater.containsKey(table.name() + "." + SchemaSnapshot.key(column.name()));
        if (!changed && !actual.columnType().covers(column.columnType())) {
          differences.add(
              name + ": expected " + column.type() + " (or wider), found " + actual.type());
        }
        if (!column.nullable() && actual.nullable()) {
          differences.add(name + ": expected NOT NULL, found NULL");
        } else if (column.nullable() && !actual.nullable()) {
          warnings.add(name + " (NOT NULL, RTDS allows NULL)");
        }
      }
    }

    // what the pending migrations will do, step by step, to the live columns
    Map<String, SchemaSnapshot.Column> projected = new HashMap<>();
    previous = current;
    for (MigrationVersion step : steps) {
      SchemaSnapshot next = expected.at(step);
      String by = "migration V" + step + " ";
      for (SchemaSnapshot.Table table : next.tables().values()) {
        SchemaSnapshot.Table before = previous.table(table.name());
        SchemaSnapshot.Table found = live.table(table.name());
        if (before == null) {
          if (found != null) {
            differences.add(table.name() + ": table exists, but " + by + "creates it");
          }
          continue;
        }
        if (found == null) {
          continue; // reported above
        }
        for (SchemaSnapshot.Column column : table.columns().values()) {
          String name = table.name() + "." + column.name();
          SchemaSnapshot.Column was = before.column(column.name());
          SchemaSnapshot.Column actual =
              projected.getOrDefault(
                  table.name() + "." + SchemaSnapshot.key(column.name()),
                  found.column(column.name()));
          if (was == null) {
            if (actual != null) {
              differences.add(
                  name + ": column exists (" + actual.definition() + "), but " + by + "adds it");
            }
            continue;
          }
          if (actual == null || was.definition().equals(column.definition())) {
            continue;
          }
          if (!column.columnType().keepsEveryValueOf(actual.columnType())) {
            differences.add(
                name
                    + ": found "
                    + actual.type()
                    + ", but "
                    + by
                    + "changes it to "
                    + column.type()
                    + ", which cannot hold every value of "
                    + actual.type());
          }
          if (!column.nullable()
              && actual.nullable()
              && hasNull(connection, table.name(), actual)) {
            differences.add(name + ": holds NULL, but " + by + "makes it NOT NULL");
          }
          projected.put(table.name() + "." + SchemaSnapshot.key(column.name()), column);
        }
        for (SchemaSnapshot.Index index : table.indexes().values()) {
          if (before.index(index.name()) != null) {
            continue;
          }
          String name = table.name() + " index " + index.name();
          if (found.index(index.name()) != null) {
            differences.add(name + ": exists, but " + by + "adds it");
          } else if (index.unique()
              && index.columns().stream()
                  .allMatch(c -> before.column(c) != null && found.column(c) != null)) {
            String duplicate = duplicate(connection, found, index);
            if (duplicate != null) {
              differences.add(
                  name
                      + ": rows share "
                      + duplicate
                      + ", but "
                      + by
                      + "adds this unique key ("
                      + String.join(", ", index.columns())
                      + ")");
            }
          }
        }
      }
      previous = next;
    }
    differences.sort(null);
    return new Report(differences, warnings);
  }

  /**
   * The live schema with rt_dose's Django spelling read as the schema document's (the migration to
   * version 5 renames the latter to the former), or with a difference if both are there.
   */
  private static SchemaSnapshot withTypoSpelling(SchemaSnapshot live, List<String> differences) {
    SchemaSnapshot.Table dose = live.table(DOSE_TABLE);
    if (dose == null || dose.column(DJANGO_COLUMN) == null) {
      return live;
    }
    if (dose.column(TYPO_COLUMN) != null) {
      differences.add(
          DOSE_TABLE
              + "."
              + DJANGO_COLUMN
              + " and "
              + DOSE_TABLE
              + "."
              + TYPO_COLUMN
              + ": both exist; RTDS uses one column for the referenced RT Plan UID and cannot tell"
              + " which of them holds it (keep the one with the values, drop the other)");
    }
    boolean both = dose.column(TYPO_COLUMN) != null;
    Map<String, SchemaSnapshot.Column> columns = new java.util.LinkedHashMap<>();
    dose.columns()
        .forEach(
            (key, column) -> {
              if (key.equals(SchemaSnapshot.key(DJANGO_COLUMN))) {
                if (both) {
                  return; // reported above, not again as a column V5 would add
                }
                columns.put(
                    SchemaSnapshot.key(TYPO_COLUMN),
                    new SchemaSnapshot.Column(TYPO_COLUMN, column.type(), column.nullable()));
              } else {
                columns.put(key, column);
              }
            });
    Map<String, SchemaSnapshot.Table> tables = new java.util.TreeMap<>(live.tables());
    tables.put(DOSE_TABLE, new SchemaSnapshot.Table(DOSE_TABLE, columns, dose.indexes()));
    return new SchemaSnapshot(tables);
  }

  private static boolean hasNull(Connection connection, String table, SchemaSnapshot.Column column)
      throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select 1 from "
                    + quote(table)
                    + " where "
                    + quote(column.name())
                    + " is null limit 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next();
    }
  }

  /** The first set of values that more than one row has in the key's columns, or null. */
  private static String duplicate(
      Connection connection, SchemaSnapshot.Table table, SchemaSnapshot.Index index)
      throws SQLException {
    String columns =
        index.columns().stream().map(SchemaCompatibility::quote).collect(Collectors.joining(", "));
    String notNull =
        index.columns().stream()
            .map(c -> quote(c) + " is not null")
            .collect(Collectors.joining(" and "));
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select "
                    + columns
                    + ", count(*) from "
                    + quote(table.name())
                    + " where "
                    + notNull
                    + " group by "
                    + columns
                    + " having count(*) > 1 limit 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return null;
      }
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= index.columns().size(); i++) {
        values.add(index.columns().get(i - 1) + "=" + rows.getString(i));
      }
      return "("
          + String.join(", ", values)
          + ") "
          + rows.getLong(index.columns().size() + 1)
          + " times";
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}

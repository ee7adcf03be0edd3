package org.rtds.domain.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables, columns (type and nullability) and indexes of one schema: read from a live database
 * ({@code information_schema}), or one version of the {@linkplain ExpectedSchema expected schema}.
 * Column and index names are looked up case-insensitively, as MySQL/MariaDB do; table names
 * exactly.
 */
record SchemaSnapshot(Map<String, Table> tables) {

  /** Flyway's history table: not part of any schema description. */
  static final String HISTORY_TABLE = "flyway_schema_history";

  record Column(String name, String type, boolean nullable) {

    ColumnType columnType() {
      return ColumnType.parse(type);
    }

    String definition() {
      return type + (nullable ? " NULL" : " NOT NULL");
    }
  }

  record Index(String name, boolean unique, List<String> columns) {}

  /** A table; columns in ordinal order and indexes by name, both keyed by lower-case name. */
  record Table(String name, Map<String, Column> columns, Map<String, Index> indexes) {

    Column column(String columnName) {
      return columns.get(key(columnName));
    }

    Index index(String indexName) {
      return indexes.get(key(indexName));
    }
  }

  Table table(String name) {
    return tables.get(name);
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Reads the base tables of the connection's current database, without Flyway's history. */
  static SchemaSnapshot read(Connection connection) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE"
                    + " from information_schema.COLUMNS c join information_schema.TABLES t"
                    + " on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME"
                    + " where c.TABLE_SCHEMA = DATABASE() and t.TABLE_TYPE = 'BASE TABLE'"
                    + " order by c.TABLE_NAME, c.ORDINAL_POSITION");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String table = rows.getString(1);
        if (table.equalsIgnoreCase(HISTORY_TABLE)) {
          continue;
        }
        String column = rows.getString(2);
        tables
            .computeIfAbsent(table, name -> new Table(name, new LinkedHashMap<>(), new TreeMap<>()))
            .columns()
            .put(
                key(column),
                new Column(column, rows.getString(3), "YES".equals(rows.getString(4))));
      }
    }
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME from"
                    + " information_schema.STATISTICS where TABLE_SCHEMA = DATABASE()"
                    + " order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Table table = tables.get(rows.getString(1));
        if (table == null) {
          continue;
        }
        String name = rows.getString(2);
        boolean unique = rows.getInt(3) == 0;
        Index index =
            table
                .indexes()
                .computeIfAbsent(key(name), k -> new Index(name, unique, new ArrayList<>()));
        index.columns().add(rows.getString(4));
      }
    }
    return new SchemaSnapshot(tables);
  }

  /**
   * Lines of the expected-schema format for this snapshot at a version: {@code version table column
   * name type NULL|NOT NULL} and {@code version table index name UNIQUE|KEY col1,col2},
   * tab-separated.
   */
  List<String> lines(String version) {
    List<String> lines = new ArrayList<>();
    for (Table table : tables.values()) {
      for (Column column : table.columns().values()) {
        lines.add(
            String.join(
                "\t",
                version,
                table.name(),
                "column",
                column.name(),
                column.type(),
                column.nullable() ? "NULL" : "NOT NULL"));
      }
      for (Index index : table.indexes().values()) {
        lines.add(
            String.join(
                "\t",
                version,
                table.name(),
                "index",
                index.name(),
                index.unique() ? "UNIQUE" : "KEY",
                String.join(",", index.columns())));
      }
    }
    return lines;
  }
}

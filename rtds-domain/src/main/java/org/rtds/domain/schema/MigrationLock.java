package org.rtds.domain.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) per database, held on a connection of its own while
 * one node inspects, checks and migrates the schema. Nodes starting together thus check the schema
 * one after another, never while another node is half-way through a migration (which would look
 * like an incompatible schema). A named lock creates nothing in the database and ends with its
 * connection.
 */
final class MigrationLock implements AutoCloseable {

  /** How long a node waits for another node's migration. */
  static final int WAIT_SECONDS = 3600;

  private final Connection connection;
  private final boolean held;

  private MigrationLock(Connection connection, boolean held) {
    this.connection = connection;
    this.held = held;
  }

  static MigrationLock acquire(DataSource dataSource) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new SchemaMigrationException(
          "Cannot connect to the RTDS database: "
              + e.getMessage()
              + ". Check that the database server is running and that the configured database"
              + " (RTDS_DB_URL or the jdbc/rtds resource) exists and is readable by its user.",
          e);
    }
    try {
      if (connection.getCatalog() == null) {
        return new MigrationLock(connection, false); // no database: inspect() says so
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select GET_LOCK(concat('rtds-schema-', sha1(DATABASE())), ?)")) {
        statement.setInt(1, WAIT_SECONDS);
        try (ResultSet result = statement.executeQuery()) {
          if (result.next() && result.getInt(1) == 1) {
            return new MigrationLock(connection, true);
          }
        }
      }
      throw new SchemaMigrationException(
          "Another RTDS node has been migrating database '%s' for more than %d s; start-up tries again later."
              .formatted(connection.getCatalog(), WAIT_SECONDS));
    } catch (SQLException | RuntimeException e) {
      close(connection);
      if (e instanceof SchemaMigrationException refusal) {
        throw refusal;
      }
      throw new SchemaMigrationException(
          "Cannot take the schema migration lock of the RTDS database: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (held) {
      // a pooled connection's session outlives close(): release explicitly
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select RELEASE_LOCK(concat('rtds-schema-', sha1(DATABASE())))")) {
        statement.execute();
      } catch (SQLException ignored) {
        // closing the session below releases it if the connection is not pooled
      }
    }
    close(connection);
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the lock ends with the session either way
    }
  }
}

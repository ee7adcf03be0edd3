package org.rtds.domain.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A throwaway database {@code rtds_it_<purpose>_<random>} (utf8mb4) on the MariaDB or MySQL server
 * that integration tests use, dropped again by {@link #close()}. Every test class gets its own
 * database, so tests never share state and may run in any order.
 *
 * <p>The server comes from the system properties {@code rtds.test.db.host}, {@code
 * rtds.test.db.port}, {@code rtds.test.db.user} and {@code rtds.test.db.password} (defaults {@code
 * 127.0.0.1}, {@code 3306}, {@code root} and empty), which the parent POM passes to Failsafe. The
 * user needs the rights to create and drop databases. Connections use MySQL Connector/J (a test
 * dependency of the modules that use this class) without TLS, as on the loopback interface of a CI
 * machine.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.create("ingest")) {
 *   new SchemaMigrator(db.dataSource()).migrate();
 *   ...
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

  private static final String CONNECTION_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

  private static final int MAX_NAME_LENGTH = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String serverUrl;
  private final String name;
  private final String user;
  private final String password;
  private final DataSource dataSource;

  private TestDatabase(String serverUrl, String name, String user, String password) {
    this.serverUrl = serverUrl;
    this.name = name;
    this.user = user;
    this.password = password;
    this.dataSource = new DriverManagerDataSource(jdbcUrl(), user, password);
  }

  /**
   * Creates a new, empty database for one test class.
   *
   * @param purpose a short word naming the test, e.g. {@code legacy}; reduced to lower-case
   *     letters, digits and underscores
   * @throws IllegalStateException if the database server cannot be reached, with what to do about
   *     it
   */
  public static TestDatabase create(String purpose) {
    String host = System.getProperty("rtds.test.db.host", "127.0.0.1");
    String port = System.getProperty("rtds.test.db.port", "3306");
    String user = System.getProperty("rtds.test.db.user", "root");
    String password = System.getProperty("rtds.test.db.password", "");
    String serverUrl = "jdbc:mysql://" + host + ":" + port + "/";
    String name = databaseName(purpose);
    try (Connection connection =
            DriverManager.getConnection(serverUrl + "?" + CONNECTION_OPTIONS, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException(
          ("Cannot create the test database %s on the MariaDB/MySQL server %s:%s as user '%s': %s."
                  + " Integration tests need a running server. Start MariaDB (Debian package"
                  + " mariadb-server) with 'start-stop-daemon --start --oknodo --background --exec"
                  + " /usr/sbin/mariadbd' or 'service mariadb start', or point the tests at another"
                  + " server with -Drtds.test.db.host=... -Drtds.test.db.port=..."
                  + " -Drtds.test.db.user=... -Drtds.test.db.password=...")
              .formatted(name, host, port, user, e.getMessage()),
          e);
    }
    return new TestDatabase(serverUrl, name, user, password);
  }

  static String databaseName(String purpose) {
    String cleaned = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String suffix = "_" + HexFormat.of().formatHex(random);
    String prefix = "rtds_it_";
    int room = MAX_NAME_LENGTH - prefix.length() - suffix.length();
    return prefix + cleaned.substring(0, Math.min(room, cleaned.length())) + suffix;
  }

  /**
   * JDBC URL of this database, e.g. {@code
   * jdbc:mysql://127.0.0.1:3306/rtds_it_legacy_1a2b3c4d?...}.
   */
  public String jdbcUrl() {
    return serverUrl + name + "?" + CONNECTION_OPTIONS;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The database (schema) name. */
  public String name() {
    return name;
  }

  /** A non-pooling data source: each {@code getConnection()} opens a new connection. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs a SQL script from the test class path (statements separated by semicolons, comments
   * allowed) in this database, e.g. to load a fixture.
   */
  public void runScript(String classpathResource) {
    String script;
    try (InputStream in =
        TestDatabase.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "No such resource on the class path: " + classpathResource);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl() + "&allowMultiQueries=true", user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(script);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Running " + classpathResource + " in " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs a query in this database and returns its rows in order, each as column label to value
   * ({@link java.sql.ResultSet#getObject(int)}), for assertions on what is really stored.
   */
  public List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= meta.getColumnCount(); column++) {
            row.put(meta.getColumnLabel(column), result.getObject(column));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed in " + name + ": " + sql, e);
    }
  }

  /** Runs one SQL statement (DDL or DML) in this database. */
  public void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed in " + name + ": " + sql, e);
    }
  }

  /** Drops the database. */
  @Override
  public void close() {
    try (Connection connection =
            DriverManager.getConnection(serverUrl + "?" + CONNECTION_OPTIONS, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop the test database " + name, e);
    }
  }

  @Override
  public String toString() {
    return "TestDatabase[" + name + "]";
  }

  /** The smallest useful {@link DataSource}: a new {@link DriverManager} connection per call. */
  private record DriverManagerDataSource(String url, String user, String password)
      implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
      return DriverManager.getConnection(url, otherUser, otherPassword);
    }

    @Override
    public PrintWriter getLogWriter() {
      return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }

    @Override
    public String toString() {
      return "DriverManagerDataSource[" + url + "]";
    }
  }
}

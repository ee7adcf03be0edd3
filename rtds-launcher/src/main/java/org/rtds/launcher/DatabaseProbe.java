package org.rtds.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connects once before Payara starts: to fail early with a clear message, and to choose the
 * Hibernate dialect from the product (Hibernate cannot detect it on MariaDB 11 through Connector/J;
 * docs: platform pitfall 7) and tell Hibernate the product's real version (Connector/J reports
 * MariaDB 10.x as "5.5.5-10.x", which Hibernate would take for MariaDB 5.5.5; ARCHITECTURE D6).
 */
final class DatabaseProbe {

  static final String MARIADB_DIALECT = "org.hibernate.dialect.MariaDBDialect";
  static final String MYSQL_DIALECT = "org.hibernate.dialect.MySQLDialect";
  static final String CHECK_CREDENTIALS = ". Check RTDS_DB_USER and RTDS_DB_PASSWORD.";
  private static final int LOGIN_TIMEOUT_SECONDS = 10;

  /** Optional "5.5.5-" (MariaDB before 11 through the MySQL protocol), then major.minor.patch. */
  private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+\\.\\d+\\.\\d+)");

  private DatabaseProbe() {}

  static DatabaseConnection probe(JdbcTarget target, String user, String password) {
    DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    try (Connection connection = DriverManager.getConnection(target.url(), credentials);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
      rs.next();
      String version = rs.getString(1);
      boolean mariadb = version.toLowerCase().contains("mariadb");
      String product = (mariadb ? "MariaDB " : "MySQL ") + version;
      return new DatabaseConnection(
          target,
          user,
          password,
          mariadb ? MARIADB_DIALECT : MYSQL_DIALECT,
          productVersion(version),
          product);
    } catch (SQLException e) {
      throw new LauncherException(
          "cannot connect to the database at "
              + target.host()
              + ":"
              + target.port()
              + "/"
              + target.database()
              + " as '"
              + user
              + "': "
              + e.getMessage()
              + hint(e));
    }
  }

  /**
   * The product version in a {@code SELECT VERSION()} answer, for Hibernate's {@code
   * jakarta.persistence.database-product-version}: "10.11.5-MariaDB" and
   * "5.5.5-10.11.19-MariaDB-0+deb12u1" give 10.11.5 and 10.11.19, "8.0.36" gives 8.0.36; empty when
   * the answer has no major.minor.patch (Hibernate then reads the version from JDBC metadata).
   */
  static Optional<String> productVersion(String selectVersion) {
    Matcher m = VERSION.matcher(selectVersion == null ? "" : selectVersion.trim());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String hint(SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Unknown database")) {
      return ". Create it first: CREATE DATABASE dsrt CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;";
    }
    if (message.contains("Access denied")) {
      return CHECK_CREDENTIALS;
    }
    if (message.contains("Communications link failure")) {
      return ". Is the server running and reachable? For TLS to a remote server add sslMode=VERIFY_CA and a "
          + "trust store to RTDS_DB_URL (README, Configuration).";
    }
    return "";
  }
}

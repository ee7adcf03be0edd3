package org.rtds.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The asadmin commands Payara Micro runs after boot to create the JDBC resource {@code jdbc/rtds}:
 * the same resource hospital IT creates on Payara Server (rtds-ear/src/main/payara), so one {@code
 * persistence.xml} serves both.
 */
final class PostBootCommands {

  static final String POOL = "rtdsPool";
  static final String RESOURCE = "jdbc/rtds";

  private PostBootCommands() {}

  static String forDatabase(DatabaseConnection db) {
    JdbcTarget target = db.target();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("serverName", target.host());
    properties.put("portNumber", Integer.toString(target.port()));
    properties.put("databaseName", target.database());
    properties.put("user", db.user());
    properties.put("characterEncoding", "UTF-8");
    properties.put("connectionTimeZone", "UTC");
    properties.putAll(target.properties());
    properties.remove("password");
    StringBuilder property = new StringBuilder();
    for (var e : properties.entrySet()) {
      property.append(e.getKey()).append('=').append(escape(e.getValue())).append(':');
    }
    property.append("password=").append(password(db.password())); // last: see password()
    return "create-jdbc-connection-pool --restype javax.sql.DataSource"
        + " --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
        // validate connections so a restarted database is reconnected to without restarting RTDS
        + " --isconnectvalidatereq true --validationmethod custom-validation"
        + " --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
        + " --failconnection true --steadypoolsize 2 --maxpoolsize 32"
        + " --property "
        + property
        + " "
        + POOL
        + "\n"
        + "create-jdbc-resource --connectionpoolid "
        + POOL
        + " "
        + RESOURCE
        + "\n";
  }

  /**
   * The pool's {@code password} property value. An empty password is written {@code ""}: asadmin
   * refuses {@code password=} ("Invalid property syntax": its tokenizer finds no value after '='),
   * and without a {@code password} property the pool's default principal has no password, so Payara
   * hands the driver no credential at all ("No password credential found": every connection fails).
   * asadmin's tokenizer drops the quotes, so the value is the empty string, which the pool passes
   * to the driver as an empty password (a development server whose account has none). Only as the
   * last property: Payara Micro 6.2025.10 splits a boot command argument {@code a="":b=c} in two
   * ("jdbc_connection_pool_id may not have more than one value"), but not {@code b=c:a=""} (both
   * checked with ping-connection-pool).
   */
  static String password(String value) {
    return value.isEmpty() ? "\"\"" : escape(value);
  }

  /**
   * asadmin property syntax {@code name=value:name=value}: ':', '=' and the escape character are
   * escaped. Payara Micro splits a boot command line at white space and keeps quotes as they are,
   * and expands {@code ${...}}, so values with white space, quotes or {@code ${} cannot be passed.
   *
   * @throws LauncherException naming the setting whose value cannot be passed
   */
  static String escape(String value) {
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')
        || value.contains("${")) {
      throw new LauncherException(
          "a database setting (user, password or URL parameter) contains white space, a quote or"
              + " '${', which Payara Micro's boot commands cannot carry; choose a value without them");
    }
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }
}

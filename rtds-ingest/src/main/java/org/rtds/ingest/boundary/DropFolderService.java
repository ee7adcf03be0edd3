package org.rtds.ingest.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rtds.ingest.control.ContentAddressedStore.SpooledFile;
import org.rtds.ingest.control.ContentAddressedStore.TooLargeException;
import org.rtds.ingest.control.DropFolder;
import org.rtds.ingest.control.DropFolder.ScanReport;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/**
 * The drop folder of this node ({@code RTDS_DROP_DIR}, default {@code RTDS_DATA_DIR/drop}; {@code
 * off} switches it off), scanned every {@value #INTERVAL_SECONDS} s by a non-persistent timer.
 * Every complete file goes through {@link Ingestion} under the account {@code RTDS_DICOM_ACCOUNT}
 * (default {@code admin}) and is then moved to {@code done/} or {@code failed/} (with a {@code
 * .reason.txt}); the folder logic, including the cluster-safe claiming, is {@link DropFolder}.
 * While the database is unreachable the files stay in the folder and are taken on a later scan.
 */
@Startup
@Singleton
@DependsOn("FileStore")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DropFolderService {

  private static final Logger LOG = System.getLogger(DropFolderService.class.getName());

  /** Seconds between scans. */
  public static final int INTERVAL_SECONDS = 5;

  @Resource TimerService timers;

  @EJB Ingestion ingestion;

  @EJB DatabaseOutages outages;

  @Inject FileStore fileStore;

  @Inject IngestSettings settings;

  private final AtomicBoolean scanning = new AtomicBoolean();
  private volatile DropFolder folder;
  private volatile String problem;
  private volatile String pausedBecause;

  @PostConstruct
  void start() {
    Optional<Path> dir;
    try {
      dir = settings.dropDir();
    } catch (RuntimeException e) {
      problem = "RTDS_DROP_DIR is not usable: " + e.getMessage();
      LOG.log(Level.ERROR, "RTDS drop folder: " + problem);
      return;
    }
    if (dir.isEmpty()) {
      LOG.log(Level.INFO, "RTDS drop folder switched off (RTDS_DROP_DIR)");
      return;
    }
    folder = new DropFolder(dir.get(), nodeName(), Clock.systemUTC());
    problem = folder.prepare().orElse(null);
    if (problem == null) {
      LOG.log(
          Level.INFO,
          "RTDS drop folder at {0}, scanned every {1} s (node {2})",
          folder.root(),
          INTERVAL_SECONDS,
          folder.node());
    } else {
      LOG.log(Level.ERROR, "RTDS drop folder unusable: {0}", problem);
    }
    long interval = Duration.ofSeconds(INTERVAL_SECONDS).toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("rtds-drop-folder", false));
  }

  @PreDestroy
  void stop() {
    DropFolder running = folder;
    if (running != null) {
      running.stop();
    }
  }

  /** The folder, when it is switched on. */
  public Optional<Path> directory() {
    DropFolder running = folder;
    return running == null ? Optional.empty() : Optional.of(running.root());
  }

  /** Why the folder cannot be used although it should be; empty when it works or is off. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Why scanning is paused (database unreachable, no account); empty while it runs. */
  public Optional<String> paused() {
    return Optional.ofNullable(pausedBecause);
  }

  @Timeout
  void onTimer() {
    try {
      scanOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "RTDS drop folder: the scan failed", e);
    }
  }

  /**
   * One scan of the folder (the timer's work; callable directly).
   *
   * @return what was done; empty when the folder is off or unusable, or a scan is already running
   */
  public Optional<ScanReport> scanOnce() {
    if (!scanning.compareAndSet(false, true)) {
      return Optional.empty(); // the previous scan is still busy
    }
    try {
      return scanGuarded();
    } finally {
      scanning.set(false);
    }
  }

  private Optional<ScanReport> scanGuarded() {
    DropFolder running = folder;
    if (running == null) {
      return Optional.empty();
    }
    if (problem != null) {
      problem = running.prepare().orElse(null);
      if (problem != null) {
        return Optional.empty();
      }
      LOG.log(Level.INFO, "RTDS drop folder at {0} is usable again", running.root());
    }
    if (!fileStore.state().usable()) {
      pause("the file store is not usable: " + fileStore.state().problem());
      return Optional.empty();
    }
    Integer[] account = {null};
    ScanReport report;
    try {
      report =
          running.scan(
              (file, relativeName) -> {
                if (account[0] == null) {
                  account[0] = account();
                }
                return ingest(file, relativeName, account[0]);
              });
    } catch (IOException e) {
      problem = "cannot read or write the drop folder " + running.root() + ": " + e;
      LOG.log(Level.ERROR, "RTDS drop folder: " + problem);
      return Optional.empty();
    }
    report(report);
    return Optional.of(report);
  }

  private IngestOutcome ingest(Path file, String relativeName, int account) throws IOException {
    SpooledFile spooled;
    try {
      spooled = ingestion.spool(file, ingestion.settings().maxObjectBytes());
    } catch (TooLargeException e) {
      return IngestOutcome.rejected(
          "TOO_LARGE",
          "larger than the limit of "
              + e.limitBytes() / (1024 * 1024)
              + " MB for one object (RTDS_MAX_OBJECT_MB)");
    }
    try {
      return ingestion.ingest(
          spooled, new IngestOrigin(account, IngestChannel.DROP_FOLDER, relativeName));
    } catch (RuntimeException e) {
      throw classified(e);
    }
  }

  private int account() {
    Optional<Integer> account;
    try {
      account = ingestion.accountForSender(null);
    } catch (RuntimeException e) {
      throw classified(e);
    }
    return account.orElseThrow(
        () ->
            new IngestUnavailableException(
                "no active RTDS account '"
                    + ingestion.settings().defaultDicomAccount()
                    + "' to store drop-folder files under; create it or set RTDS_DICOM_ACCOUNT",
                null));
  }

  /**
   * What the scan sees of a failure: an outage (whatever the EJB container wrapped it in, see
   * {@link DatabaseOutages}) as {@link IngestUnavailableException}, so the folder pauses and keeps
   * the file; an I/O failure unwrapped, so the folder reports it; anything else as it came.
   */
  private RuntimeException classified(RuntimeException e) {
    if (outages.explains(e)) {
      return e instanceof IngestUnavailableException unavailable
          ? unavailable
          : new IngestUnavailableException("the database is not reachable", e);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.io.UncheckedIOException io) {
        return io;
      }
    }
    return e;
  }

  private void report(ScanReport report) {
    if (!report.handled().isEmpty()) {
      LOG.log(
          Level.INFO,
          "RTDS drop folder: {0} file(s): {1} stored, {2} duplicate, {3} rejected (see {4})",
          report.handled().size(),
          report.count(IngestStatus.STORED),
          report.count(IngestStatus.DUPLICATE),
          report.count(IngestStatus.REJECTED),
          folder.root().resolve(DropFolder.FAILED));
    }
    if (report.unavailable().isPresent()) {
      pause(report.unavailable().get());
    } else if (pausedBecause != null) {
      LOG.log(Level.INFO, "RTDS drop folder: scanning again ({0} resolved)", pausedBecause);
      pausedBecause = null;
    }
  }

  /** Logs a pause once, not on every scan. */
  private void pause(String why) {
    if (!why.equals(pausedBecause)) {
      LOG.log(
          Level.WARNING,
          "RTDS drop folder paused: {0}; the files stay in the folder and are taken when it"
              + " is resolved",
          why);
      pausedBecause = why;
    }
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      host = "node";
    }
    return DropFolder.nodeName(host, ProcessHandle.current().pid());
  }
}

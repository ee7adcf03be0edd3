package org.rtds.ingest.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rtds.ingest.control.ContentAddressedStore;
import org.rtds.ingest.control.FileStoreDirectory;
import org.rtds.ingest.entity.FileStoreState;

/**
 * The file store of received DICOM objects under {@code RTDS_DATA_DIR} (default {@code
 * ./rtds-data}). At start-up it prepares the directory tree and checks that it is writable; {@link
 * #recheck()} does so again, for the readiness check. Nothing received may be lost, so a node whose
 * store is not writable reports itself not ready rather than accepting objects.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileStore {

  private static final Logger LOG = System.getLogger(FileStore.class.getName());

  private volatile FileStoreState state;

  @PostConstruct
  void prepare() {
    state = recheck();
    if (state.usable()) {
      purgeInterruptedReceptions();
      LOG.log(
          Level.INFO,
          "RTDS file store at {0} ({1} MiB free)",
          state.root(),
          state.usableBytes() / (1024 * 1024));
    } else {
      LOG.log(Level.ERROR, "RTDS file store unusable: {0}", state.problem());
    }
  }

  /** The state found at start-up or by the last {@link #recheck()}. */
  public FileStoreState state() {
    return state;
  }

  /** Prepares and probes the store again (cheap: two small files written and deleted). */
  public FileStoreState recheck() {
    state = FileStoreDirectory.prepare(dataDir());
    return state;
  }

  /** The content-addressed store of received objects in this data directory, for this node. */
  public ContentAddressedStore store() {
    return new ContentAddressedStore(state.root(), NODE);
  }

  /** This node's name in the shared data directory: its host name. */
  static final String NODE = hostName();

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  /** Removes what a previous run of this node left half-received (a crash): never acknowledged. */
  private void purgeInterruptedReceptions() {
    try {
      java.time.Instant started =
          java.time.Instant.ofEpochMilli(
              java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
      int deleted = store().purgeSpool(started);
      if (deleted > 0) {
        LOG.log(
            Level.INFO,
            "RTDS file store: removed {0} half-received file(s) a previous run left in {1}",
            deleted,
            store().spoolDirectory());
      }
    } catch (java.io.IOException e) {
      LOG.log(Level.WARNING, "RTDS file store: cannot clean " + store().spoolDirectory(), e);
    }
  }

  static Path dataDir() {
    return Path.of(
        ConfigProvider.getConfig()
            .getOptionalValue("RTDS_DATA_DIR", String.class)
            .orElse("rtds-data"));
  }
}

package org.rtds.ingest.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rtds.ingest.entity.FileStoreState;

/**
 * The directory tree under {@code RTDS_DATA_DIR} where received DICOM objects are kept byte for
 * byte ({@code objects/}) and where uploads are staged before they are stored ({@code incoming/}).
 *
 * <p>Several RTDS nodes may share one data directory (a network file system on a cluster), so
 * preparing it is idempotent and safe to run on every node at once.
 */
public final class FileStoreDirectory {

  /** Where stored objects live, below the data directory. */
  public static final String OBJECTS = "objects";

  /** Where received bytes are written before they are moved into {@link #OBJECTS}. */
  public static final String INCOMING = "incoming";

  private static final String PROBE_PREFIX = ".rtds-write-probe-";

  private FileStoreDirectory() {}

  /**
   * Creates the tree if needed and proves it is writable by writing, reading back and deleting a
   * probe file in each directory.
   *
   * @param dataDir {@code RTDS_DATA_DIR}
   * @return the state of the store; never throws for a problem of the directory itself
   */
  public static FileStoreState prepare(Path dataDir) {
    Path root = dataDir.toAbsolutePath().normalize();
    try {
      for (String sub : new String[] {OBJECTS, INCOMING}) {
        Path dir = Files.createDirectories(root.resolve(sub));
        Path probe = Files.createTempFile(dir, PROBE_PREFIX, ".tmp");
        try {
          Files.writeString(probe, "rtds");
          if (!"rtds".equals(Files.readString(probe))) {
            return FileStoreState.unusable(root, dir + " does not read back what was written");
          }
        } finally {
          Files.deleteIfExists(probe);
        }
      }
      return FileStoreState.usable(root, Files.getFileStore(root).getUsableSpace());
    } catch (IOException | SecurityException e) {
      return FileStoreState.unusable(
          root,
          "cannot create or write "
              + root
              + " ("
              + e
              + "); create it and make it writable by the user the server runs as, or set"
              + " RTDS_DATA_DIR");
    }
  }
}

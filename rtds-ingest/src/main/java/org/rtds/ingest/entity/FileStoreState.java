package org.rtds.ingest.entity;

import java.nio.file.Path;

/**
 * Whether the file store can take received objects.
 *
 * @param root absolute {@code RTDS_DATA_DIR}
 * @param usable true when its directories exist and are writable
 * @param usableBytes free space for this process, in bytes (0 when not usable)
 * @param problem what is wrong, for an operator; null when usable
 */
public record FileStoreState(Path root, boolean usable, long usableBytes, String problem) {

  /**
   * A store that can take objects.
   *
   * @param root absolute {@code RTDS_DATA_DIR}
   * @param usableBytes free space for this process, in bytes
   */
  public static FileStoreState usable(Path root, long usableBytes) {
    return new FileStoreState(root, true, usableBytes, null);
  }

  /**
   * A store that cannot take objects.
   *
   * @param root absolute {@code RTDS_DATA_DIR}
   * @param problem what is wrong, for an operator
   */
  public static FileStoreState unusable(Path root, String problem) {
    return new FileStoreState(root, false, 0, problem);
  }
}

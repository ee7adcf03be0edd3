package org.rtds.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Writes received bytes into the file store under {@code RTDS_DATA_DIR}, content-addressed: first
 * into {@code incoming/} (while the SHA-256 is computed), then moved atomically to {@code
 * objects/ab/cd/<sha256>.dcm}. The same bytes always land at the same path, so keeping a file
 * twice, from two nodes at once, or again after a crash, is harmless; a file in {@code objects/} is
 * complete by construction (a rename, never a partial write).
 *
 * <p>Plain Java, thread-safe.
 */
public final class ContentAddressedStore {

  private static final String SUFFIX = ".dcm";

  private final Path root;
  private final Path spoolDir;

  /**
   * A store whose spool area is {@code incoming/} itself (tests, tools).
   *
   * @param dataDir {@code RTDS_DATA_DIR}; {@link FileStoreDirectory#prepare} creates its tree
   */
  public ContentAddressedStore(Path dataDir) {
    this(dataDir, null);
  }

  /**
   * A store for one node of several sharing {@code RTDS_DATA_DIR}: the node spools into {@code
   * incoming/<node>/}, so that after a crash it can remove what it left there ({@link #purgeSpool})
   * without touching another node's receptions.
   *
   * @param node a name unique among the nodes (the host name); null for {@code incoming/} itself
   */
  public ContentAddressedStore(Path dataDir, String node) {
    this.root = dataDir.toAbsolutePath().normalize();
    Path incoming = root.resolve(FileStoreDirectory.INCOMING);
    this.spoolDir =
        node == null ? incoming : incoming.resolve(node.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** This node's spool area below {@code incoming/}. */
  public Path spoolDirectory() {
    return spoolDir;
  }

  /**
   * Deletes what this node left in its spool area before {@code since} (bytes of receptions that a
   * crash interrupted: never acknowledged, so the sender sends them again).
   *
   * @return how many files were deleted
   */
  public int purgeSpool(java.time.Instant since) throws IOException {
    if (!Files.isDirectory(spoolDir)) {
      return 0;
    }
    int[] deleted = {0};
    try (java.util.stream.Stream<Path> files = Files.walk(spoolDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(since)
            && Files.deleteIfExists(file)) {
          deleted[0]++;
        }
      }
    }
    return deleted[0];
  }

  /** {@code RTDS_DATA_DIR}, absolute. */
  public Path root() {
    return root;
  }

  /**
   * Copies a stream into {@code incoming/}, computing its SHA-256, up to a size limit.
   *
   * @param in the bytes; read to the end, not closed
   * @param maxBytes the largest accepted size
   * @return the spooled file, owned by the caller ({@link #keep} or {@link #discard} it)
   * @throws TooLargeException if the stream holds more than {@code maxBytes} (nothing is kept)
   * @throws IOException if the store cannot be written
   */
  public SpooledFile spool(InputStream in, long maxBytes) throws IOException {
    Path dir = Files.createDirectories(spoolDir);
    Path file = Files.createTempFile(dir, "rx-", ".part");
    MessageDigest digest = sha256();
    long size = 0;
    boolean ok = false;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        size += n;
        if (size > maxBytes) {
          throw new TooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    return new SpooledFile(file, HexFormat.of().formatHex(digest.digest()), size);
  }

  /**
   * Spools a file that is already on disk (drop folder, DICOM listener), leaving the original where
   * it is.
   */
  public SpooledFile spool(Path source, long maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(source)) {
      return spool(in, maxBytes);
    }
  }

  /**
   * Takes over a file that a receiver already wrote below {@code incoming/} (the DICOM listener
   * spools there itself), computing its SHA-256 without copying it.
   *
   * @throws IllegalArgumentException if the file is not below {@code incoming/}
   */
  public SpooledFile adopt(Path file) throws IOException {
    Path incoming = root.resolve(FileStoreDirectory.INCOMING);
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(incoming)) {
      throw new IllegalArgumentException(file + " is not below " + incoming);
    }
    MessageDigest digest = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(absolute)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    return new SpooledFile(absolute, HexFormat.of().formatHex(digest.digest()), size);
  }

  /**
   * Moves a spooled file to its content address. If the address already holds the same bytes the
   * spooled copy is deleted.
   *
   * @return where it is now, relative to {@code RTDS_DATA_DIR}
   */
  public StoredFile keep(SpooledFile spooled) throws IOException {
    String relative = relativePath(spooled.sha256());
    Path target = root.resolve(relative);
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      Files.deleteIfExists(spooled.path());
    } else {
      try {
        Files.move(spooled.path(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(spooled.path());
      } catch (AtomicMoveNotSupportedException e) {
        Path partial = Files.createTempFile(target.getParent(), ".rx-", ".part");
        Files.copy(spooled.path(), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(spooled.path());
      }
    }
    return new StoredFile(relative, target, spooled.sha256(), spooled.sizeBytes());
  }

  /**
   * Deletes a kept file that nothing references (a duplicate in another encoding). Best effort: a
   * file left behind is harmless (content-addressed, found again by the same bytes).
   */
  public void delete(StoredFile file) {
    try {
      Files.deleteIfExists(file.path());
    } catch (IOException e) {
      // left for a later clean-up
    }
  }

  /** Deletes a spooled file that is not to be kept. */
  public void discard(SpooledFile spooled) throws IOException {
    Files.deleteIfExists(spooled.path());
  }

  /** The file at a path relative to {@code RTDS_DATA_DIR}, as stored in {@code rtds_object}. */
  public Path resolve(String relativePath) {
    Path path = root.resolve(relativePath).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException(relativePath + " is outside the file store");
    }
    return path;
  }

  /** {@code objects/ab/cd/<sha256>.dcm}. */
  static String relativePath(String sha256) {
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return FileStoreDirectory.OBJECTS
        + "/"
        + sha256.substring(0, 2)
        + "/"
        + sha256.substring(2, 4)
        + "/"
        + sha256
        + SUFFIX;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Bytes received into {@code incoming/}, not yet kept. */
  public record SpooledFile(Path path, String sha256, long sizeBytes) {}

  /**
   * Bytes kept in the store.
   *
   * @param relativePath relative to {@code RTDS_DATA_DIR}, {@code /}-separated
   * @param path absolute path
   */
  public record StoredFile(String relativePath, Path path, String sha256, long sizeBytes) {}

  /** The input is larger than the configured limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limitBytes;

    public TooLargeException(long limitBytes) {
      super("larger than the limit of " + limitBytes + " bytes");
      this.limitBytes = limitBytes;
    }

    public long limitBytes() {
      return limitBytes;
    }
  }
}

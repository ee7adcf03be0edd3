package org.rtds.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rtds.domain.db.DatabaseUnavailableException;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/**
 * A drop folder ({@code RTDS_DROP_DIR}): files put into it (in sub-folders too) are ingested and
 * moved to {@code done/} (stored or duplicate) or {@code failed/} (rejected, with a sibling {@code
 * <name>.reason.txt}). Plain Java; the server's timer calls {@link #scan} every few seconds.
 *
 * <p>Several nodes may scan one folder on a shared (network) file system. Each file is claimed by
 * an atomic rename into {@code .processing/<node>/} before it is read, so exactly one node takes
 * it. A node refreshes the modification time of its {@code .processing/<node>} directory on every
 * scan (a heartbeat); the files of a node whose directory has not been refreshed for the lease
 * (default 10 minutes: it crashed or was killed) are claimed again by another node. Ingestion is
 * idempotent, so a file processed twice is harmless (the second time it is a duplicate).
 *
 * <p>What is taken: regular files whose modification time is at least the settle time (default 2 s)
 * old, so files still being copied are left for a later scan; not hidden or temporary names ({@code
 * .*}, {@code *.part}, {@code *.tmp}, {@code *.partial}, {@code *.crdownload}), nor anything in
 * hidden folders or in the folder's own {@code done/}, {@code failed/} and {@code .processing/}.
 * Zip archives (recognised by their first bytes) are not unpacked: they go to {@code failed/} with
 * reason code {@code ZIP_NOT_SUPPORTED}.
 *
 * <p>When ingestion is unavailable (the database is down) the file goes back where it was and the
 * scan stops; the next scan tries again. Names in {@code done/} and {@code failed/} are never
 * overwritten: a second {@code CT.1.dcm} becomes {@code CT.1-1.dcm}.
 *
 * <p>Not thread-safe: one scan at a time per instance (the server guards it).
 */
public final class DropFolder {

  private static final Logger LOG = System.getLogger(DropFolder.class.getName());

  /** Claimed files, one sub-folder per node. */
  public static final String PROCESSING = ".processing";

  /** Stored and duplicate files end here, under their relative path. */
  public static final String DONE = "done";

  /** Rejected files end here, each with a {@link #REASON_SUFFIX} file beside it. */
  public static final String FAILED = "failed";

  /** Suffix of the file explaining a rejection. */
  public static final String REASON_SUFFIX = ".reason.txt";

  /** Files younger than this are possibly still being written. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);

  /** A node whose heartbeat is older than this has died; its claimed files are taken over. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

  /** Reason code of a zip archive, which is not unpacked. */
  public static final String ZIP_NOT_SUPPORTED = "ZIP_NOT_SUPPORTED";

  /** Reason code of a file that could not be read. */
  public static final String UNREADABLE = "UNREADABLE";

  /** Reason code of an unexpected failure while ingesting. */
  public static final String PROCESSING_FAILURE = "PROCESSING_FAILURE";

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final List<String> TEMPORARY_SUFFIXES =
      List.of(".part", ".tmp", ".partial", ".crdownload", ".filepart");

  /** Ingests one file that is in the drop folder's claim area. */
  @FunctionalInterface
  public interface Ingester {
    /**
     * Ingests a file (it is still there afterwards; the drop folder moves it).
     *
     * @param file the claimed file
     * @param relativeName its path relative to the drop folder, {@code /}-separated
     * @return the outcome
     * @throws DatabaseUnavailableException when it cannot be ingested now (the database is down;
     *     the boundary's {@code IngestUnavailableException}): the file is returned to the drop
     *     folder and the scan stops
     * @throws UncheckedIOException when the file store cannot be written: handled like {@link
     *     DatabaseUnavailableException}
     * @throws IOException when the file cannot be read: it is moved to {@code failed/}
     */
    IngestOutcome ingest(Path file, String relativeName) throws IOException;
  }

  private final Path root;
  private final String node;
  private final Clock clock;
  private final Duration settle;
  private final Duration lease;
  private volatile boolean stopped;

  /**
   * @param root the drop folder (created by {@link #prepare})
   * @param node this node's unique name ({@code [A-Za-z0-9._-]}, e.g. host and process id)
   * @param clock time source for the settle and lease checks
   */
  public DropFolder(Path root, String node, Clock clock) {
    this(root, node, clock, DEFAULT_SETTLE, DEFAULT_LEASE);
  }

  public DropFolder(Path root, String node, Clock clock, Duration settle, Duration lease) {
    this.root = root.toAbsolutePath().normalize();
    if (!NODE_NAME.matcher(Objects.requireNonNull(node, "node")).matches()) {
      throw new IllegalArgumentException("not a node name: " + node);
    }
    this.node = node;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settle = Objects.requireNonNull(settle, "settle");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /** A node name for this process: host name and process id, reduced to safe characters. */
  public static String nodeName(String hostName, long pid) {
    String host = hostName == null ? "" : hostName.replaceAll("[^A-Za-z0-9.-]", "_");
    if (host.isEmpty()) {
      host = "node";
    }
    if (host.length() > 60) {
      host = host.substring(0, 60);
    }
    return host + "-" + pid;
  }

  /** The drop folder, absolute. */
  public Path root() {
    return root;
  }

  /** This node's name. */
  public String node() {
    return node;
  }

  /**
   * Creates the folder and its {@code done/}, {@code failed/} and {@code .processing/<node>/}
   * areas, and checks that a file can be renamed atomically inside it.
   *
   * @return what is wrong, for an operator; empty when the folder is usable
   */
  public Optional<String> prepare() {
    try {
      Files.createDirectories(root);
      Files.createDirectories(root.resolve(DONE));
      Files.createDirectories(root.resolve(FAILED));
      Path mine = Files.createDirectories(ownClaims());
      Path probe = Files.createTempFile(root, ".rtds-drop-probe-", ".tmp");
      try {
        Files.move(probe, mine.resolve(probe.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(probe);
        Files.deleteIfExists(mine.resolve(probe.getFileName()));
      }
      return Optional.empty();
    } catch (AtomicMoveNotSupportedException e) {
      return Optional.of(
          "the drop folder "
              + root
              + " does not support atomic renames, which the cluster-safe claiming needs; use a"
              + " local or NFS/SMB folder, or set RTDS_DROP_DIR=off");
    } catch (IOException | SecurityException e) {
      return Optional.of(
          "cannot create or write the drop folder "
              + root
              + " ("
              + e
              + "); create it and make it writable by the user the server runs as, or set"
              + " RTDS_DROP_DIR (off switches it off)");
    }
  }

  /** Ends a running scan after the current file, and makes later scans return at once. */
  public void stop() {
    stopped = true;
  }

  /**
   * Takes every complete file in the folder, ingests it and moves it to {@code done/} or {@code
   * failed/}: first what this node claimed before (a previous scan that did not finish), then the
   * claims of dead nodes, then new files.
   *
   * @return what was done
   * @throws IOException when the folder itself cannot be read or written
   */
  public ScanReport scan(Ingester ingester) throws IOException {
    Objects.requireNonNull(ingester, "ingester");
    List<Handled> handled = new ArrayList<>();
    Path mine = Files.createDirectories(ownClaims());
    Files.createDirectories(root.resolve(DONE));
    Files.createDirectories(root.resolve(FAILED));
    heartbeat();
    List<Candidate> candidates = new ArrayList<>();
    for (Path file : regularFiles(mine, false)) {
      candidates.add(new Candidate(file, relative(mine, file), true));
    }
    candidates.addAll(staleClaims());
    candidates.addAll(newFiles());
    int reclaimed = 0;
    try {
      for (Candidate candidate : candidates) {
        if (stopped) {
          break;
        }
        Path claimed = candidate.alreadyMine() ? candidate.file() : claim(candidate);
        if (claimed == null) {
          continue;
        }
        if (!candidate.alreadyMine() && candidate.file().startsWith(root.resolve(PROCESSING))) {
          reclaimed++;
        }
        Optional<String> unavailable =
            process(claimed, candidate.relativeName(), ingester, handled);
        heartbeat();
        if (unavailable.isPresent()) {
          return new ScanReport(handled, reclaimed, unavailable);
        }
      }
    } finally {
      removeEmptyDirectories(mine, Duration.ZERO, false);
    }
    removeEmptyDirectories(root, lease, false);
    return new ScanReport(handled, reclaimed, Optional.empty());
  }

  private Optional<String> process(
      Path claimed, String relativeName, Ingester ingester, List<Handled> handled)
      throws IOException {
    IngestOutcome outcome;
    try {
      if (isZip(claimed)) {
        outcome =
            IngestOutcome.rejected(
                ZIP_NOT_SUPPORTED,
                "zip archives are not unpacked from the drop folder; unpack it into the drop"
                    + " folder, or upload it with POST /rtds/api/v1/instances");
      } else {
        outcome = ingester.ingest(claimed, relativeName);
      }
    } catch (DatabaseUnavailableException e) {
      giveBack(claimed, relativeName);
      return Optional.of(e.getMessage());
    } catch (UncheckedIOException e) {
      giveBack(claimed, relativeName);
      return Optional.of(e.getMessage());
    } catch (IOException e) {
      outcome = IngestOutcome.rejected(UNREADABLE, "the file cannot be read: " + e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Ingesting " + relativeName + " from the drop folder failed", e);
      outcome = IngestOutcome.rejected(PROCESSING_FAILURE, "RTDS failed: " + e);
    }
    if (outcome.status() == IngestStatus.REJECTED) {
      Path target = moveUnique(claimed, root.resolve(FAILED).resolve(relativeName), true);
      writeReason(target, relativeName, outcome);
      handled.add(new Handled(relativeName, outcome, target));
    } else {
      Path target = moveUnique(claimed, root.resolve(DONE).resolve(relativeName), false);
      handled.add(new Handled(relativeName, outcome, target));
    }
    return Optional.empty();
  }

  /** Moves a claimed file back to where it was found (a new file of that name: beside it). */
  private void giveBack(Path claimed, String relativeName) throws IOException {
    moveUnique(claimed, root.resolve(relativeName), false);
  }

  /** Claims a file by renaming it into this node's area; null if another node was faster. */
  private Path claim(Candidate candidate) throws IOException {
    Path target = ownClaims().resolve(candidate.relativeName());
    if (Files.exists(target)) {
      return null; // a leftover of the same name is handled first; this one waits
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(candidate.file(), target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private List<Candidate> staleClaims() throws IOException {
    List<Candidate> stale = new ArrayList<>();
    Path processing = root.resolve(PROCESSING);
    try (DirectoryStream<Path> nodes = Files.newDirectoryStream(processing, Files::isDirectory)) {
      for (Path other : nodes) {
        if (other.getFileName().toString().equals(node) || !older(other, lease)) {
          continue;
        }
        List<Path> files = regularFiles(other, false);
        if (files.isEmpty()) {
          removeEmptyDirectories(other, Duration.ZERO, true);
          continue;
        }
        LOG.log(
            Level.INFO,
            "Drop folder: node {0} stopped renewing its claims; taking over {1} file(s)",
            other.getFileName(),
            files.size());
        for (Path file : files) {
          stale.add(new Candidate(file, relative(other, file), false));
        }
      }
    } catch (NoSuchFileException e) {
      // nothing claimed yet
    }
    return stale;
  }

  private List<Candidate> newFiles() throws IOException {
    List<Candidate> found = new ArrayList<>();
    for (Path file : regularFiles(root, true)) {
      if (!hiddenOrTemporary(file.getFileName().toString()) && older(file, settle)) {
        found.add(new Candidate(file, relative(root, file), false));
      }
    }
    return found;
  }

  /** Regular files below a folder, sorted; at the drop folder's top, not its own areas. */
  private List<Path> regularFiles(Path dir, boolean skipOwnAreas) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (d.equals(dir)) {
              return FileVisitResult.CONTINUE;
            }
            String name = d.getFileName().toString();
            if (skipOwnAreas
                && (name.startsWith(".")
                    || (d.getParent().equals(root)
                        && (name.equals(DONE) || name.equals(FAILED))))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              files.add(f);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            // vanished (another node claimed it) or unreadable: not ours to take now
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /** Deletes empty sub-directories (not {@code dir} itself unless asked) older than a minimum. */
  private void removeEmptyDirectories(Path dir, Duration minimumAge, boolean includingDir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName().toString();
              if (d.equals(dir)) {
                return FileVisitResult.CONTINUE;
              }
              if (dir.equals(root)
                  && d.getParent().equals(root)
                  && (name.equals(DONE) || name.equals(FAILED) || name.equals(PROCESSING))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return name.startsWith(".") && dir.equals(root)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              if ((includingDir || !d.equals(dir))
                  && (minimumAge.isZero() || older(d, minimumAge))) {
                try {
                  Files.delete(d);
                } catch (DirectoryNotEmptyException | NoSuchFileException ignored) {
                  // still in use, or gone already
                } catch (IOException ignored) {
                  // best effort
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Cannot tidy " + dir, e);
    }
  }

  /**
   * Moves a file to a target path, or to {@code name-1.ext}, {@code name-2.ext} … when that is
   * taken (for a rejected file, also when its reason file's name is taken). Never overwrites.
   */
  private Path moveUnique(Path source, Path target, boolean withReason) throws IOException {
    Files.createDirectories(target.getParent());
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 0; n < 10_000; n++) {
      Path candidate = n == 0 ? target : target.resolveSibling(base + "-" + n + extension);
      if (Files.exists(candidate) || (withReason && Files.exists(reasonFileOf(candidate)))) {
        continue;
      }
      try {
        Files.move(source, candidate); // no REPLACE_EXISTING: fails if it appeared meanwhile
        return candidate;
      } catch (FileAlreadyExistsException e) {
        // taken meanwhile: next name
      }
    }
    throw new IOException("no free name for " + target);
  }

  private void writeReason(Path failedFile, String relativeName, IngestOutcome outcome) {
    StringBuilder text = new StringBuilder();
    text.append("file: ").append(relativeName).append('\n');
    text.append("status: ").append(outcome.status()).append('\n');
    text.append("reasonCode: ")
        .append(outcome.reasonCode() == null ? "" : outcome.reasonCode())
        .append('\n');
    text.append("reason: ").append(oneLine(outcome.reason())).append('\n');
    if (outcome.sopInstanceUid() != null) {
      text.append("sopInstanceUid: ").append(outcome.sopInstanceUid()).append('\n');
    }
    if (outcome.sopClassUid() != null) {
      text.append("sopClassUid: ").append(outcome.sopClassUid()).append('\n');
    }
    text.append("time: ").append(clock.instant()).append('\n');
    text.append("node: ").append(node).append('\n');
    try {
      Files.writeString(
          reasonFileOf(failedFile),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot write the reason file beside " + failedFile, e);
    }
  }

  /** {@code <name>.reason.txt} beside a rejected file. */
  public static Path reasonFileOf(Path failedFile) {
    return failedFile.resolveSibling(failedFile.getFileName() + REASON_SUFFIX);
  }

  private void heartbeat() {
    try {
      Files.setLastModifiedTime(ownClaims(), FileTime.from(clock.instant()));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Cannot renew the drop-folder claim directory", e);
    }
  }

  private Path ownClaims() {
    return root.resolve(PROCESSING).resolve(node);
  }

  private boolean older(Path path, Duration age) {
    try {
      Instant modified = Files.getLastModifiedTime(path).toInstant();
      return !modified.isAfter(clock.instant().minus(age));
    } catch (IOException e) {
      return false;
    }
  }

  /** Hidden ({@code .x}) or a copy in progress ({@code x.part}, {@code x.tmp} …). */
  public static boolean hiddenOrTemporary(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.startsWith(".")
        || lower.startsWith("~")
        || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
    }
  }

  private static String relative(Path base, Path file) {
    StringBuilder name = new StringBuilder();
    for (Path part : base.relativize(file)) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
  }

  private record Candidate(Path file, String relativeName, boolean alreadyMine) {}

  /**
   * One file taken from the folder.
   *
   * @param relativeName its path relative to the drop folder
   * @param outcome what became of it
   * @param movedTo where it is now (below {@code done/} or {@code failed/})
   */
  public record Handled(String relativeName, IngestOutcome outcome, Path movedTo) {}

  /**
   * The result of one scan.
   *
   * @param handled the files taken, in order
   * @param reclaimed how many of them a dead node had claimed
   * @param unavailable why the scan stopped early (ingestion unavailable); the file it was at is
   *     back in the folder
   */
  public record ScanReport(List<Handled> handled, int reclaimed, Optional<String> unavailable) {

    public ScanReport {
      handled = List.copyOf(handled);
    }

    /** Files with this status. */
    public long count(IngestStatus status) {
      return handled.stream().filter(h -> h.outcome().status() == status).count();
    }

    /** The handled files' names with this status. */
    public Stream<String> names(IngestStatus status) {
      return handled.stream()
          .filter(h -> h.outcome().status() == status)
          .map(Handled::relativeName);
    }
  }
}

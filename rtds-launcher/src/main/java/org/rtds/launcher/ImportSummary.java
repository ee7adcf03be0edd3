package org.rtds.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What {@code ./rtds import} did, per object; thread-safe. */
final class ImportSummary {

  /** What became of one object (or of a file that could not be imported). */
  enum Status {
    STORED,
    DUPLICATE,
    REJECTED,
    /** The server could not take the file (an HTTP error other than a rejection). */
    FAILED
  }

  /**
   * One object's result.
   *
   * @param file the file, relative to the imported folder
   * @param sopInstanceUid when the server could read it; else null
   * @param reasonCode for a rejection, when given
   * @param reason for a rejection or failure, in words
   */
  record Result(
      String file, String sopInstanceUid, Status status, String reasonCode, String reason) {}

  private final List<Result> results = new ArrayList<>();
  private long bytesSent;
  private int filesDone;

  synchronized void add(List<Result> fileResults, long fileBytes) {
    results.addAll(fileResults);
    bytesSent += fileBytes;
    filesDone++;
  }

  synchronized int filesDone() {
    return filesDone;
  }

  synchronized long bytesSent() {
    return bytesSent;
  }

  synchronized long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  synchronized List<Result> problems() {
    return results.stream()
        .filter(r -> r.status() == Status.REJECTED || r.status() == Status.FAILED)
        .sorted(Comparator.comparing(Result::file))
        .toList();
  }

  /** 0 when nothing was rejected or failed, 1 otherwise. */
  synchronized int exitCode() {
    return problems().isEmpty() ? 0 : 1;
  }

  /**
   * Prints the summary.
   *
   * @param totalFiles files found
   * @param skipped files skipped (hidden, DICOMDIR)
   * @param seconds wall time
   */
  synchronized void print(PrintStream out, Path dir, int totalFiles, int skipped, double seconds) {
    out.printf(
        Locale.ROOT,
        "rtds: imported %d of %d files (%s) from %s in %.1f s (%.1f files/s, %s)%n",
        filesDone,
        totalFiles,
        ImportProgress.size(bytesSent),
        dir,
        seconds,
        seconds > 0 ? filesDone / seconds : 0.0,
        ImportProgress.rate(seconds > 0 ? bytesSent / seconds : 0));
    out.printf(Locale.ROOT, "  stored     %6d%n", count(Status.STORED));
    out.printf(Locale.ROOT, "  duplicate  %6d  (already in RTDS)%n", count(Status.DUPLICATE));
    out.printf(Locale.ROOT, "  rejected   %6d%n", count(Status.REJECTED));
    long failed = count(Status.FAILED);
    if (failed > 0) {
      out.printf(
          Locale.ROOT, "  failed     %6d  (not imported: server error; import again)%n", failed);
    }
    if (skipped > 0) {
      out.printf(Locale.ROOT, "  skipped    %6d  (hidden files, DICOMDIR)%n", skipped);
    }
    List<Result> problems = problems();
    if (!problems.isEmpty()) {
      out.println("Rejected or failed files:");
      for (Result r : problems) {
        StringBuilder line = new StringBuilder("  ").append(r.file()).append(": ");
        if (r.status() == Status.FAILED) {
          line.append("FAILED ");
        }
        if (r.reasonCode() != null && !r.reasonCode().isBlank()) {
          line.append(r.reasonCode()).append(" - ");
        }
        line.append(r.reason() == null ? "(no reason given)" : r.reason());
        if (r.sopInstanceUid() != null) {
          line.append(" [").append(r.sopInstanceUid()).append(']');
        }
        out.println(line);
      }
    }
  }
}

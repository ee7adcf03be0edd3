package org.rtds.launcher;

import java.util.Locale;

/** The progress line of {@code ./rtds import}: a bar on a terminal, plain lines otherwise. */
final class ImportProgress {

  static final int BAR_WIDTH = 30;

  private ImportProgress() {}

  /** {@code [#####-----] 120/253 files 12.3 MB/s}. */
  static String bar(int done, int total, double bytesPerSecond) {
    int filled = total <= 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
    filled = Math.max(0, Math.min(BAR_WIDTH, filled));
    return "["
        + "#".repeat(filled)
        + "-".repeat(BAR_WIDTH - filled)
        + "] "
        + done
        + "/"
        + total
        + " files  "
        + rate(bytesPerSecond);
  }

  /** {@code rtds: 120/253 files (47%), 12.3 MB/s} for logs and pipes. */
  static String line(int done, int total, double bytesPerSecond) {
    int percent = total <= 0 ? 100 : (int) (100L * done / total);
    return "rtds: " + done + "/" + total + " files (" + percent + "%), " + rate(bytesPerSecond);
  }

  /** Megabytes (10^6 bytes) per second, one decimal. */
  static String rate(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f MB/s", Math.max(0, bytesPerSecond) / 1e6);
  }

  /** Bytes as {@code 612.4 MB} (or kB for small amounts). */
  static String size(long bytes) {
    return bytes >= 1_000_000
        ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
  }
}

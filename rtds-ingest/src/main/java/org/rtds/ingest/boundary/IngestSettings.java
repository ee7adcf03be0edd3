package org.rtds.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ingestion's configuration (environment variables or MicroProfile Config properties), read when
 * asked so a changed setting applies without a restart where the runtime allows it.
 *
 * <ul>
 *   <li>{@code RTDS_MAX_OBJECT_MB} (default 1024): the largest single DICOM object accepted; a CT
 *       slice is ~0.5 MB, a large RT Dose ~100 MB.
 *   <li>{@code RTDS_MAX_REQUEST_MB} (default 4096): the largest HTTP upload (multipart, zip or
 *       STOW-RS body) accepted; beyond it the answer is 413.
 *   <li>{@code RTDS_DICOM_ACCOUNT} (default {@code admin}): the account that DICOM associations and
 *       the drop folder store under when no account is named like the calling AE title.
 *   <li>{@code RTDS_DROP_DIR} (default {@code RTDS_DATA_DIR/drop}): the drop folder scanned for
 *       files to ingest; {@code off} (or {@code none}, {@code false}, a negative number) switches
 *       it off.
 * </ul>
 */
@ApplicationScoped
public class IngestSettings {

  private static final long MB = 1024L * 1024L;

  /** Largest object, bytes. */
  public long maxObjectBytes() {
    return megabytes("RTDS_MAX_OBJECT_MB", 1024) * MB;
  }

  /** Largest HTTP request body, bytes. */
  public long maxRequestBytes() {
    return megabytes("RTDS_MAX_REQUEST_MB", 4096) * MB;
  }

  /** Account name for DICOM and drop-folder objects whose sender names no account. */
  public String defaultDicomAccount() {
    return ConfigProvider.getConfig()
        .getOptionalValue("RTDS_DICOM_ACCOUNT", String.class)
        .orElse("admin");
  }

  /** The drop folder, or empty when it is switched off ({@code RTDS_DROP_DIR=off}). */
  public Optional<Path> dropDir() {
    return dropDir(
        ConfigProvider.getConfig().getOptionalValue("RTDS_DROP_DIR", String.class).orElse(null),
        FileStore.dataDir());
  }

  /**
   * {@code RTDS_DROP_DIR}'s meaning: unset or blank is {@code DATA_DIR/drop}; {@code off}, {@code
   * none}, {@code false}, {@code no}, {@code disabled} or a negative number switch the folder off;
   * anything else is the folder's path.
   */
  static Optional<Path> dropDir(String value, Path dataDir) {
    if (value == null || value.isBlank()) {
      return Optional.of(dataDir.resolve("drop"));
    }
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("off")
        || lower.equals("none")
        || lower.equals("false")
        || lower.equals("no")
        || lower.equals("disabled")
        || lower.matches("-\\d+")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(v));
  }

  private static long megabytes(String name, long fallback) {
    long value = ConfigProvider.getConfig().getOptionalValue(name, Long.class).orElse(fallback);
    if (value <= 0) {
      throw new IllegalStateException(name + " must be a positive number of MB, not " + value);
    }
    return value;
  }
}

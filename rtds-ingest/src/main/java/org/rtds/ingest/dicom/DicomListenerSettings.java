package org.rtds.ingest.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of a {@link DicomStoreListener}.
 *
 * @param port TCP port to listen on, 0 to 65535; 0 binds an ephemeral port (for tests: read it back
 *     with {@link DicomStoreListener#port()})
 * @param aeTitle the listener's own (called) AE title, 1 to 16 characters of printable ASCII
 *     without backslash; leading and trailing spaces are not significant. Associations that call
 *     another AE title are rejected (A-ASSOCIATE-RJ: permanent, service user, called AE title not
 *     recognized)
 * @param spoolDirectory folder where received objects are written, one file per object, before the
 *     handler sees them; created if missing. It should sit on the file system the handler moves the
 *     files to, so that a move is a rename
 * @param sopClasses the storage SOP classes accepted; presentation contexts for any other abstract
 *     syntax (except Verification, always accepted for C-ECHO) are rejected during association
 *     negotiation with "abstract syntax not supported"
 * @param maxObjectBytes largest data set accepted, in bytes as received (after any compression,
 *     without the file meta information); a larger object is not kept (what was written is deleted
 *     as soon as the limit is passed, the rest is read and discarded) and is answered with status
 *     0xA700 (out of resources) and an error comment
 * @param maxAssociations how many associations may be open at once; one more is rejected
 *     (A-ASSOCIATE-RJ: transient, service provider, local limit exceeded). Each open association
 *     uses one thread
 * @param idleTimeout how long an association may stay silent (no PDU from the peer) before the
 *     listener drops it; also bounds how long a stalled transfer holds its thread
 * @param closeTimeout how long {@link DicomStoreListener#close()} waits for objects being received
 *     or handled to be answered before it drops their associations
 */
public record DicomListenerSettings(
    int port,
    String aeTitle,
    Path spoolDirectory,
    Set<SopClass> sopClasses,
    long maxObjectBytes,
    int maxAssociations,
    Duration idleTimeout,
    Duration closeTimeout) {

  /** Default {@link #maxObjectBytes()}: 1 GiB, far above any CT slice, plan or dose grid. */
  public static final long DEFAULT_MAX_OBJECT_BYTES = 1L << 30;

  /** Default {@link #maxAssociations()}. */
  public static final int DEFAULT_MAX_ASSOCIATIONS = 32;

  /** Default {@link #idleTimeout()}: 60 s. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Default {@link #closeTimeout()}: 10 s. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /** Checks the values and copies the set. */
  public DicomListenerSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    aeTitle = checkAeTitle(aeTitle);
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    Objects.requireNonNull(sopClasses, "sopClasses");
    if (sopClasses.isEmpty()) {
      throw new IllegalArgumentException("sopClasses must not be empty");
    }
    sopClasses = Set.copyOf(sopClasses);
    if (maxObjectBytes <= 0) {
      throw new IllegalArgumentException("maxObjectBytes must be positive, not " + maxObjectBytes);
    }
    if (maxAssociations <= 0) {
      throw new IllegalArgumentException(
          "maxAssociations must be positive, not " + maxAssociations);
    }
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(closeTimeout, "closeTimeout");
    if (idleTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("idleTimeout is too long: " + idleTimeout);
    }
  }

  /**
   * Settings with the defaults: every {@link SopClass}, {@link #DEFAULT_MAX_OBJECT_BYTES}, {@link
   * #DEFAULT_MAX_ASSOCIATIONS}, {@link #DEFAULT_IDLE_TIMEOUT}, {@link #DEFAULT_CLOSE_TIMEOUT}.
   */
  public static DicomListenerSettings of(int port, String aeTitle, Path spoolDirectory) {
    return new DicomListenerSettings(
        port,
        aeTitle,
        spoolDirectory,
        EnumSet.allOf(SopClass.class),
        DEFAULT_MAX_OBJECT_BYTES,
        DEFAULT_MAX_ASSOCIATIONS,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_CLOSE_TIMEOUT);
  }

  /** Returns a copy accepting only these SOP classes. */
  public DicomListenerSettings withSopClasses(Set<SopClass> accepted) {
    return new DicomListenerSettings(
        port,
        aeTitle,
        spoolDirectory,
        accepted,
        maxObjectBytes,
        maxAssociations,
        idleTimeout,
        closeTimeout);
  }

  /** Returns a copy with another object size limit, in bytes. */
  public DicomListenerSettings withMaxObjectBytes(long bytes) {
    return new DicomListenerSettings(
        port,
        aeTitle,
        spoolDirectory,
        sopClasses,
        bytes,
        maxAssociations,
        idleTimeout,
        closeTimeout);
  }

  /** Returns a copy with another limit of concurrent associations. */
  public DicomListenerSettings withMaxAssociations(int associations) {
    return new DicomListenerSettings(
        port,
        aeTitle,
        spoolDirectory,
        sopClasses,
        maxObjectBytes,
        associations,
        idleTimeout,
        closeTimeout);
  }

  private static String checkAeTitle(String aeTitle) {
    Objects.requireNonNull(aeTitle, "aeTitle");
    String trimmed = aeTitle.strip();
    if (trimmed.isEmpty() || trimmed.length() > 16) {
      throw new IllegalArgumentException(
          "aeTitle must be 1 to 16 characters (spaces around it do not count): '" + aeTitle + "'");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\') {
        throw new IllegalArgumentException(
            "aeTitle must be printable ASCII without backslash: '" + aeTitle + "'");
      }
    }
    return trimmed;
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
  }
}

package org.rtds.ingest.entity;

import java.util.Objects;

/**
 * The result for one received object.
 *
 * @param sopInstanceUid SOP Instance UID, when the object was readable far enough; else null
 * @param sopClassUid SOP Class UID, when known; else null
 * @param status stored, duplicate or rejected
 * @param reasonCode for a rejection, a machine-readable code (e.g. {@code NOT_DICOM}, {@code
 *     TRUNCATED}, {@code MISSING_ATTRIBUTE}, {@code CONFLICT}, {@code FRAME_OF_REFERENCE}, {@code
 *     TOO_LARGE}); null otherwise
 * @param reason for a rejection, what was wrong, in words for the sender; null otherwise
 * @param studyInstanceUid the object's study, when known
 */
public record IngestOutcome(
    String sopInstanceUid,
    String sopClassUid,
    IngestStatus status,
    String reasonCode,
    String reason,
    String studyInstanceUid) {

  public IngestOutcome {
    Objects.requireNonNull(status, "status");
    if (status == IngestStatus.REJECTED && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
  }

  /** A rejection before the object could be identified. */
  public static IngestOutcome rejected(String reasonCode, String reason) {
    return new IngestOutcome(null, null, IngestStatus.REJECTED, reasonCode, reason, null);
  }
}

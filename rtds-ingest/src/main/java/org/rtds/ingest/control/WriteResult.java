package org.rtds.ingest.control;

import org.rtds.ingest.entity.IngestStatus;

/**
 * What {@link IngestWriter#write} did.
 *
 * @param status stored, duplicate or rejected
 * @param reasonCode for a rejection
 * @param reason for a rejection
 * @param studyId {@code studies.id}, when the object was stored or is a duplicate
 * @param generation the study's requested feature generation after a store; 0 otherwise
 * @param readyForFeatures whether the study has CT, RTSTRUCT and RTDOSE after a store
 * @param discardFile for a duplicate in another encoding: its newly kept bytes are referenced by
 *     nothing and may be deleted from the file store
 */
public record WriteResult(
    IngestStatus status,
    String reasonCode,
    String reason,
    Integer studyId,
    int generation,
    boolean readyForFeatures,
    boolean discardFile) {

  static WriteResult stored(int studyId, int generation, boolean ready) {
    return new WriteResult(IngestStatus.STORED, null, null, studyId, generation, ready, false);
  }

  static WriteResult duplicate(int studyId, boolean discardFile) {
    return new WriteResult(IngestStatus.DUPLICATE, null, null, studyId, 0, false, discardFile);
  }

  static WriteResult rejected(String code, String reason) {
    return new WriteResult(IngestStatus.REJECTED, code, reason, null, 0, false, false);
  }
}

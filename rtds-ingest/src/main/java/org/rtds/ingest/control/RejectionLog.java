package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.store.ObjectRejection;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.entity.IngestOrigin;

/**
 * The {@code rtds_rejection} log: one row per object RTDS refused, with the reason and where its
 * bytes are kept in the file store. Writes in the caller's transaction; text longer than its column
 * is cut.
 */
final class RejectionLog {

  private final EntityManager em;
  private final Clock clock;

  RejectionLog(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Records a refusal of an object that could not be stored. */
  void record(
      String sopInstanceUid,
      String sopClassUid,
      StoredFile file,
      IngestOrigin origin,
      String reasonCode,
      String reason) {
    ObjectRejection rejection = new ObjectRejection();
    rejection.setSopInstanceUid(truncate(sopInstanceUid, 64));
    rejection.setSopClassUid(truncate(sopClassUid, 64));
    rejection.setContentSha256(file.sha256());
    rejection.setSizeBytes(file.sizeBytes());
    rejection.setFilePath(file.relativePath());
    rejection.setReasonCode(truncate(reasonCode, 32));
    rejection.setReason(truncate(reason, 1000));
    rejection.setChannel(origin.channel().name());
    rejection.setOrigin(truncate(origin.origin(), 255));
    rejection.setReceivedAt(Columns.now(clock));
    rejection.setUser(em.getReference(AuthUser.class, origin.accountId()));
    em.persist(rejection);
  }

  /** Records the refusal of a parsed object and says so as the write's result. */
  WriteResult reject(
      ParsedInstance parsed, StoredFile file, IngestOrigin origin, String code, String reason) {
    record(
        parsed.header().sopInstanceUid(),
        parsed.header().sopClass().uid(),
        file,
        origin,
        code,
        reason);
    return WriteResult.rejected(code, reason);
  }
}

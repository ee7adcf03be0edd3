package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Study;
import org.rtds.domain.store.StoredObject;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.entity.IngestOrigin;

/**
 * The {@code rtds_object} index: which objects an account has stored (by SOP Instance UID, with the
 * SHA-256 of their bytes and their {@link ContentFingerprint}), whether any object or rejection
 * still refers to kept bytes, and the entry of a newly stored object. Works in the caller's
 * transaction.
 */
final class StoredObjects {

  private final EntityManager em;
  private final Clock clock;

  StoredObjects(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** The account's object with this SOP Instance UID. */
  Optional<StoredObject> find(int accountId, String sopInstanceUid) {
    return em.createNamedQuery(StoredObject.FIND_BY_USER_AND_SOP_INSTANCE, StoredObject.class)
        .setParameter("userId", accountId)
        .setParameter("sopInstanceUid", sopInstanceUid)
        .getResultStream()
        .findFirst();
  }

  /** Whether a stored object or a rejection refers to the file store's bytes with this SHA-256. */
  boolean fileReferenced(String sha256) {
    return em.createQuery(
                    "select count(o) from StoredObject o where o.contentSha256 = :sha", Long.class)
                .setParameter("sha", sha256)
                .getSingleResult()
            + em.createQuery(
                    "select count(r) from ObjectRejection r where r.contentSha256 = :sha",
                    Long.class)
                .setParameter("sha", sha256)
                .getSingleResult()
        > 0;
  }

  /**
   * Persists the object's entry and flushes it: a concurrent store of the same object collides on
   * the unique key here, before the study's bookkeeping.
   *
   * @param fingerprint its {@link ContentFingerprint}
   */
  void add(
      Header header,
      StoredFile file,
      IngestOrigin origin,
      String fingerprint,
      Study study,
      AuthUser account) {
    StoredObject object = new StoredObject();
    object.setSopInstanceUid(header.sopInstanceUid());
    object.setSopClassUid(header.sopClass().uid());
    object.setStudyInstanceUid(header.study().studyInstanceUid());
    object.setSeriesInstanceUid(header.series().seriesInstanceUid());
    object.setModality(header.sopClass().modality());
    object.setTransferSyntaxUid(header.transferSyntaxUid());
    object.setContentSha256(file.sha256());
    object.setSizeBytes(file.sizeBytes());
    object.setContentFingerprint(fingerprint);
    object.setFilePath(file.relativePath());
    object.setChannel(origin.channel().name());
    object.setOrigin(truncate(origin.origin(), 255));
    object.setReceivedAt(Columns.now(clock));
    object.setStudy(study);
    object.setUser(account);
    em.persist(object);
    em.flush();
  }
}

package org.rtds.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import org.rtds.domain.db.DatabaseUnavailableException;
import org.rtds.ingest.control.ContentAddressedStore;
import org.rtds.ingest.control.ContentAddressedStore.SpooledFile;
import org.rtds.ingest.control.ContentAddressedStore.TooLargeException;
import org.rtds.ingest.control.FeatureJobBooking;
import org.rtds.ingest.control.IngestPipeline;
import org.rtds.ingest.dicom.SopClass;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.StudyInputs;

/**
 * The entry point of every ingestion channel (REST, STOW-RS, DICOM listener, drop folder, upload
 * page, import): receives one object's bytes, keeps them in the file store, reads them and stores
 * them in their own transaction ({@link IngestTransaction}). No transaction here: parsing happens
 * outside, and each object commits or fails alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// Who may call (ARCHITECTURE D37): RTDS itself only. The web tier calls it after checking the
// caller's add_instance permission (REST, STOW-RS, upload page); the DICOM listener and the drop
// folder call it for the account they are configured with. No user reaches it directly.
@PermitAll
public class Ingestion {

  private static final Logger LOG = System.getLogger(Ingestion.class.getName());

  @Inject FileStore fileStore;

  @Inject IngestSettings settings;

  @EJB IngestTransaction transactions;

  @PersistenceContext EntityManager em;

  /** Spools a copy of a file on disk (the original stays). */
  public SpooledFile spool(Path file, long maxBytes) throws IOException {
    return store().spool(file, maxBytes);
  }

  /** Discards spooled bytes that are not to be ingested (e.g. the rest of a refused upload). */
  public void discard(SpooledFile spooled) {
    try {
      store().discard(spooled);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot delete " + spooled.path(), e);
    }
  }

  /**
   * Ingests one object read from a stream (an upload), up to {@code RTDS_MAX_OBJECT_MB}.
   *
   * @param in the object's bytes, read to their end (also when there are too many, so that the
   *     caller can go on with the next object of the same body); not closed
   * @return stored, duplicate or rejected with the reason ({@code TOO_LARGE} beyond {@code
   *     RTDS_MAX_OBJECT_MB}, nothing kept)
   * @throws IngestUnavailableException while the database is unreachable (transient: resend later)
   * @throws IOException if the stream cannot be read or the file store cannot be written
   */
  public IngestOutcome ingest(InputStream in, IngestOrigin origin) throws IOException {
    long maxObject = settings.maxObjectBytes();
    SpooledFile spooled;
    try {
      spooled = store().spool(in, maxObject);
    } catch (TooLargeException e) {
      in.transferTo(OutputStream.nullOutputStream()); // the rest of this object, to reach the next
      return IngestOutcome.rejected(
          "TOO_LARGE",
          "the object is larger than the limit of "
              + maxObject / (1024 * 1024)
              + " MB (RTDS_MAX_OBJECT_MB)");
    }
    return ingest(spooled, origin);
  }

  /**
   * Ingests one spooled object (consumed).
   *
   * @return stored, duplicate or rejected with the reason
   * @throws IngestUnavailableException while the database is unreachable (transient: resend later)
   */
  public IngestOutcome ingest(SpooledFile spooled, IngestOrigin origin) {
    try {
      return new IngestPipeline(store(), transactions).ingest(spooled, origin).outcome();
    } catch (IOException e) {
      throw new UncheckedIOException("the file store cannot be written: " + e.getMessage(), e);
    } catch (DatabaseUnavailableException e) {
      throw new IngestUnavailableException(e.getMessage(), e.getCause());
    }
  }

  /**
   * The name people know a SOP class RTDS ingests by, e.g. {@code RT Dose} (upload results).
   *
   * @param sopClassUid a SOP Class UID, or null
   * @return its name; empty for a class RTDS does not ingest
   */
  public Optional<String> sopClassName(String sopClassUid) {
    return SopClass.find(sopClassUid).map(SopClass::displayName);
  }

  /** What a study holds: objects per modality and what features still need. */
  public StudyInputs studyInputs(int studyId) {
    return FeatureJobBooking.studyInputs(em, studyId);
  }

  /** Reads {@code RTDS_MAX_OBJECT_MB} etc. */
  public IngestSettings settings() {
    return settings;
  }

  /**
   * The account an object from a DICOM sender or the drop folder is stored under: the active
   * account named like the calling AE title (case-insensitive), else {@code RTDS_DICOM_ACCOUNT}.
   *
   * @return the account id, or empty if neither exists
   */
  public Optional<Integer> accountForSender(String aeTitle) {
    if (aeTitle != null && !aeTitle.isBlank()) {
      Optional<Integer> named = activeAccount(aeTitle.trim());
      if (named.isPresent()) {
        return named;
      }
    }
    return activeAccount(settings.defaultDicomAccount());
  }

  private Optional<Integer> activeAccount(String username) {
    return em.createQuery(
            "select u.id from AuthUser u where lower(u.username) = lower(:name) and u.active = true",
            Integer.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  private ContentAddressedStore store() {
    return fileStore.store();
  }
}

package org.rtds.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.rtds.domain.event.InstanceStored;
import org.rtds.domain.event.StudyInputsChanged;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.control.IngestPipeline;
import org.rtds.ingest.control.IngestWriter;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.RoiNameNormalizer;
import org.rtds.ingest.control.WriteResult;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestStatus;

/**
 * One short transaction per DICOM object ({@code REQUIRES_NEW}): the caller, {@link Ingestion},
 * runs without a transaction, so one object's failure never rolls back another's. The domain events
 * are fired inside the transaction; observers declared {@code AFTER_SUCCESS} see them only once it
 * committed.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
// Who may call (ARCHITECTURE D37): RTDS itself only. The web tier calls it after checking the
// caller's add_instance permission (REST, STOW-RS, upload page); the DICOM listener and the drop
// folder call it for the account they are configured with. No user reaches it directly.
@PermitAll
public class IngestTransaction implements IngestPipeline.Transactions {

  private static final RoiNameNormalizer ROI_NAMES = RoiNameNormalizer.standard();

  @PersistenceContext EntityManager em;

  @Inject Event<InstanceStored> instanceStored;

  @Inject Event<StudyInputsChanged> studyInputsChanged;

  @Override
  public WriteResult write(ParsedInstance parsed, StoredFile file, IngestOrigin origin) {
    WriteResult result = writer().write(parsed, file, origin);
    if (result.status() == IngestStatus.STORED) {
      instanceStored.fire(
          new InstanceStored(
              result.studyId(),
              parsed.header().sopInstanceUid(),
              parsed.header().sopClass().modality(),
              origin.accountId(),
              origin.channel().name(),
              origin.origin()));
      studyInputsChanged.fire(
          new StudyInputsChanged(result.studyId(), result.generation(), result.readyForFeatures()));
    }
    return result;
  }

  @Override
  public void reject(
      String sopInstanceUid,
      String sopClassUid,
      StoredFile file,
      IngestOrigin origin,
      String reasonCode,
      String reason) {
    writer().recordRejection(sopInstanceUid, sopClassUid, file, origin, reasonCode, reason);
  }

  private IngestWriter writer() {
    return new IngestWriter(em, ROI_NAMES, Clock.systemUTC());
  }
}

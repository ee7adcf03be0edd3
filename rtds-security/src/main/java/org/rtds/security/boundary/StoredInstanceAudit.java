package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.rtds.domain.event.InstanceStored;
import org.rtds.security.control.AuditRecord;

/**
 * Every DICOM object stored, on every channel (C-STORE and the drop folder included, which have no
 * HTTP request to audit), becomes one "DICOM Instances Transferred" entry: the sending account, the
 * channel and sender, the patient and study, the SOP Instance UID. Written after the object's
 * transaction committed, so a rolled-back object leaves no entry.
 */
@ApplicationScoped
public class StoredInstanceAudit {

  private static final Logger LOG = System.getLogger(StoredInstanceAudit.class.getName());

  @Inject AuditTrail audit;

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) InstanceStored stored) {
    try {
      Object[] study =
          em.createQuery(
                  "select s.studyInstanceUid, s.patient.id from Study s where s.id = :id",
                  Object[].class)
              .setParameter("id", stored.studyId())
              .getResultStream()
              .findFirst()
              .orElse(new Object[2]);
      audit.record(
          AuditRecord.of(
                  AuditRecord.EventId.INSTANCES_TRANSFERRED,
                  "instance-stored",
                  'C',
                  AuditRecord.Outcome.SUCCESS)
              .by(stored.accountId(), null, null)
              .from(stored.origin())
              .on("instance", stored.sopInstanceUid())
              .patient((Integer) study[1])
              .study((String) study[0])
              .detail(stored.modality() + " over " + stored.channel()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.ERROR,
          "audit entry not written for stored object " + stored.sopInstanceUid() + ": " + e);
    }
  }
}

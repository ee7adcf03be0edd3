package org.rtds.ingest.control;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.rtds.domain.db.DatabaseFailure;
import org.rtds.domain.db.DatabaseUnavailableException;
import org.rtds.ingest.control.ContentAddressedStore.SpooledFile;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.DicomReader;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/**
 * The ingestion of one received object, in the order that makes it loss-free and idempotent (style
 * guide §5.5):
 *
 * <ol>
 *   <li>keep the received bytes in the content-addressed file store (outside any transaction), so
 *       nothing received is lost even when it cannot be read;
 *   <li>read and check the object (outside any transaction);
 *   <li>write its rows in one short transaction; a transaction that loses a unique-key race (or a
 *       deadlock) to a concurrent sender is run again, up to {@value #ATTEMPTS} times, and then
 *       finds the winner's rows (DUPLICATE);
 *   <li>an unreadable or contradictory object gets a {@code rtds_rejection} row with its reason.
 * </ol>
 *
 * <p>Plain Java; the transactions come from {@link Transactions} (EJB {@code REQUIRES_NEW} in the
 * server, resource-local in tests). Thread-safe.
 */
public final class IngestPipeline {

  private static final Logger LOG = System.getLogger(IngestPipeline.class.getName());

  /** Attempts of the write transaction when it loses races. */
  static final int ATTEMPTS = 8;

  /** The transactional side of ingestion: each call is one transaction of its own. */
  public interface Transactions {
    /** Runs {@link IngestWriter#write} in a new transaction. */
    WriteResult write(ParsedInstance parsed, StoredFile file, IngestOrigin origin);

    /** Runs {@link IngestWriter#recordRejection} in a new transaction. */
    void reject(
        String sopInstanceUid,
        String sopClassUid,
        StoredFile file,
        IngestOrigin origin,
        String reasonCode,
        String reason);
  }

  /** Reason code of an object a legacy NOT NULL column refuses. */
  public static final String MISSING_VALUE_CODE = "DATABASE_REQUIRES_VALUE";

  private final ContentAddressedStore store;
  private final Transactions transactions;
  private final DicomReader reader = new DicomReader();
  private final RtObjectMapper mapper = new RtObjectMapper();

  public IngestPipeline(ContentAddressedStore store, Transactions transactions) {
    this.store = Objects.requireNonNull(store, "store");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * Ingests one spooled object; the spooled file is consumed (kept in the store).
   *
   * @return what became of it
   * @throws DatabaseUnavailableException if the database is unreachable (transient; the bytes stay
   *     in the store and a resend completes the object); the boundary answers it as its {@code
   *     IngestUnavailableException}
   * @throws IOException if the file store cannot be written
   */
  public Result ingest(SpooledFile spooled, IngestOrigin origin) throws IOException {
    StoredFile file = store.keep(spooled);
    DicomObject object;
    ParsedInstance parsed;
    try {
      object = reader.read(file.path());
      parsed = mapper.map(object);
    } catch (DicomParseException e) {
      String reason = e.getMessage().replace(file.path() + ": ", "");
      rejectOutsideTransaction(null, null, file, origin, e.reason().name(), reason);
      return new Result(IngestOutcome.rejected(e.reason().name(), reason), null, 0, false);
    }
    WriteResult result;
    try {
      result = writeWithRetries(parsed, file, origin);
    } catch (RuntimeException e) {
      if (DatabaseFailure.of(e) != DatabaseFailure.MISSING_VALUE) {
        throw e;
      }
      // a legacy Django schema's NOT NULL column this object has no value for: refused alone,
      // with a reason that names the column (D27); nothing of it was written
      String column = DatabaseFailure.missingColumn(e);
      String reason =
          "this database requires "
              + column
              + ", which the object does not give (a NOT NULL column of the adopted legacy"
              + " dsrt schema; ARCHITECTURE D27)";
      rejectOutsideTransaction(
          parsed.header().sopInstanceUid(),
          parsed.header().sopClass().uid(),
          file,
          origin,
          MISSING_VALUE_CODE,
          reason);
      LOG.log(Level.WARNING, "Rejected {0}: {1}", parsed.header().sopInstanceUid(), reason);
      return new Result(
          new IngestOutcome(
              parsed.header().sopInstanceUid(),
              parsed.header().sopClass().uid(),
              IngestStatus.REJECTED,
              MISSING_VALUE_CODE,
              reason,
              parsed.header().study().studyInstanceUid()),
          null,
          0,
          false);
    }
    if (result.discardFile()) {
      store.delete(file);
    }
    if (result.status() == IngestStatus.REJECTED) {
      LOG.log(
          Level.INFO,
          "Rejected {0} {1} from {2}: {3}",
          parsed.header().sopClass().displayName(),
          parsed.header().sopInstanceUid(),
          origin,
          result.reason());
    }
    IngestOutcome outcome =
        new IngestOutcome(
            parsed.header().sopInstanceUid(),
            parsed.header().sopClass().uid(),
            result.status(),
            result.reasonCode(),
            result.reason(),
            parsed.header().study().studyInstanceUid());
    return new Result(outcome, result.studyId(), result.generation(), result.readyForFeatures());
  }

  private WriteResult writeWithRetries(
      ParsedInstance parsed, StoredFile file, IngestOrigin origin) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return transactions.write(parsed, file, origin);
      } catch (RuntimeException e) {
        DatabaseFailure failure = DatabaseFailure.of(e);
        if (failure == DatabaseFailure.UNAVAILABLE) {
          throw new DatabaseUnavailableException(
              "the database is not reachable; "
                  + parsed.header().sopInstanceUid()
                  + " was received and kept but not stored: send it again",
              e);
        }
        if (failure != DatabaseFailure.RACE) {
          throw e;
        }
        last = e;
        LOG.log(
            Level.DEBUG,
            "Race storing {0} (attempt {1}), retrying",
            parsed.header().sopInstanceUid(),
            attempt);
        pause(attempt);
      }
    }
    throw new IllegalStateException(
        "storing " + parsed.header().sopInstanceUid() + " lost " + ATTEMPTS + " races in a row",
        last);
  }

  private void rejectOutsideTransaction(
      String sop,
      String sopClass,
      StoredFile file,
      IngestOrigin origin,
      String code,
      String reason) {
    try {
      transactions.reject(sop, sopClass, file, origin, code, reason);
    } catch (RuntimeException e) {
      if (DatabaseFailure.of(e) == DatabaseFailure.UNAVAILABLE) {
        throw new DatabaseUnavailableException("the database is not reachable", e);
      }
      throw e;
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }

  /**
   * The outcome, and for a stored object what the study looks like now.
   *
   * @param studyId {@code studies.id}, or null for a rejection
   * @param generation requested feature generation of the study after a store
   * @param readyForFeatures whether the study has CT, RTSTRUCT and RTDOSE
   */
  public record Result(
      IngestOutcome outcome, Integer studyId, int generation, boolean readyForFeatures) {}
}

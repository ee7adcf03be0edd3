package org.rtds.ingest.boundary;

import jakarta.ejb.ApplicationException;
import org.rtds.domain.db.DatabaseUnavailableException;

/**
 * The database cannot be reached, so an object could not be stored now. Transient: its bytes are
 * kept in the file store, nothing was written, and sending it again later completes it. Channels
 * answer with a transient failure (HTTP 503 with {@code Retry-After}, C-STORE status A700). An EJB
 * application exception, so callers of the ingestion boundary receive it unwrapped; a {@link
 * DatabaseUnavailableException}, so {@code DatabaseFailure} classifies it as an outage wherever it
 * is wrapped.
 */
@ApplicationException(rollback = true)
public final class IngestUnavailableException extends DatabaseUnavailableException {

  private static final long serialVersionUID = 1L;

  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

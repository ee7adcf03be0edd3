package org.rtds.ingest.control;

/**
 * The database cannot be reached, so an object could not be stored now. Transient: its bytes are
 * kept in the file store, nothing was written, and sending it again later completes it. Channels
 * answer with a transient failure (HTTP 503 with {@code Retry-After}, C-STORE status A700).
 */
public final class IngestUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

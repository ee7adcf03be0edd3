package org.rtds.domain.db;

/**
 * Thrown where a boundary has already decided that the database cannot be reached, so that every
 * layer above, however the container wraps it, still classifies it as {@link
 * DatabaseFailure#UNAVAILABLE}. Transient: nothing was written and the same request works again
 * once the database is back.
 */
public class DatabaseUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.rtds.domain.schema;

/**
 * The database schema could not be brought to the version this build needs. The message says what
 * was found and what an operator can do; RTDS must not serve requests on such a database.
 */
public class SchemaMigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaMigrationException(String message) {
    super(message);
  }

  public SchemaMigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}

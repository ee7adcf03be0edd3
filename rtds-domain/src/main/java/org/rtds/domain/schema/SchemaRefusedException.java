package org.rtds.domain.schema;

import java.util.List;

/**
 * RTDS refused the database before changing anything in it: it is not a dsrt database, or its
 * schema differs from what RTDS expects in a way the migrations cannot handle. This is a
 * configuration error, not a transient one: starting again on the same database gives the same
 * answer, so callers must not retry; an operator fixes the database (or restores its backup) and
 * restarts RTDS.
 */
public class SchemaRefusedException extends SchemaMigrationException {

  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  public SchemaRefusedException(String message) {
    this(message, List.of());
  }

  /**
   * @param differences every incompatibility found, each as "table.column: expected X, found Y" or
   *     similar; empty when the database was refused as a whole
   */
  public SchemaRefusedException(String message, List<String> differences) {
    super(message);
    this.differences = List.copyOf(differences);
  }

  /**
   * Every incompatibility found, in a stable order; empty if the database was refused as a whole.
   */
  public List<String> differences() {
    return differences;
  }
}

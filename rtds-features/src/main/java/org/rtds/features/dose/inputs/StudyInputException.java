package org.rtds.features.dose.inputs;

/**
 * The objects of a study cannot be turned into calculator inputs (server and command line alike).
 * {@link Kind#INCOMPLETE}: something the calculation needs is missing or ambiguous (no CT, no
 * RTSTRUCT, no RTDOSE, several candidates, a RELATIVE dose without a prescription); {@link
 * Kind#UNSUPPORTED}: the objects are there but their content cannot be used (oblique or
 * inconsistent geometry, dose grids that cannot be summed, an ERROR or CONTROL_POINT dose). The
 * message says what and names the objects.
 */
public final class StudyInputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the inputs cannot be built. */
  public enum Kind {
    /** Something needed is missing or ambiguous. */
    INCOMPLETE,
    /** The objects are present but cannot be used. */
    UNSUPPORTED
  }

  private final Kind kind;

  /**
   * @param kind why
   * @param message what, naming the objects
   */
  public StudyInputException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /**
   * @param kind why
   * @param message what, naming the objects
   * @param cause the underlying problem
   */
  public StudyInputException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /**
   * @return why the inputs cannot be built
   */
  public Kind kind() {
    return kind;
  }
}

package org.rtds.features.boundary;

/**
 * A study lacks something feature computation needs (a CT, a structure set, a usable dose grid, a
 * prescription for a relative dose); the message says what. Not a bug: the job waits or fails with
 * this message as its detail; the study views of the boundary ({@link StudyViewer}, {@link
 * StudyIsodoses}) throw it to their callers, which answer "not found". Thrown where the inputs are
 * read ({@code org.rtds.features.control.StudyDoseInputs}).
 */
public final class MissingInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is missing, for the job's detail and the caller's answer
   */
  public MissingInputException(String message) {
    super(message);
  }
}

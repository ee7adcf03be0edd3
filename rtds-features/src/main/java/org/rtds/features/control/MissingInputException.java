package org.rtds.features.control;

/**
 * A study lacks something feature computation needs (a CT, a structure set, a usable dose grid, a
 * prescription for a relative dose); the message says what. Not a bug: the job waits or fails with
 * this message as its detail.
 */
public final class MissingInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MissingInputException(String message) {
    super(message);
  }
}

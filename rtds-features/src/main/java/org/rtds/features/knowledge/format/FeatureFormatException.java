package org.rtds.features.knowledge.format;

/**
 * A stored OVH or STS row is malformed, or is in a format (e.g. legacy) this version cannot use.
 */
public class FeatureFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, for the log and the user
   */
  public FeatureFormatException(String message) {
    super(message);
  }
}

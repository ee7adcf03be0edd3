package org.rtds.features.dose.metric;

/** A metric expression that cannot be parsed, or cannot be evaluated with the given context. */
public class MetricException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the metric and the problem
   */
  public MetricException(String message) {
    super(message);
  }
}

package org.rtds.features.dose.metric;

import java.util.OptionalDouble;

/**
 * One evaluated metric, as written to reports and the CLI CSV ({@code metric,value,unit}).
 *
 * @param metric canonical metric name ({@link Metric#canonicalName()})
 * @param value the value; empty when undefined (ROI without volume, D_xcc larger than the ROI, zero
 *     denominator) — never NaN
 * @param unit "Gy", "cc", "%" or ""
 * @param note why the value is empty, or "" when it is present
 */
public record MetricValue(String metric, OptionalDouble value, String unit, String note) {

  /**
   * @param metric the metric
   * @param value its value
   * @return a defined value
   */
  static MetricValue of(Metric metric, double value) {
    return new MetricValue(metric.canonicalName(), OptionalDouble.of(value), metric.unit(), "");
  }

  /**
   * @param metric the metric
   * @param why reason
   * @return an undefined value
   */
  static MetricValue undefined(Metric metric, String why) {
    return new MetricValue(metric.canonicalName(), OptionalDouble.empty(), metric.unit(), why);
  }
}

package org.rtds.features.dose.metric;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses metric expressions (syntax in {@link Metric}). Errors are {@link MetricException}s naming
 * the expression and the problem, e.g. "metric 'D95' needs a unit: D95% or D95cc". Stateless.
 */
public final class MetricParser {
  private static final String NUM = "(\\d+(?:\\.\\d*)?|\\.\\d+)";
  private static final Pattern STAT = Pattern.compile("d(mean|max|min)(\\[%rx])?");
  private static final Pattern DOSE_AT = Pattern.compile("d" + NUM + "(%|cc)(\\[%rx])?");
  private static final Pattern DOSE_NO_UNIT = Pattern.compile("d" + NUM + "(\\[%rx])?");
  private static final Pattern VOL_AT = Pattern.compile("v" + NUM + "(gy|cgy|%rx)(\\[(?:cc|%)])?");
  private static final Pattern VOL_NO_UNIT = Pattern.compile("v" + NUM + "%?");
  private static final Map<String, Metric.IndexKind> INDICES =
      Map.of(
          "hi", Metric.IndexKind.HI,
          "ci", Metric.IndexKind.CI_RTOG,
          "rtogci", Metric.IndexKind.CI_RTOG,
          "ci_rtog", Metric.IndexKind.CI_RTOG,
          "paddickci", Metric.IndexKind.CI_PADDICK,
          "ci_paddick", Metric.IndexKind.CI_PADDICK,
          "gi", Metric.IndexKind.GI,
          "coverage", Metric.IndexKind.COVERAGE);

  private MetricParser() {}

  /**
   * @param expression e.g. "D95%", "v20gy", "V2000cGy", "D0.03cc", "D95%[%Rx]"
   * @return the metric
   * @throws MetricException when the expression is not a known metric
   */
  public static Metric parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new MetricException("empty metric name");
    }
    String raw = expression.trim();
    String s = raw.toLowerCase(Locale.ROOT);
    if (s.equals("volume")) {
      return new Metric.TotalVolume();
    }
    Metric.IndexKind index = INDICES.get(s);
    if (index != null) {
      return new Metric.Index(index);
    }
    Matcher m = STAT.matcher(s);
    if (m.matches()) {
      Metric.Statistic stat =
          switch (m.group(1)) {
            case "mean" -> Metric.Statistic.MEAN;
            case "max" -> Metric.Statistic.MAX;
            default -> Metric.Statistic.MIN;
          };
      return new Metric.DoseStatistic(stat, m.group(2) != null);
    }
    m = DOSE_AT.matcher(s);
    if (m.matches()) {
      BigDecimal x = number(m.group(1));
      boolean cc = m.group(2).equals("cc");
      if (!cc && x.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new MetricException(
            "metric '" + raw + "': the volume percentage must be between 0 and 100");
      }
      return new Metric.DoseAtVolume(x, cc, m.group(3) != null);
    }
    m = DOSE_NO_UNIT.matcher(s);
    if (m.matches()) {
      String x = number(m.group(1)).toPlainString();
      throw new MetricException("metric '" + raw + "' needs a unit: D" + x + "% or D" + x + "cc");
    }
    m = VOL_AT.matcher(s);
    if (m.matches()) {
      BigDecimal x = number(m.group(1));
      String unit = m.group(2);
      if (unit.equals("cgy")) {
        x = x.movePointLeft(2).stripTrailingZeros();
        x = x.scale() < 0 ? x.setScale(0) : x;
      }
      boolean cc = m.group(3) != null && m.group(3).equals("[cc]");
      return new Metric.VolumeAtDose(x, unit.equals("%rx"), cc);
    }
    m = VOL_NO_UNIT.matcher(s);
    if (m.matches()) {
      String x = number(m.group(1)).toPlainString();
      throw new MetricException(
          "metric '" + raw + "' needs a dose unit: V" + x + "Gy, V" + x + "cGy or V" + x + "%Rx");
    }
    throw new MetricException("unknown metric '" + raw + "'");
  }

  private static BigDecimal number(String text) {
    BigDecimal x = new BigDecimal(text.startsWith(".") ? "0" + text : text).stripTrailingZeros();
    return x.scale() < 0 ? x.setScale(0) : x;
  }
}

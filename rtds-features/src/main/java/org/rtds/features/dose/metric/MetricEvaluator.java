package org.rtds.features.dose.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.rtds.features.dose.dvh.DoseVolumeSamples;

/**
 * Evaluates {@link Metric}s on an ROI's exact voxel dose list (§4.4 steps 6–7). Missing inputs (Rx,
 * isodose volumes) throw {@link MetricException} naming them; values that are undefined for the
 * data (no volume, D_xcc above the ROI volume, zero denominators) are returned empty with a note.
 * Stateless.
 */
public final class MetricEvaluator {
  private MetricEvaluator() {}

  /**
   * @param expressions metric expressions
   * @param context what to evaluate on
   * @return one value per expression, same order
   * @throws MetricException on the first bad expression or missing input
   */
  public static List<MetricValue> evaluateAll(List<String> expressions, MetricContext context) {
    List<MetricValue> out = new ArrayList<>(expressions.size());
    for (String e : expressions) {
      out.add(evaluate(MetricParser.parse(e), context));
    }
    return out;
  }

  /**
   * @param metric a parsed metric
   * @param context what to evaluate on
   * @return its value
   * @throws MetricException when Rx or the isodose-volume source is needed but unknown
   */
  public static MetricValue evaluate(Metric metric, MetricContext context) {
    DoseVolumeSamples s = context.samples();
    if (metric instanceof Metric.TotalVolume) {
      return MetricValue.of(metric, s.totalVolumeCc());
    }
    double rx = needsRx(metric) ? rx(metric, context) : Double.NaN;
    if (metric instanceof Metric.Index index
        && index.kind() != Metric.IndexKind.HI
        && index.kind() != Metric.IndexKind.COVERAGE
        && context.isodoseVolume().isEmpty()) {
      throw new MetricException(
          metric.canonicalName()
              + " needs the isodose volume (dose grid or external ROI), which is unknown");
    }
    if (s.isEmpty()) {
      return MetricValue.undefined(metric, "ROI has no volume");
    }
    if (metric instanceof Metric.DoseStatistic d) {
      double gy =
          switch (d.statistic()) {
            case MEAN -> s.meanGy();
            case MAX -> s.maxGy();
            case MIN -> s.minGy();
          };
      return dose(metric, gy, d.percentOfRx(), rx);
    }
    if (metric instanceof Metric.DoseAtVolume d) {
      double x = d.amount().doubleValue();
      OptionalDouble v = d.absoluteCc() ? s.doseAtVolumeCc(x) : s.doseAtVolumePercent(x);
      return v.isPresent()
          ? dose(metric, v.getAsDouble(), d.percentOfRx(), rx)
          : MetricValue.undefined(
              metric,
              String.format(
                  Locale.ROOT,
                  "ROI volume %.4f cc is smaller than %s cc",
                  s.totalVolumeCc(),
                  d.amount().toPlainString()));
    }
    if (metric instanceof Metric.VolumeAtDose v) {
      double x = v.dose().doubleValue();
      double gy = v.doseInPercentOfRx() ? x * rx / 100.0 : x;
      double cc = s.volumeAtLeastCc(gy);
      return MetricValue.of(metric, v.volumeInCc() ? cc : 100.0 * cc / s.totalVolumeCc());
    }
    return index((Metric.Index) metric, context, rx);
  }

  private static boolean needsRx(Metric metric) {
    if (metric instanceof Metric.DoseStatistic d) {
      return d.percentOfRx();
    }
    if (metric instanceof Metric.DoseAtVolume d) {
      return d.percentOfRx();
    }
    if (metric instanceof Metric.VolumeAtDose v) {
      return v.doseInPercentOfRx();
    }
    return metric instanceof Metric.Index i && i.kind() != Metric.IndexKind.HI;
  }

  private static double rx(Metric metric, MetricContext context) {
    if (context.prescriptionGy().isEmpty()) {
      throw new MetricException(
          metric.canonicalName() + " needs the prescription dose, which is unknown");
    }
    return context.prescriptionGy().getAsDouble();
  }

  private static MetricValue dose(Metric metric, double gy, boolean percentOfRx, double rx) {
    return MetricValue.of(metric, percentOfRx ? 100.0 * gy / rx : gy);
  }

  private static MetricValue index(Metric.Index metric, MetricContext context, double rx) {
    DoseVolumeSamples s = context.samples();
    double tv = s.totalVolumeCc();
    return switch (metric.kind()) {
      case HI -> {
        double d2 = s.doseAtVolumePercent(2).orElse(0);
        double d98 = s.doseAtVolumePercent(98).orElse(0);
        double d50 = s.doseAtVolumePercent(50).orElse(0);
        yield d50 > 0
            ? MetricValue.of(metric, (d2 - d98) / d50)
            : MetricValue.undefined(metric, "D50% is 0 Gy");
      }
      case COVERAGE -> MetricValue.of(metric, s.volumeAtLeastCc(rx) / tv);
      case CI_RTOG ->
          MetricValue.of(metric, context.isodoseVolume().orElseThrow().volumeAtLeastCc(rx) / tv);
      case CI_PADDICK -> {
        double piv = context.isodoseVolume().orElseThrow().volumeAtLeastCc(rx);
        double tvPiv = s.volumeAtLeastCc(rx);
        yield piv > 0
            ? MetricValue.of(metric, tvPiv * tvPiv / (tv * piv))
            : MetricValue.undefined(metric, "the prescription isodose encloses no volume");
      }
      case GI -> {
        IsodoseVolume iso = context.isodoseVolume().orElseThrow();
        double v100 = iso.volumeAtLeastCc(rx);
        yield v100 > 0
            ? MetricValue.of(metric, iso.volumeAtLeastCc(rx / 2) / v100)
            : MetricValue.undefined(metric, "the prescription isodose encloses no volume");
      }
    };
  }
}

package org.rtds.features.dose.testing;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricValue;

/**
 * One §8 F style case: a shape centred at the origin, isotropic CT voxels of size h with pixel and
 * slice centres at (k + ½)·h (so the objects' ends fall halfway between contour planes), contours
 * on every CT slice, a linear dose 16 Gy + g·coordinate_u with g = 12 Gy / R on an h grid.
 */
public record NelmsCase(
    Shape.Kind kind, boolean parallel, double radius, int gradientAxis, double h) {

  public static final List<String> METRICS =
      List.of(
          "Volume", "Dmean", "Dmin", "Dmax", "D99%", "D95%", "D50%", "D5%", "D1%", "D0.03cc",
          "V20Gy", "V10Gy");

  public double gradient() {
    return 12.0 / radius;
  }

  public Shape shape() {
    int axis = parallel ? gradientAxis : (gradientAxis + 1) % 3;
    return new Shape(kind, new double[] {0, 0, 0}, radius, axis);
  }

  public AnalyticDvh analytic() {
    return new AnalyticDvh(shape(), gradientAxis, gradient(), 16.0);
  }

  public DvhResult compute(DvhOptions options) {
    int half = (int) Math.ceil((radius + 3 * h) / h);
    int n = 2 * half;
    double first = -(half - 0.5) * h;
    double[] z = Phantoms.range(first, h, n);
    SamplingGrid ct = Phantoms.ct(first, first, h, n, n, z);
    double[] b = new double[3];
    b[gradientAxis] = gradient();
    double[] frames = Phantoms.range(-half * h, h, n + 1);
    DoseGrid dose =
        Phantoms.linearDose(
            new double[] {-half * h, -half * h, -half * h}, h, n + 1, n + 1, frames, 16.0, b);
    return DvhCalculator.compute(
        Phantoms.roi(1, toString(), shape().contours(z, 96)), ct, dose, options);
  }

  public static Map<String, Double> metrics(DvhResult result) {
    return MetricEvaluator.evaluateAll(METRICS, MetricContext.of(result.samples())).stream()
        .collect(Collectors.toMap(MetricValue::metric, v -> orNaN(v.value())));
  }

  private static double orNaN(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : Double.NaN;
  }

  public double expected(String metric) {
    AnalyticDvh a = analytic();
    return switch (metric) {
      case "Volume" -> a.volumeCc();
      case "Dmean" -> a.mean();
      case "Dmin" -> a.dMin();
      case "Dmax" -> a.dMax();
      case "D0.03cc" -> a.doseAtCc(0.03);
      case "V20Gy" -> 100 * a.fraction(20);
      case "V10Gy" -> 100 * a.fraction(10);
      default -> a.doseAtPercent(Double.parseDouble(metric.substring(1, metric.length() - 1)));
    };
  }

  @Override
  public String toString() {
    return String.format(
        "%s%s R=%.0f grad=%s h=%.0f",
        kind,
        kind == Shape.Kind.SPHERE ? "" : parallel ? "∥" : "⟂",
        radius,
        "xyz".charAt(gradientAxis),
        h);
  }
}

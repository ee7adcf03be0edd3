package org.rtds.testdata;

import java.util.function.DoubleUnaryOperator;

/**
 * The exact cumulative DVH of a continuous solid in a linear dose D(t) = D₀ + g·t, where t (mm) is
 * the coordinate along the dose gradient measured from the object's centre, from the solid's
 * cross-sectional area A(t) (mm²) in the planes perpendicular to the gradient: V(≥D) =
 * ∫_{t(D)}^{t_max} A(t) dt. The integral is tabulated once with the midpoint rule on {@value
 * #STEPS} slabs (relative error well below 10⁻⁵ for these shapes).
 */
public final class AnalyticDvh {

  static final int STEPS = 200_000;

  private final double d0;
  private final double g;
  private final double tMin;
  private final double dt;
  private final double[] above; // above[i] = volume (mm³) with t >= tMin + i*dt
  private final double volume;
  private final double dmean;

  /**
   * @param area cross-sectional area A(t) in mm² for t in [tMin, tMax]
   * @param tMin lowest coordinate of the solid along the gradient, mm (relative to its centre)
   * @param tMax highest coordinate, mm
   * @param centreDoseGy D₀, dose at t = 0 in Gy
   * @param gradientGyPerMm g &gt; 0 in Gy/mm
   */
  public AnalyticDvh(
      DoubleUnaryOperator area,
      double tMin,
      double tMax,
      double centreDoseGy,
      double gradientGyPerMm) {
    if (!(gradientGyPerMm > 0) || !(tMax > tMin)) {
      throw new IllegalArgumentException("need gradient > 0 and tMax > tMin");
    }
    this.d0 = centreDoseGy;
    this.g = gradientGyPerMm;
    this.tMin = tMin;
    this.dt = (tMax - tMin) / STEPS;
    this.above = new double[STEPS + 1];
    double moment = 0;
    for (int i = STEPS - 1; i >= 0; i--) {
      double t = tMin + (i + 0.5) * dt;
      double dv = Math.max(0, area.applyAsDouble(t)) * dt;
      above[i] = above[i + 1] + dv;
      moment += t * dv;
    }
    this.volume = above[0];
    this.dmean = d0 + g * moment / volume;
  }

  /** Total volume in cm³. */
  public double volumeCc() {
    return volume / 1000;
  }

  /** Volume in cm³ receiving at least {@code doseGy}. */
  public double volumeAtLeastCc(double doseGy) {
    double x = ((doseGy - d0) / g - tMin) / dt;
    if (x <= 0) {
      return volumeCc();
    }
    if (x >= STEPS) {
      return 0;
    }
    int i = (int) x;
    double f = x - i;
    return (above[i] * (1 - f) + above[i + 1] * f) / 1000;
  }

  /** The dose (Gy) at which the cumulative DVH falls to {@code cc} cm³: D_{cc}. */
  public double doseAtVolumeCc(double cc) {
    double target = cc * 1000;
    if (target >= volume) {
      return d0 + g * tMin;
    }
    if (target <= 0) {
      return d0 + g * (tMin + STEPS * dt);
    }
    int lo = 0;
    int hi = STEPS; // above[] is non-increasing: find i with above[i] >= target > above[i+1]
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (above[mid] >= target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double span = above[lo] - above[hi];
    double f = span > 0 ? (above[lo] - target) / span : 0;
    return d0 + g * (tMin + (lo + f) * dt);
  }

  /** The metrics of {@link DvhMetrics}. */
  public DvhMetrics metrics() {
    double v = volumeCc();
    return new DvhMetrics(
        v,
        d0 + g * tMin,
        d0 + g * (tMin + STEPS * dt),
        dmean,
        doseAtVolumeCc(0.99 * v),
        doseAtVolumeCc(0.95 * v),
        doseAtVolumeCc(0.50 * v),
        doseAtVolumeCc(0.05 * v),
        doseAtVolumeCc(0.01 * v),
        doseAtVolumeCc(0.03),
        100 * volumeAtLeastCc(10) / v,
        100 * volumeAtLeastCc(20) / v);
  }
}

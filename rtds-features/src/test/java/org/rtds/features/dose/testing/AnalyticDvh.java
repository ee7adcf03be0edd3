package org.rtds.features.dose.testing;

/**
 * Closed-form cumulative DVHs of docs/algorithms.md §4.5 for a {@link Shape} in the linear dose D =
 * dCentre + g · (p − centre)·e_u, u = gradient axis. Cone ⟂ is integrated numerically over circular
 * segments.
 */
public final class AnalyticDvh {
  private final Shape shape;
  private final int gradientAxis;
  private final double g;
  private final double dCentre;

  public AnalyticDvh(Shape shape, int gradientAxis, double gGyPerMm, double dCentreGy) {
    this.shape = shape;
    this.gradientAxis = gradientAxis;
    this.g = gGyPerMm;
    this.dCentre = dCentreGy;
  }

  private boolean parallel() {
    return shape.kind() != Shape.Kind.SPHERE && shape.axis() == gradientAxis;
  }

  public double dMin() {
    return dCentre - g * shape.radius();
  }

  public double dMax() {
    return dCentre + g * shape.radius();
  }

  /** Fraction of the volume receiving ≥ d. */
  public double fraction(double d) {
    double lo = dMin();
    double hi = dMax();
    if (d <= lo) {
      return 1;
    }
    if (d >= hi) {
      return 0;
    }
    double r = shape.radius();
    return switch (shape.kind()) {
      case SPHERE -> {
        double h = (hi - d) / g;
        yield h * h * (3 * r - h) / (4 * r * r * r);
      }
      case CYLINDER -> {
        if (parallel()) {
          yield (hi - d) / (hi - lo);
        }
        double u = (2 * d - hi - lo) / (hi - lo);
        yield 0.5 - (Math.asin(u) + u * Math.sqrt(1 - u * u)) / Math.PI;
      }
      case CONE -> parallel() ? 1 - Math.pow((d - lo) / (hi - lo), 3) : conePerpendicular(d);
    };
  }

  private double conePerpendicular(double d) {
    double r = shape.radius();
    double h = shape.height();
    double t = (d - dCentre) / g;
    int n = 1000;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double s = h * i / n;
      double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * segment(r * s / h, t);
    }
    double integral = sum * (h / n) / 3;
    return integral / (Math.PI * r * r * h / 3);
  }

  private static double segment(double r, double t) {
    if (t >= r) {
      return 0;
    }
    if (t <= -r) {
      return Math.PI * r * r;
    }
    return r * r * Math.acos(t / r) - t * Math.sqrt(r * r - t * t);
  }

  /** D_x%: the dose with fraction(D) = percent/100 (bisection). */
  public double doseAtPercent(double percent) {
    double f = percent / 100.0;
    double lo = dMin();
    double hi = dMax();
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (fraction(mid) >= f) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  public double doseAtCc(double cc) {
    return doseAtPercent(100.0 * cc * 1000.0 / shape.volumeMm3());
  }

  public double mean() {
    int n = 2000;
    double lo = dMin();
    double hi = dMax();
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * fraction(lo + (hi - lo) * i / n);
    }
    return lo + sum * ((hi - lo) / n) / 3;
  }

  public double volumeCc() {
    return shape.volumeMm3() / 1000.0;
  }
}

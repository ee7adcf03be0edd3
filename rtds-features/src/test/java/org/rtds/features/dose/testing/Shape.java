package org.rtds.features.dose.testing;

import java.util.ArrayList;
import java.util.List;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;

/**
 * A Nelms-style test object (sphere, cylinder or cone of radius R and height 2R) with its axis
 * along x (0), y (1) or z (2), contoured as polygons on axial planes. Cones have their apex at the
 * low end of the axis.
 */
public record Shape(Kind kind, double[] centre, double radius, int axis) {

  /** The object kinds. */
  public enum Kind {
    SPHERE,
    CYLINDER,
    CONE
  }

  public double height() {
    return 2 * radius;
  }

  public double volumeMm3() {
    return switch (kind) {
      case SPHERE -> 4.0 / 3.0 * Math.PI * radius * radius * radius;
      case CYLINDER -> Math.PI * radius * radius * height();
      case CONE -> Math.PI * radius * radius * height() / 3.0;
    };
  }

  /** Contours on every plane z in planeZ that cuts the object; circles are n-gons. */
  public List<Contour> contours(double[] planeZ, int n) {
    List<Contour> out = new ArrayList<>();
    for (double z : planeZ) {
      double[] pts = section(z, n);
      if (pts != null) {
        out.add(new Contour(ContourType.CLOSED_PLANAR, pts));
      }
    }
    return out;
  }

  /** Flat xyz polygon of the cross-section at z, or null. */
  public double[] section(double z, int n) {
    double dz = z - centre[2];
    double h = height();
    if (kind == Kind.SPHERE) {
      return dz * dz < radius * radius ? circle(Math.sqrt(radius * radius - dz * dz), z, n) : null;
    }
    if (axis == 2) {
      if (Math.abs(dz) >= h / 2) {
        return null;
      }
      double r = kind == Kind.CYLINDER ? radius : radius * (dz + h / 2) / h;
      return r > 1e-9 ? circle(r, z, n) : null;
    }
    if (Math.abs(dz) >= radius) {
      return null;
    }
    // axis along x (0) or y (1): in-plane coordinate a along the axis, b across it
    int a = axis;
    int b = 1 - axis;
    List<double[]> ab = new ArrayList<>();
    if (kind == Kind.CYLINDER) {
      double w = Math.sqrt(radius * radius - dz * dz);
      ab.add(new double[] {-h / 2, -w});
      ab.add(new double[] {h / 2, -w});
      ab.add(new double[] {h / 2, w});
      ab.add(new double[] {-h / 2, w});
    } else {
      // cone: |b| <= sqrt((R·s/H)² − dz²), s = a + H/2 ∈ [H·|dz|/R, H]
      double s0 = h * Math.abs(dz) / radius;
      int m = n / 2;
      for (int i = 0; i <= m; i++) {
        double s = s0 + (h - s0) * i / m;
        double w = Math.sqrt(Math.max(0, Math.pow(radius * s / h, 2) - dz * dz));
        ab.add(new double[] {s - h / 2, -w});
      }
      for (int i = m; i >= 0; i--) {
        double s = s0 + (h - s0) * i / m;
        double w = Math.sqrt(Math.max(0, Math.pow(radius * s / h, 2) - dz * dz));
        if (w > 0) {
          ab.add(new double[] {s - h / 2, w});
        }
      }
    }
    double[] pts = new double[ab.size() * 3];
    for (int i = 0; i < ab.size(); i++) {
      double[] p = ab.get(i);
      pts[3 * i + a] = centre[a] + p[0];
      pts[3 * i + b] = centre[b] + p[1];
      pts[3 * i + 2] = z;
    }
    return pts;
  }

  private double[] circle(double r, double z, int n) {
    double[] pts = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double t = 2 * Math.PI * i / n;
      pts[3 * i] = centre[0] + r * Math.cos(t);
      pts[3 * i + 1] = centre[1] + r * Math.sin(t);
      pts[3 * i + 2] = z;
    }
    return pts;
  }
}

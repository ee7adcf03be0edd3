package org.rtds.features.dose.raster;

import java.util.Arrays;
import java.util.List;

/**
 * Even-odd scan-line filling of polygons given in fractional pixel coordinates. Per sub-pixel row
 * inside the polygons' bounding box, the edge crossings of all polygons are collected and sorted;
 * the centres between crossing pairs are inside (half-open: a centre exactly on a left edge is in,
 * on a right edge is out; rows use the half-open vertex rule). Cost O(rows × edges + samples).
 */
final class ScanlineFiller {
  private ScanlineFiller() {}

  /**
   * @param polygons polygons as flat (row, col) arrays in fractional CT pixel coordinates
   * @param rows CT rows
   * @param cols CT columns
   * @param s supersampling factor
   * @return runs triplets (sub-row, start sub-col, end sub-col exclusive)
   */
  static int[] fill(List<double[]> polygons, int rows, int cols, int s) {
    double rMin = Double.POSITIVE_INFINITY;
    double rMax = Double.NEGATIVE_INFINITY;
    int edges = 0;
    for (double[] p : polygons) {
      for (int i = 0; i < p.length; i += 2) {
        rMin = Math.min(rMin, p[i]);
        rMax = Math.max(rMax, p[i]);
      }
      edges += p.length / 2;
    }
    int subRows = rows * s;
    int subCols = cols * s;
    int uStart = Math.max(0, (int) Math.ceil(s * (rMin + 0.5) - 0.5));
    int uEnd = Math.min(subRows - 1, (int) Math.floor(s * (rMax + 0.5) - 0.5));
    IntList runs = new IntList();
    double[] xs = new double[Math.max(edges, 4)];
    for (int u = uStart; u <= uEnd; u++) {
      double r = (u + 0.5) / s - 0.5;
      int nx = 0;
      for (double[] p : polygons) {
        int n = p.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
          double ri = p[2 * i];
          double rj = p[2 * j];
          if ((ri > r) != (rj > r)) {
            double ci = p[2 * i + 1];
            double cj = p[2 * j + 1];
            xs[nx++] = ci + (r - ri) * (cj - ci) / (rj - ri);
          }
        }
      }
      if (nx < 2) {
        continue;
      }
      Arrays.sort(xs, 0, nx);
      for (int k = 0; k + 1 < nx; k += 2) {
        int vStart = Math.max(0, (int) Math.ceil(s * (xs[k] + 0.5) - 0.5));
        int vEnd = Math.min(subCols, (int) Math.ceil(s * (xs[k + 1] + 0.5) - 0.5));
        if (vEnd > vStart) {
          runs.add(u, vStart, vEnd);
        }
      }
    }
    return runs.toArray();
  }

  private static final class IntList {
    private int[] data = new int[48];
    private int size;

    void add(int a, int b, int c) {
      if (size + 3 > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = a;
      data[size++] = b;
      data[size++] = c;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}

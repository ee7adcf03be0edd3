package org.rtds.features.dose.isodose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marching squares on a scalar image sampled at pixel centres. A corner is inside when value ≥
 * level. Crossing points are linearly interpolated along cell edges; the saddle cells (two diagonal
 * corners inside) are resolved by the cell-centre average (centre ≥ level: the inside corners are
 * connected). Segments are linked through shared edges into polylines; a polyline is closed when it
 * returns to its start, open when it reaches the image border. Stateless.
 */
public final class MarchingSquares {
  private static final int TOP = 0;
  private static final int RIGHT = 1;
  private static final int BOTTOM = 2;
  private static final int LEFT = 3;

  /** Edge pairs per case (tl·8 + tr·4 + br·2 + bl), the saddles 5 and 10 for centre-outside. */
  private static final int[][] SEGMENTS = {
    {},
    {LEFT, BOTTOM},
    {BOTTOM, RIGHT},
    {LEFT, RIGHT},
    {TOP, RIGHT},
    {TOP, RIGHT, LEFT, BOTTOM},
    {TOP, BOTTOM},
    {LEFT, TOP},
    {LEFT, TOP},
    {TOP, BOTTOM},
    {LEFT, TOP, BOTTOM, RIGHT},
    {TOP, RIGHT},
    {LEFT, RIGHT},
    {BOTTOM, RIGHT},
    {LEFT, BOTTOM},
    {}
  };

  private static final int[] SADDLE_5_CENTRE_INSIDE = {LEFT, TOP, BOTTOM, RIGHT};
  private static final int[] SADDLE_10_CENTRE_INSIDE = {TOP, RIGHT, LEFT, BOTTOM};

  /**
   * A traced polyline in pixel coordinates.
   *
   * @param closed true when it closes on itself
   * @param rowCol flat (row, column) fractional pixel coordinates
   */
  public record Polyline(boolean closed, double[] rowCol) {}

  private MarchingSquares() {}

  /**
   * @param values row-major image values
   * @param rows rows
   * @param cols columns
   * @param level iso value
   * @return the iso-lines
   */
  public static List<Polyline> trace(float[] values, int rows, int cols, double level) {
    return trace(values, rows, cols, level, 0, rows - 1, 0, cols - 1);
  }

  /**
   * As {@link #trace(float[], int, int, double)} when every value ≥ {@code level} lies in rows
   * {@code firstRow..lastRow} and columns {@code firstCol..lastCol} (inclusive): only the cells
   * touching that window are visited, which gives the same polylines in the same order (a cell
   * whose four corners are below the level has no segment). A slice's dose is zero over most of a
   * 512×512 CT image; the window is where it is not.
   *
   * @return the polylines, as the full trace gives them
   */
  public static List<Polyline> trace(
      float[] values,
      int rows,
      int cols,
      double level,
      int firstRow,
      int lastRow,
      int firstCol,
      int lastCol) {
    List<int[]> segments = new ArrayList<>();
    Map<Integer, int[]> byEdge = new HashMap<>();
    int rowEnd = Math.min(rows - 2, lastRow);
    int colEnd = Math.min(cols - 2, lastCol);
    for (int r = Math.max(0, firstRow - 1); r <= rowEnd; r++) {
      for (int c = Math.max(0, firstCol - 1); c <= colEnd; c++) {
        float tl = values[r * cols + c];
        float tr = values[r * cols + c + 1];
        float br = values[(r + 1) * cols + c + 1];
        float bl = values[(r + 1) * cols + c];
        int code =
            (tl >= level ? 8 : 0)
                | (tr >= level ? 4 : 0)
                | (br >= level ? 2 : 0)
                | (bl >= level ? 1 : 0);
        int[] edges = SEGMENTS[code];
        if (code == 5 || code == 10) {
          double centre = ((double) tl + tr + br + bl) / 4;
          if (centre >= level) {
            edges = code == 5 ? SADDLE_5_CENTRE_INSIDE : SADDLE_10_CENTRE_INSIDE;
          }
        }
        for (int k = 0; k < edges.length; k += 2) {
          int a = edgeId(r, c, cols, edges[k]);
          int b = edgeId(r, c, cols, edges[k + 1]);
          int index = segments.size();
          segments.add(new int[] {a, b});
          link(byEdge, a, index);
          link(byEdge, b, index);
        }
      }
    }
    List<Polyline> out = new ArrayList<>();
    boolean[] used = new boolean[segments.size()];
    for (int s = 0; s < segments.size(); s++) {
      if (used[s]) {
        continue;
      }
      used[s] = true;
      Deque<Integer> chain = new ArrayDeque<>();
      chain.add(segments.get(s)[0]);
      chain.add(segments.get(s)[1]);
      boolean closed = extend(chain, s, true, segments, byEdge, used);
      if (!closed) {
        extend(chain, s, false, segments, byEdge, used);
      }
      double[] rc = new double[chain.size() * 2];
      int i = 0;
      for (int edge : chain) {
        point(edge, values, cols, level, rc, i);
        i += 2;
      }
      out.add(new Polyline(closed, rc));
    }
    return out;
  }

  private static boolean extend(
      Deque<Integer> chain,
      int start,
      boolean forward,
      List<int[]> segments,
      Map<Integer, int[]> byEdge,
      boolean[] used) {
    int current = start;
    while (true) {
      int edge = forward ? chain.getLast() : chain.getFirst();
      int[] owners = byEdge.get(edge);
      int next = owners[0] == current ? owners[1] : owners[0];
      if (next < 0) {
        return false;
      }
      if (used[next]) {
        if (next == start && forward) {
          chain.removeLast();
          return true;
        }
        return false;
      }
      used[next] = true;
      int[] seg = segments.get(next);
      int other = seg[0] == edge ? seg[1] : seg[0];
      if (forward) {
        chain.addLast(other);
      } else {
        chain.addFirst(other);
      }
      current = next;
    }
  }

  private static void link(Map<Integer, int[]> byEdge, int edge, int segment) {
    int[] owners = byEdge.computeIfAbsent(edge, e -> new int[] {-1, -1});
    if (owners[0] < 0) {
      owners[0] = segment;
    } else {
      owners[1] = segment;
    }
  }

  /** Horizontal edge (r,c)–(r,c+1): 2·(r·cols + c); vertical edge (r,c)–(r+1,c): +1. */
  private static int edgeId(int r, int c, int cols, int side) {
    return switch (side) {
      case TOP -> 2 * (r * cols + c);
      case BOTTOM -> 2 * ((r + 1) * cols + c);
      case LEFT -> 2 * (r * cols + c) + 1;
      default -> 2 * (r * cols + c + 1) + 1;
    };
  }

  private static void point(int edge, float[] v, int cols, double level, double[] out, int at) {
    int cell = edge >> 1;
    int r = cell / cols;
    int c = cell % cols;
    boolean vertical = (edge & 1) == 1;
    double va = v[cell];
    double vb = vertical ? v[cell + cols] : v[cell + 1];
    double t = vb == va ? 0.5 : (level - va) / (vb - va);
    t = Math.min(Math.max(t, 0), 1);
    out[at] = vertical ? r + t : r;
    out[at + 1] = vertical ? c : c + t;
  }
}

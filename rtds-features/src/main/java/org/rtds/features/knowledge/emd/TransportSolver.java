package org.rtds.features.knowledge.emd;

import java.util.Arrays;

/**
 * Exact solver of the transportation problem min Σ c_ij f_ij subject to f ≥ 0, Σ_j f_ij ≤ p_i, Σ_i
 * f_ij ≤ q_j, Σ f_ij = min(Σp, Σq) (Rubner's EMD constraints, partial flow when the totals differ).
 *
 * <p>Method: the transportation simplex (MODI / u–v method; Dantzig, Hitchcock). The unbalanced
 * problem is balanced with a zero-cost dummy row or column that absorbs the surplus. Start: the
 * least-cost (matrix minimum) basic feasible solution, completed with zero-flow cells to a spanning
 * tree of the bipartite graph (m + n − 1 basic cells). Iteration: dual potentials u_i + v_j = c_ij
 * on the tree; entering cell = most negative reduced cost c_ij − u_i − v_j among a candidate list
 * (multiple partial pricing: minor iterations reprice only the listed cells, a major iteration
 * refills the list by scanning blocks of rows, and only a scan of the whole matrix without any
 * negative reduced cost ends the solve); the cycle is the tree path between its row and column; the
 * leaving cell is the minus cell of least flow. Terminates at a vertex with all reduced costs ≥
 * −ε·max|c|, which is optimal for the LP. Work per iteration O(m + n) plus pricing. Each call
 * allocates its own arrays; stateless and thread-safe.
 */
public final class TransportSolver {
  private static final double REL_EPS = 1e-12;

  private TransportSolver() {}

  /**
   * The optimal transport.
   *
   * @param cost Σ c_ij f_ij of the optimal flow
   * @param totalFlow Σ f_ij = min(Σp, Σq)
   * @param flow the flow f_ij, row-major m × n (without the dummy)
   * @param iterations simplex pivots made
   */
  public record Plan(double cost, double totalFlow, double[] flow, int iterations) {

    /**
     * @return cost / totalFlow (0 when nothing moves): the EMD
     */
    public double emd() {
      return totalFlow > 0 ? cost / totalFlow : 0;
    }
  }

  /**
   * @param supply p_i ≥ 0 (m values)
   * @param demand q_j ≥ 0 (n values)
   * @param cost c_ij ≥ 0 (finite), row-major m × n
   * @return the optimal plan
   */
  public static Plan solve(double[] supply, double[] demand, double[] cost) {
    int m0 = supply.length;
    int n0 = demand.length;
    if (cost.length != m0 * n0) {
      throw new IllegalArgumentException("cost must be m × n");
    }
    double sp = 0;
    double sq = 0;
    double cmax = 0;
    for (double v : supply) {
      check(v);
      sp += v;
    }
    for (double v : demand) {
      check(v);
      sq += v;
    }
    for (double c : cost) {
      if (!(c >= 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException("costs must be finite and ≥ 0");
      }
      cmax = Math.max(cmax, Math.abs(c));
    }
    double total = Math.min(sp, sq);
    if (m0 == 0 || n0 == 0 || total <= 0) {
      return new Plan(0, 0, new double[m0 * n0], 0);
    }
    // balance with a dummy row (more demand) or column (more supply), zero cost
    int m = m0;
    int n = n0;
    double[] a;
    double[] b;
    if (sp > sq) {
      n = n0 + 1;
      a = supply.clone();
      b = Arrays.copyOf(demand, n);
      b[n0] = sp - sq;
    } else if (sq > sp) {
      m = m0 + 1;
      a = Arrays.copyOf(supply, m);
      b = demand.clone();
      a[m0] = sq - sp;
    } else {
      a = supply.clone();
      b = demand.clone();
    }
    double[] c = new double[m * n];
    for (int i = 0; i < m0; i++) {
      System.arraycopy(cost, i * n0, c, i * n, n0);
    }
    State s = new State(m, n, c);
    s.initialBasis(a, b);
    int iterations = s.optimise(REL_EPS * Math.max(cmax, 1e-300));
    double[] flow = new double[m0 * n0];
    double z = 0;
    for (int e = 0; e < s.size; e++) {
      int i = s.bi[e];
      int j = s.bj[e];
      if (i < m0 && j < n0 && s.bf[e] > 0) {
        flow[i * n0 + j] += s.bf[e];
        z += s.bf[e] * cost[i * n0 + j];
      }
    }
    return new Plan(z, total, flow, iterations);
  }

  private static void check(double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("weights must be finite and ≥ 0");
    }
  }

  /** Basis (spanning tree) and work arrays of one solve. */
  private static final class State {
    final int m;
    final int n;
    final double[] c;
    final int[] bi;
    final int[] bj;
    final double[] bf;
    int size;
    final double[] u;
    final double[] v;
    // tree over nodes 0..m-1 (rows) and m..m+n-1 (columns)
    final int[] head;
    final int[] next;
    final int[] adjEdge;
    final int[] parentEdge;
    final int[] depth;
    final int[] queue;
    final boolean[] isBasic;

    State(int m, int n, double[] c) {
      this.m = m;
      this.n = n;
      this.c = c;
      int cap = m + n - 1;
      bi = new int[cap];
      bj = new int[cap];
      bf = new double[cap];
      u = new double[m];
      v = new double[n];
      head = new int[m + n];
      next = new int[2 * cap];
      adjEdge = new int[2 * cap];
      parentEdge = new int[m + n];
      depth = new int[m + n];
      queue = new int[m + n];
      isBasic = new boolean[m * n];
    }

    void initialBasis(double[] a0, double[] b0) {
      double[] a = a0.clone();
      double[] b = b0.clone();
      // cells by ascending cost (float precision is enough for a starting basis)
      long[] order = new long[m * n];
      for (int k = 0; k < order.length; k++) {
        order[k] = ((long) Float.floatToIntBits((float) c[k]) << 32) | k;
      }
      Arrays.sort(order);
      int[] uf = new int[m + n];
      for (int k = 0; k < uf.length; k++) {
        uf[k] = k;
      }
      boolean[] rowDone = new boolean[m];
      boolean[] colDone = new boolean[n];
      for (int k = 0; k < order.length && size < m + n - 1; k++) {
        int cell = (int) order[k];
        int i = cell / n;
        int j = cell % n;
        if (rowDone[i] || colDone[j]) {
          continue;
        }
        int ri = find(uf, i);
        int rj = find(uf, m + j);
        if (ri == rj) {
          continue;
        }
        double x = Math.min(a[i], b[j]);
        add(i, j, x);
        uf[ri] = rj;
        a[i] -= x;
        b[j] -= x;
        // cross out exactly one line (the row when both run out), so the basis stays a tree
        if (a[i] == 0) {
          rowDone[i] = true;
        } else {
          colDone[j] = true;
        }
      }
      // complete to a spanning tree with zero-flow cells (only when cells were skipped)
      for (int i = 0; i < m && size < m + n - 1; i++) {
        for (int j = 0; j < n && size < m + n - 1; j++) {
          int ri = find(uf, i);
          int rj = find(uf, m + j);
          if (ri != rj) {
            add(i, j, 0);
            uf[ri] = rj;
          }
        }
      }
    }

    private static int find(int[] uf, int x) {
      while (uf[x] != x) {
        uf[x] = uf[uf[x]];
        x = uf[x];
      }
      return x;
    }

    private void add(int i, int j, double f) {
      bi[size] = i;
      bj[size] = j;
      bf[size] = f;
      isBasic[i * n + j] = true;
      size++;
    }

    /** Builds the tree (parents, depths) rooted at row 0 and the potentials. */
    void potentials() {
      Arrays.fill(head, -1);
      for (int e = 0; e < size; e++) {
        int x = bi[e];
        int y = m + bj[e];
        next[2 * e] = head[x];
        adjEdge[2 * e] = e;
        head[x] = 2 * e;
        next[2 * e + 1] = head[y];
        adjEdge[2 * e + 1] = e;
        head[y] = 2 * e + 1;
      }
      Arrays.fill(depth, -1);
      int qh = 0;
      int qt = 0;
      queue[qt++] = 0;
      depth[0] = 0;
      parentEdge[0] = -1;
      u[0] = 0;
      while (qh < qt) {
        int x = queue[qh++];
        for (int h = head[x]; h >= 0; h = next[h]) {
          int e = adjEdge[h];
          int y = x < m ? m + bj[e] : bi[e];
          if (depth[y] >= 0) {
            continue;
          }
          depth[y] = depth[x] + 1;
          parentEdge[y] = e;
          double ce = c[bi[e] * n + bj[e]];
          if (y >= m) {
            v[y - m] = ce - u[x];
          } else {
            u[y] = ce - v[x - m];
          }
          queue[qt++] = y;
        }
      }
      if (qt != m + n) {
        throw new IllegalStateException("transport basis is not a spanning tree");
      }
    }

    int optimise(double eps) {
      int iterations = 0;
      int maxIterations = 100 * (m + n) + 10_000;
      int block = Math.max(8, (int) Math.sqrt((double) m));
      int listSize = Math.max(16, (m + n) / 8);
      int[] candidates = new int[listSize];
      int count = 0;
      int startRow = 0;
      int[] cycle = new int[m + n + 1];
      int[] tail = new int[m + n];
      while (true) {
        potentials();
        // minor iteration: reprice the candidate list, keep the cells still attractive
        int bestCell = -1;
        double best = -eps;
        int kept = 0;
        for (int t = 0; t < count; t++) {
          int cell = candidates[t];
          if (isBasic[cell]) {
            continue;
          }
          double r = c[cell] - u[cell / n] - v[cell % n];
          if (r < -eps) {
            candidates[kept++] = cell;
            if (r < best) {
              best = r;
              bestCell = cell;
            }
          }
        }
        count = kept;
        if (bestCell < 0) {
          // major iteration: scan rows in blocks from where the last scan stopped, collecting
          // attractive cells until the list is full; a full pass without any proves optimality
          count = 0;
          int scanned = 0;
          int row = startRow;
          while (scanned < m && count < listSize) {
            for (int t = 0; t < block && scanned < m; t++, scanned++) {
              int base = row * n;
              double ui = u[row];
              for (int j = 0; j < n; j++) {
                double r = c[base + j] - ui - v[j];
                if (r < -eps && !isBasic[base + j]) {
                  if (count < listSize) {
                    candidates[count++] = base + j;
                  }
                  if (r < best) {
                    best = r;
                    bestCell = base + j;
                  }
                }
              }
              row = row + 1 == m ? 0 : row + 1;
            }
          }
          startRow = row;
        }
        if (bestCell < 0) {
          return iterations;
        }
        if (++iterations > maxIterations) {
          throw new IllegalStateException("transportation simplex did not converge");
        }
        pivot(bestCell / n, bestCell % n, cycle, tail);
      }
    }

    /** Enters cell (i, j): finds the tree path from column j to row i, shifts θ, swaps cells. */
    private void pivot(int i, int j, int[] cycle, int[] tail) {
      // path edges: climb from both ends to the common ancestor
      int x = m + j; // start at column j
      int y = i;
      int len = 0;
      int tl = 0;
      while (x != y) {
        if (depth[x] >= depth[y]) {
          int e = parentEdge[x];
          cycle[len++] = e;
          x = x < m ? m + bj[e] : bi[e];
        } else {
          int e = parentEdge[y];
          tail[tl++] = e;
          y = y < m ? m + bj[e] : bi[e];
        }
      }
      for (int t = tl - 1; t >= 0; t--) {
        cycle[len++] = tail[t];
      }
      // cycle[0] is adjacent to column j and gets −θ; signs alternate; odd length, ends with −θ
      double theta = Double.POSITIVE_INFINITY;
      int leave = -1;
      for (int t = 0; t < len; t += 2) {
        int e = cycle[t];
        if (bf[e] < theta) {
          theta = bf[e];
          leave = e;
        }
      }
      for (int t = 0; t < len; t++) {
        int e = cycle[t];
        if ((t & 1) == 0) {
          bf[e] = Math.max(0, bf[e] - theta);
        } else {
          bf[e] += theta;
        }
      }
      isBasic[bi[leave] * n + bj[leave]] = false;
      bi[leave] = i;
      bj[leave] = j;
      bf[leave] = theta;
      isBasic[i * n + j] = true;
    }
  }
}

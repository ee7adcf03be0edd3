package org.rtds.features.knowledge.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.rtds.features.knowledge.emd.EarthMoversDistance;
import org.rtds.features.knowledge.emd.WeightedPoints;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.Ranking;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;

/**
 * An in-memory index of the stored signatures of many studies, for the top-k similarity query.
 *
 * <h2>Layout</h2>
 *
 * One partition per {@link PairKey} (target level × TG-263 organ). A partition holds, per study
 * that has the pair, in parallel arrays:
 *
 * <ul>
 *   <li>the study's slot (→ its key and target dose, Gy);
 *   <li>the OVH cumulative fractions on the partition's grid (mm) as the doubles the codec decoded,
 *       trimmed: the leading values that are exactly 0 and the trailing values that are exactly 1
 *       are not stored, only the rise in between (a few tens of the 201 values);
 *   <li>the OVH grid mean (mm, {@link StsLowerBounds#ovhGridMeanMm}) for the bound |Δmean| ≤
 *       EMD_OVH;
 *   <li>the STS in sparse form: the non-empty bins (short flat indices; the centres in mm come from
 *       one shared table) and their amounts, the total mass and the weighted centroid (mm).
 * </ul>
 *
 * Values are kept as doubles so the EMDs are bit for bit those of {@link SimilarityRanking#compare}
 * on the decoded rows; all curves of a partition must share one grid exactly (they do: one fixed
 * grid, decoded from the same text).
 *
 * <h2>Query</h2>
 *
 * {@link #query} returns the k best candidates exactly as {@link SimilarityRanking#rank} would rank
 * a full scan (same EMDs, same scores, same order and tie-break) under {@link
 * SimilarityWeights.Scales#FIXED} scales, but computes few exact STS EMDs. Best-first search on
 * lower bounds of the score, which is monotone in every EMD (weights ≥ 0):
 *
 * <ol>
 *   <li>Stage 0, every candidate, O(1) per pair: the score with |Δ OVH grid mean| for EMD_OVH and
 *       the centroid bound for EMD_STS. Candidates failing the |TDdiff| filter are left out, as in
 *       {@code rank}.
 *   <li>Stage 1, popped in ascending stage-0 bound: the exact OVH EMDs (201 values per pair) and
 *       the best STS bound (centroid, radial, coordinate axes).
 *   <li>Stage 2, popped in ascending stage-1 bound: the exact STS EMDs, the pairs with the largest
 *       bound first, as many at once as the index has threads, stopping as soon as the partial
 *       bound (exact values so far, bounds for the rest) cannot beat the current k-th score.
 * </ol>
 *
 * A candidate is dropped only when its lower bound exceeds the k-th exact score by more than a
 * rounding slack (1e-9, relative), so ties on the k-th score are still decided by key, and the
 * top-k is never changed. {@link SimilarityWeights.Scales#CANDIDATE_MEDIAN} scales depend on every
 * EMD: the index then computes all of them (a full scan in memory, no pruning).
 *
 * <h2>Concurrency and derived state</h2>
 *
 * Thread-safe: queries share a read lock and run concurrently; {@link #put} and {@link #remove}
 * take the write lock. The index is derived state, rebuilt from the database by each node and kept
 * current from the feature job's events; {@link #watermark()} records how far the caller has loaded
 * (e.g. the highest {@code ovh}/{@code sts} row id), so a node can catch up incrementally.
 */
public final class SignatureIndex {
  private static final double SLACK = 1e-9;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<PairKey, Partition> partitions = new TreeMap<>();
  private final HashMap<String, Study> studies = new HashMap<>();
  private Study[] bySlot = new Study[64];
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int slotEnd;
  private int pairCount;
  private long watermark = Long.MIN_VALUE;
  private final int threads;

  /**
   * An empty index whose queries compute exact STS EMDs on up to 2 threads (the cores allowing).
   */
  public SignatureIndex() {
    this(Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * An empty index.
   *
   * @param threads exact STS EMDs of one candidate computed at once (≥ 1; more than 1 uses the
   *     common fork-join pool besides the calling thread)
   */
  public SignatureIndex(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1");
    }
    this.threads = threads;
  }

  /**
   * What the query computed.
   *
   * @param candidates studies with a common pair that pass the |TDdiff| filter and have Σ w_k &gt;
   *     0
   * @param excludedByTargetDose studies with a common pair beyond the |TDdiff| filter
   * @param excludedNoWeight studies whose common pairs all weigh 0
   * @param exactOvhCandidates candidates that reached stage 1 (exact OVH EMDs, best STS bound)
   * @param exactStsCandidates candidates with all exact STS EMDs (stage 2 completed)
   * @param exactStsEmds exact STS EMDs computed (including those of abandoned candidates)
   * @param pruned candidates − exactStsCandidates
   */
  public record Stats(
      int candidates,
      int excludedByTargetDose,
      int excludedNoWeight,
      int exactOvhCandidates,
      int exactStsCandidates,
      long exactStsEmds,
      int pruned) {}

  /**
   * The answer of {@link #query}.
   *
   * @param topK the k best candidates (all their common pairs, exact EMDs), best first
   * @param ranking {@link SimilarityRanking#rank} of {@code topK}: ranks 1..k, scores and terms,
   *     identical to the first k of the full scan's ranking
   * @param stats how much was computed: candidates = studies with a common pair that pass the
   *     filters; exactOvhCandidates = candidates whose exact OVH EMDs were computed;
   *     exactStsCandidates = candidates with all exact STS EMDs; exactStsEmds = exact STS EMDs
   *     computed; pruned = candidates − exactStsCandidates
   */
  public record Result(List<CandidateComparison> topK, Ranking ranking, Stats stats) {

    /**
     * Copies the list.
     *
     * @param topK the k best
     * @param ranking their ranking
     * @param stats counts
     */
    public Result {
      topK = List.copyOf(topK);
    }
  }

  private static final class Study {
    final String key;
    final int slot;
    final double targetDoseGy;
    final Partition[] parts;
    final int[] pos;

    Study(String key, int slot, double targetDoseGy, Partition[] parts, int[] pos) {
      this.key = key;
      this.slot = slot;
      this.targetDoseGy = targetDoseGy;
      this.parts = parts;
      this.pos = pos;
    }
  }

  /** One pair's signature in index form. */
  private record Entry(
      short from, short to, double[] rise, double mean, StsLowerBounds.Sparse sts, double[] grid) {

    static Entry of(PairSignature s) {
      OvhCurve c = s.ovh();
      double[] f = c.cumulativeFraction();
      int n = f.length;
      if (n > Short.MAX_VALUE) {
        throw new IllegalArgumentException("OVH grid too long for the index: " + n);
      }
      int from = 0;
      while (from < n && f[from] == 0.0) {
        from++;
      }
      int to = n;
      while (to > from && f[to - 1] == 1.0) {
        to--;
      }
      return new Entry(
          (short) from,
          (short) to,
          Arrays.copyOfRange(f, from, to),
          StsLowerBounds.ovhGridMeanMm(c.gridMm(), f),
          StsLowerBounds.Sparse.of(s.stsAmounts()),
          c.gridMm());
    }
  }

  private static final class Partition {
    final PairKey key;
    double[] grid;
    int size;
    int[] slot = new int[4];
    short[] from = new short[4];
    short[] to = new short[4];
    double[][] rise = new double[4][];
    double[] mean = new double[4];
    short[][] bins = new short[4][];
    double[][] weights = new double[4][];
    double[] mass = new double[4];
    double[] cx = new double[4];
    double[] cy = new double[4];
    double[] cz = new double[4];

    Partition(PairKey key) {
      this.key = key;
    }

    int add(int s, Entry e) {
      if (size == slot.length) {
        int c = size * 2;
        slot = Arrays.copyOf(slot, c);
        from = Arrays.copyOf(from, c);
        to = Arrays.copyOf(to, c);
        rise = Arrays.copyOf(rise, c);
        mean = Arrays.copyOf(mean, c);
        bins = Arrays.copyOf(bins, c);
        weights = Arrays.copyOf(weights, c);
        mass = Arrays.copyOf(mass, c);
        cx = Arrays.copyOf(cx, c);
        cy = Arrays.copyOf(cy, c);
        cz = Arrays.copyOf(cz, c);
      }
      int i = size++;
      set(i, s, e.from, e.to, e.rise, e.mean, e.sts.bins(), e.sts.weights(), e.sts.mass());
      cx[i] = e.sts.cx();
      cy[i] = e.sts.cy();
      cz[i] = e.sts.cz();
      return i;
    }

    private void set(
        int i, int s, short f, short t, double[] r, double m, short[] b, double[] w, double ms) {
      slot[i] = s;
      from[i] = f;
      to[i] = t;
      rise[i] = r;
      mean[i] = m;
      bins[i] = b;
      weights[i] = w;
      mass[i] = ms;
    }

    /** Removes entry i by moving the last one into it; returns the moved slot or −1. */
    int removeAt(int i) {
      int last = --size;
      int moved = -1;
      if (i != last) {
        set(
            i,
            slot[last],
            from[last],
            to[last],
            rise[last],
            mean[last],
            bins[last],
            weights[last],
            mass[last]);
        cx[i] = cx[last];
        cy[i] = cy[last];
        cz[i] = cz[last];
        moved = slot[i];
      }
      rise[last] = null;
      bins[last] = null;
      weights[last] = null;
      return moved;
    }

    /** Exactly {@link EarthMoversDistance#fromCdfs}(queryGrid, queryCdf, entry i). */
    double ovhEmd(int i, double[] q, double[] dt) {
      int n = q.length - 1;
      int f = Math.min(from[i], n);
      int t = Math.min(to[i], n);
      double[] r = rise[i];
      int base = from[i];
      double s = 0;
      int k = 0;
      for (; k < f; k++) {
        s += Math.abs(q[k] - 0.0) * dt[k];
      }
      for (; k < t; k++) {
        s += Math.abs(q[k] - r[k - base]) * dt[k];
      }
      for (; k < n; k++) {
        s += Math.abs(q[k] - 1.0) * dt[k];
      }
      return s;
    }

    long heapBytes() {
      long b = 64 + arr(grid == null ? 0 : grid.length, 8);
      int c = slot.length;
      b += arr(c, 4) + 2 * arr(c, 2) + 3 * arr(c, REF) + 5 * arr(c, 8);
      for (int i = 0; i < size; i++) {
        b += arr(rise[i].length, 8) + arr(bins[i].length, 2) + arr(weights[i].length, 8);
      }
      return b;
    }
  }

  private static final int REF = 4;

  private static long arr(int n, int elem) {
    return (16 + (long) n * elem + 7) / 8 * 8;
  }

  /** The query side of one partition. */
  private static final class QueryPair {
    final Partition part;
    final PairKey key;
    final double weight;
    final double[] cdf;
    final double[] dt;
    final double mean;
    final StsLowerBounds.Sparse sts;
    final WeightedPoints points;

    QueryPair(Partition part, double weight, PairSignature s) {
      this.part = part;
      this.key = part.key;
      this.weight = weight;
      OvhCurve c = s.ovh();
      if (!Arrays.equals(c.gridMm(), part.grid)) {
        throw new IllegalArgumentException("OVHs on different grids cannot be compared bin by bin");
      }
      double[] g = c.gridMm();
      cdf = c.cumulativeFraction();
      dt = new double[g.length - 1];
      for (int k = 0; k + 1 < g.length; k++) {
        dt[k] = g[k + 1] - g[k];
      }
      mean = StsLowerBounds.ovhGridMeanMm(g, cdf);
      sts = StsLowerBounds.Sparse.of(s.stsAmounts());
      points = sts.points();
    }
  }

  /** A candidate past stage 0. */
  private static final class Candidate {
    final Study study;
    final double tdAbs;
    final double sw;
    final int[] qp;
    final int[] pos;
    final double[] ovh;
    final double[] sts;
    double key;
    int stage;
    double score;

    Candidate(Study study, double tdAbs, double sw, int n) {
      this.study = study;
      this.tdAbs = tdAbs;
      this.sw = sw;
      qp = new int[n];
      pos = new int[n];
      ovh = new double[n];
      sts = new double[n];
    }
  }

  /**
   * Adds a study, or replaces it when its key is present.
   *
   * @param studyKey the study's key (also the ranking's tie-breaker)
   * @param targetDoseGy its target (prescription) dose (Gy)
   * @param pairs its signatures; STS amounts {@value org.rtds.features.knowledge.sts.StsBins#SIZE}
   *     each
   * @return true when a study with that key was replaced
   * @throws IllegalArgumentException when an OVH grid differs from its partition's grid, or an STS
   *     has the wrong size (nothing is changed then)
   */
  public boolean put(String studyKey, double targetDoseGy, Map<PairKey, PairSignature> pairs) {
    TreeMap<PairKey, Entry> entries = new TreeMap<>();
    for (Map.Entry<PairKey, PairSignature> e : pairs.entrySet()) {
      entries.put(e.getKey(), Entry.of(e.getValue()));
    }
    lock.writeLock().lock();
    try {
      for (Map.Entry<PairKey, Entry> e : entries.entrySet()) {
        Partition p = partitions.get(e.getKey());
        if (p != null && p.grid != null && !Arrays.equals(p.grid, e.getValue().grid())) {
          throw new IllegalArgumentException(
              "OVH grid of " + e.getKey() + " differs from the index's grid for that pair");
        }
      }
      boolean replaced = removeLocked(studyKey);
      int s = freeCount > 0 ? freeSlots[--freeCount] : slotEnd++;
      if (s >= bySlot.length) {
        bySlot = Arrays.copyOf(bySlot, bySlot.length * 2);
      }
      Partition[] parts = new Partition[entries.size()];
      int[] pos = new int[entries.size()];
      int j = 0;
      for (Map.Entry<PairKey, Entry> e : entries.entrySet()) {
        Partition p = partitions.computeIfAbsent(e.getKey(), Partition::new);
        if (p.grid == null) {
          p.grid = e.getValue().grid().clone();
        }
        parts[j] = p;
        pos[j++] = p.add(s, e.getValue());
      }
      pairCount += parts.length;
      Study st = new Study(studyKey, s, targetDoseGy, parts, pos);
      bySlot[s] = st;
      studies.put(studyKey, st);
      return replaced;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * @param studyKey a study's key
   * @return true when it was present (and is now removed)
   */
  public boolean remove(String studyKey) {
    lock.writeLock().lock();
    try {
      return removeLocked(studyKey);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean removeLocked(String studyKey) {
    Study st = studies.remove(studyKey);
    if (st == null) {
      return false;
    }
    for (int j = 0; j < st.parts.length; j++) {
      Partition p = st.parts[j];
      int moved = p.removeAt(st.pos[j]);
      if (moved >= 0) {
        Study m = bySlot[moved];
        for (int i = 0; i < m.parts.length; i++) {
          if (m.parts[i] == p) {
            m.pos[i] = st.pos[j];
            break;
          }
        }
      }
      if (p.size == 0) {
        partitions.remove(p.key);
      }
    }
    pairCount -= st.parts.length;
    bySlot[st.slot] = null;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = st.slot;
    return true;
  }

  /**
   * @return the number of studies
   */
  public int size() {
    lock.readLock().lock();
    try {
      return studies.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * @return the number of stored (study, pair) signatures
   */
  public int pairCount() {
    lock.readLock().lock();
    try {
      return pairCount;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * @param studyKey a key
   * @return whether the study is indexed
   */
  public boolean contains(String studyKey) {
    lock.readLock().lock();
    try {
      return studies.containsKey(studyKey);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * @return the caller's load watermark ({@link Long#MIN_VALUE} until set)
   */
  public long watermark() {
    lock.readLock().lock();
    try {
      return watermark;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Records how far the caller has loaded the database into the index (e.g. the highest {@code
   * ovh}/{@code sts} row id, or the feature job's updated time in ms). Never moves back.
   *
   * @param value the new watermark
   */
  public void advanceWatermark(long value) {
    lock.writeLock().lock();
    try {
      watermark = Math.max(watermark, value);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * An estimate of the heap the index holds (bytes): its arrays and per-study records, with 16-byte
   * array headers, 4-byte (compressed) references and 8-byte alignment; the study key strings are
   * counted at 1 byte per character (compact strings).
   *
   * @return bytes
   */
  public long heapBytesEstimate() {
    lock.readLock().lock();
    try {
      long b = arr(bySlot.length, REF) + arr(freeSlots.length, 4);
      for (Partition p : partitions.values()) {
        b += p.heapBytes() + 48;
      }
      for (Study s : studies.values()) {
        // HashMap node 32 + table slot, Study 32, String 24 + byte[] value
        b += 32 + REF + 32 + 24 + arr(s.key.length(), 1);
        b += arr(s.parts.length, REF) + arr(s.pos.length, 4);
      }
      return b;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The k most similar studies to the query (see the class comment).
   *
   * @param query the query study's pairs (its own key must not be indexed, or it ranks itself)
   * @param queryTargetDoseGy the query's target dose (Gy)
   * @param weights weights, scales and filter of the score
   * @param k how many (≥ 1)
   * @param organs TG-263 organ names whose pairs count, or null for all pairs
   * @return the top-k, their ranking and the counts
   */
  public Result query(
      Map<PairKey, PairSignature> query,
      double queryTargetDoseGy,
      SimilarityWeights weights,
      int k,
      Set<String> organs) {
    return query(query, queryTargetDoseGy, weights, k, organs, null);
  }

  /**
   * The k most similar studies to a query that may itself be indexed (see the class comment).
   *
   * @param query the query study's pairs
   * @param queryTargetDoseGy the query's target dose (Gy)
   * @param weights weights, scales and filter of the score
   * @param k how many (≥ 1)
   * @param organs TG-263 organ names whose pairs count, or null for all pairs
   * @param excludedKey a study key that is never a candidate (the query's own), or null
   * @return the top-k, their ranking and the counts (the excluded study is not counted)
   */
  public Result query(
      Map<PairKey, PairSignature> query,
      double queryTargetDoseGy,
      SimilarityWeights weights,
      int k,
      Set<String> organs,
      String excludedKey) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be ≥ 1");
    }
    lock.readLock().lock();
    try {
      return queryLocked(query, queryTargetDoseGy, weights, k, organs, excludedKey);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Result queryLocked(
      Map<PairKey, PairSignature> query,
      double qtd,
      SimilarityWeights w,
      int k,
      Set<String> organs,
      String excludedKey) {
    List<QueryPair> qps = new ArrayList<>();
    for (Map.Entry<PairKey, PairSignature> e : new TreeMap<>(query).entrySet()) {
      if (organs != null && !organs.contains(e.getKey().oarName())) {
        continue;
      }
      Partition p = partitions.get(e.getKey());
      if (p != null && p.size > 0) {
        qps.add(new QueryPair(p, w.oarWeight(e.getKey().oarName()), e.getValue()));
      }
    }
    int n = slotEnd;
    double so = w.ovhScaleMm();
    double ss = w.stsScaleMm();
    double wo = w.ovhWeight();
    double ws = w.stsWeight();
    double[] lb = new double[n];
    double[] sw = new double[n];
    int[] cnt = new int[n];
    for (QueryPair q : qps) {
      Partition p = q.part;
      double wk = q.weight;
      StsLowerBounds.Sparse qs = q.sts;
      for (int i = 0; i < p.size; i++) {
        int s = p.slot[i];
        double lo = Math.abs(q.mean - p.mean[i]);
        double ls =
            StsLowerBounds.centroidBound(
                qs.mass(), qs.cx(), qs.cy(), qs.cz(), p.mass[i], p.cx[i], p.cy[i], p.cz[i]);
        lb[s] += wk * (wo * (lo / so) + ws * (ls / ss));
        sw[s] += wk;
        cnt[s]++;
      }
    }
    int excludedTd = 0;
    int excludedWeight = 0;
    int candidates = 0;
    int[] heap = new int[n];
    double[] key = new double[n];
    int heapSize = 0;
    List<Study> all = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (cnt[s] == 0 || bySlot[s].key.equals(excludedKey)) {
        continue;
      }
      Study st = bySlot[s];
      double td = Math.abs(qtd - st.targetDoseGy);
      if (!(td <= w.maxTargetDoseDifferenceGy())) {
        excludedTd++;
        continue;
      }
      if (w.scales() != SimilarityWeights.Scales.FIXED) {
        all.add(st);
        continue;
      }
      if (!(sw[s] > 0)) {
        excludedWeight++;
        continue;
      }
      candidates++;
      key[s] = lb[s] / sw[s] + w.targetDoseWeight() * td / w.targetDoseScaleGy();
      heap[heapSize++] = s;
    }
    if (w.scales() != SimilarityWeights.Scales.FIXED) {
      return fullScan(all, qps, qtd, w, k, excludedTd);
    }
    for (int i = heapSize / 2 - 1; i >= 0; i--) {
      siftDown(heap, key, heapSize, i);
    }
    Comparator<Candidate> byScore =
        Comparator.<Candidate>comparingDouble(c -> c.score).thenComparing(c -> c.study.key);
    PriorityQueue<Candidate> best = new PriorityQueue<>(byScore.reversed());
    PriorityQueue<Candidate> refined = new PriorityQueue<>(Comparator.comparingDouble(c -> c.key));
    double[] scratch = new double[StsLowerBounds.SCRATCH];
    int exactOvh = 0;
    int exactSts = 0;
    long stsEmds = 0;
    while (true) {
      double limit =
          best.size() < k
              ? Double.POSITIVE_INFINITY
              : best.peek().score + SLACK * Math.max(1, Math.abs(best.peek().score));
      double h0 = heapSize > 0 ? key[heap[0]] : Double.POSITIVE_INFINITY;
      double h1 = refined.isEmpty() ? Double.POSITIVE_INFINITY : refined.peek().key;
      if (Math.min(h0, h1) > limit || (heapSize == 0 && refined.isEmpty())) {
        break;
      }
      if (h0 <= h1) {
        int s = heap[0];
        heap[0] = heap[--heapSize];
        siftDown(heap, key, heapSize, 0);
        Candidate c = stageOne(bySlot[s], qps, qtd, sw[s], w, scratch);
        exactOvh++;
        if (c.key <= limit) {
          refined.add(c);
        }
      } else {
        Candidate c = refined.poll();
        int done = stageTwo(c, qps, w, limit);
        stsEmds += done;
        if (c.stage == 2) {
          exactSts++;
          if (best.size() < k) {
            best.add(c);
          } else if (byScore.compare(c, best.peek()) < 0) {
            best.poll();
            best.add(c);
          }
        }
      }
    }
    List<Candidate> top = new ArrayList<>(best);
    top.sort(byScore);
    List<CandidateComparison> out = new ArrayList<>(top.size());
    for (Candidate c : top) {
      out.add(comparison(c, qps, qtd));
    }
    return new Result(
        out,
        SimilarityRanking.rank(out, w),
        new Stats(
            candidates,
            excludedTd,
            excludedWeight,
            exactOvh,
            exactSts,
            stsEmds,
            candidates - exactSts));
  }

  private Result fullScan(
      List<Study> all,
      List<QueryPair> qps,
      double qtd,
      SimilarityWeights w,
      int k,
      int excludedTd) {
    List<CandidateComparison> comps = new ArrayList<>(all.size());
    Map<String, CandidateComparison> byKey = new HashMap<>();
    long emds = 0;
    for (Study st : all) {
      Candidate c = join(st, qps, Math.abs(qtd - st.targetDoseGy), 0);
      for (int j = 0; j < c.qp.length; j++) {
        QueryPair q = qps.get(c.qp[j]);
        c.ovh[j] = q.part.ovhEmd(c.pos[j], q.cdf, q.dt);
        c.sts[j] = stsExact(q, c.pos[j]);
      }
      emds += c.qp.length;
      CandidateComparison cc = comparison(c, qps, qtd);
      comps.add(cc);
      byKey.put(cc.studyKey(), cc);
    }
    Ranking full = SimilarityRanking.rank(comps, w);
    List<CandidateComparison> out = new ArrayList<>();
    for (int i = 0; i < Math.min(k, full.ranked().size()); i++) {
      out.add(byKey.get(full.ranked().get(i).studyKey()));
    }
    int excludedWeight = full.excluded().size();
    int ranked = full.ranked().size();
    // the scales are the medians over all candidates: keep the full ranking's first k
    return new Result(
        out,
        new Ranking(full.ranked().subList(0, out.size()), List.of()),
        new Stats(ranked, excludedTd, excludedWeight, comps.size(), comps.size(), emds, 0));
  }

  private static Candidate join(Study st, List<QueryPair> qps, double tdAbs, double sw) {
    int m = 0;
    int[] qp = new int[Math.min(qps.size(), st.parts.length)];
    int[] pos = new int[qp.length];
    int a = 0;
    int b = 0;
    while (a < qps.size() && b < st.parts.length) {
      int c = qps.get(a).key.compareTo(st.parts[b].key);
      if (c == 0) {
        qp[m] = a;
        pos[m++] = st.pos[b];
        a++;
        b++;
      } else if (c < 0) {
        a++;
      } else {
        b++;
      }
    }
    Candidate c = new Candidate(st, tdAbs, sw, m);
    System.arraycopy(qp, 0, c.qp, 0, m);
    System.arraycopy(pos, 0, c.pos, 0, m);
    return c;
  }

  private static Candidate stageOne(
      Study st, List<QueryPair> qps, double qtd, double sw, SimilarityWeights w, double[] scratch) {
    Candidate c = join(st, qps, Math.abs(qtd - st.targetDoseGy), sw);
    double s = 0;
    for (int j = 0; j < c.qp.length; j++) {
      QueryPair q = qps.get(c.qp[j]);
      Partition p = q.part;
      int i = c.pos[j];
      c.ovh[j] = p.ovhEmd(i, q.cdf, q.dt);
      StsLowerBounds.Sparse qs = q.sts;
      c.sts[j] =
          StsLowerBounds.bound(
              qs.bins(),
              qs.weights(),
              qs.mass(),
              qs.cx(),
              qs.cy(),
              qs.cz(),
              p.bins[i],
              p.weights[i],
              p.mass[i],
              p.cx[i],
              p.cy[i],
              p.cz[i],
              scratch);
      s +=
          q.weight
              * (w.ovhWeight() * (c.ovh[j] / w.ovhScaleMm())
                  + w.stsWeight() * (c.sts[j] / w.stsScaleMm()));
    }
    c.key = s / sw + w.targetDoseWeight() * c.tdAbs / w.targetDoseScaleGy();
    c.stage = 1;
    return c;
  }

  /** Exact STS EMDs pair by pair; stops when the bound exceeds limit. Returns EMDs computed. */
  private int stageTwo(Candidate c, List<QueryPair> qps, SimilarityWeights w, double limit) {
    double wo = w.ovhWeight();
    double ws = w.stsWeight();
    double so = w.ovhScaleMm();
    double ss = w.stsScaleMm();
    double tdTerm = w.targetDoseWeight() * c.tdAbs / w.targetDoseScaleGy();
    int m = c.qp.length;
    // largest bound first: the exact values of far pairs raise the bound fastest
    int[] order = new int[m];
    double[] lbTerm = new double[m];
    for (int j = 0; j < m; j++) {
      order[j] = j;
      lbTerm[j] = qps.get(c.qp[j]).weight * c.sts[j];
    }
    for (int i = 1; i < m; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= 0 && lbTerm[order[j]] < lbTerm[x]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    int done = 0;
    while (done < m) {
      int end = Math.min(m, done + threads);
      if (end - done == 1) {
        int j = order[done];
        c.sts[j] = stsExact(qps.get(c.qp[j]), c.pos[j]);
      } else {
        IntStream.range(done, end)
            .parallel()
            .forEach(
                t -> {
                  int j = order[t];
                  c.sts[j] = stsExact(qps.get(c.qp[j]), c.pos[j]);
                });
      }
      done = end;
      if (done < m) {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += qps.get(c.qp[i]).weight * (wo * (c.ovh[i] / so) + ws * (c.sts[i] / ss));
        }
        if (s / c.sw + tdTerm > limit) {
          return done;
        }
      }
    }
    // the score exactly as SimilarityRanking.rank computes it (pairs in key order)
    double s = 0;
    double sw = 0;
    for (int j = 0; j < m; j++) {
      double wk = qps.get(c.qp[j]).weight;
      double o = c.ovh[j] / so;
      double st = c.sts[j] / ss;
      sw += wk;
      s += wk * (wo * o + ws * st);
    }
    c.score = s / sw + tdTerm;
    c.stage = 2;
    return m;
  }

  private static double stsExact(QueryPair q, int i) {
    Partition p = q.part;
    return EarthMoversDistance.exact(q.points, StsLowerBounds.points(p.bins[i], p.weights[i]));
  }

  private static CandidateComparison comparison(Candidate c, List<QueryPair> qps, double qtd) {
    List<CandidateComparison.PairComparison> pairs = new ArrayList<>(c.qp.length);
    for (int j = 0; j < c.qp.length; j++) {
      pairs.add(new CandidateComparison.PairComparison(qps.get(c.qp[j]).key, c.ovh[j], c.sts[j]));
    }
    return new CandidateComparison(c.study.key, qtd - c.study.targetDoseGy, pairs);
  }

  private static void siftDown(int[] heap, double[] key, int size, int i) {
    int x = heap[i];
    double kx = key[x];
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int c = r < size && key[heap[r]] < key[heap[l]] ? r : l;
      if (key[heap[c]] >= kx) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  }
}

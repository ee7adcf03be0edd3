package org.rtds.features.knowledge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.index.SignatureIndex;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.RankedCandidate;
import org.rtds.features.knowledge.ranking.Ranking;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.sts.StsCodec;
import org.rtds.features.knowledge.testing.SyntheticSignatures;
import org.rtds.features.knowledge.testing.SyntheticSignatures.Study;

/**
 * Not a test: the similarity query of a new study against 1,000 / 10,000 / 100,000 stored studies
 * of realistic synthetic signatures (20 organs × PTV_All and PTV_High, 10 % of the pairs missing,
 * OVH rising smoothly over 20–90 mm, STS of 400 samples around a direction: 20–100 non-empty bins),
 * comparing the plain scan (every exact EMD, as {@code SimilarityWriter} does, without the SQL)
 * with {@link SignatureIndex}; the cost of adding one study to 10,000; the index heap; and the
 * decoding of the stored text a node pays at start. Run with {@code bench/similarity-bench.sh}.
 */
public final class SimilarityBench {
  private SimilarityBench() {}

  private static final List<String> LEVELS = List.of("PTV_All", "PTV_High");
  private static final int ORGANS = 20;
  private static final double MISSING = 0.1;
  private static final int K = 10;
  private static final Set<String> ORGAN = Set.of("OAR_03");

  public static void main(String[] args) {
    int maxN = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int nq = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int plainQueries = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int plainN = 1000;
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    System.out.printf(
        Locale.ROOT,
        "cores %d, max heap %d MB, load average %.2f; %d organs × %s, %.0f %% pairs missing, k = %d%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        ORGANS,
        LEVELS,
        100 * MISSING,
        K);
    SyntheticSignatures g = new SyntheticSignatures(7, LEVELS, ORGANS, MISSING);
    List<Study> queries = new ArrayList<>();
    for (int i = 0; i < nq; i++) {
      queries.add(g.realistic("Q" + i));
    }
    // warm-up on a small index
    SignatureIndex warm = new SignatureIndex();
    for (int i = 0; i < 300; i++) {
      Study s = g.realistic("W" + i);
      warm.put(s.key(), s.targetDoseGy(), s.pairs());
    }
    for (int r = 0; r < 3; r++) {
      for (Study q : queries) {
        warm.query(q.pairs(), q.targetDoseGy(), SimilarityWeights.DEFAULT, K, null);
      }
    }
    warm = null;
    long used0 = usedAfterGc(mem);
    SignatureIndex index = new SignatureIndex();
    List<Study> dense = new ArrayList<>();
    long buildNs = 0;
    long pairs = 0;
    long nonEmptyBins = 0;
    long riseValues = 0;
    double plainPerCandidateS = Double.NaN;
    List<String> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int n = 0;
    for (int checkpoint : new int[] {1000, 10_000, 100_000}) {
      if (checkpoint > maxN) {
        break;
      }
      while (n < checkpoint) {
        Study s = g.realistic(String.format("S%06d", n));
        if (dense != null && dense.size() < plainN) {
          dense.add(s);
        }
        for (PairSignature p : s.pairs().values()) {
          pairs++;
          for (double v : p.stsAmounts()) {
            nonEmptyBins += v > 0 ? 1 : 0;
          }
          for (double v : p.ovh().cumulativeFraction()) {
            riseValues += v > 0 && v < 1 ? 1 : 0;
          }
        }
        long t = System.nanoTime();
        index.put(s.key(), s.targetDoseGy(), s.pairs());
        buildNs += System.nanoTime() - t;
        n++;
      }
      if (checkpoint == 1000) {
        System.out.printf(
            Locale.ROOT,
            "per study %.1f pairs; per pair %.1f non-empty STS bins, %.1f OVH values in (0, 1)%n",
            pairs / (double) n,
            nonEmptyBins / (double) pairs,
            riseValues / (double) pairs);
      }
      // (a) plain scan
      String plain;
      if (n == plainN) {
        List<Double> s = new ArrayList<>();
        for (int qi = 0; qi < Math.min(plainQueries, nq); qi++) {
          Study q = queries.get(qi);
          long t = System.nanoTime();
          Ranking full = plainScan(q, dense);
          s.add((System.nanoTime() - t) / 1e9);
          SignatureIndex.Result r =
              index.query(q.pairs(), q.targetDoseGy(), SimilarityWeights.DEFAULT, K, null);
          List<String> a = r.ranking().ranked().stream().map(RankedCandidate::studyKey).toList();
          List<String> e =
              full.ranked().subList(0, K).stream().map(RankedCandidate::studyKey).toList();
          for (int i = 0; i < K; i++) {
            if (!a.get(i).equals(e.get(i))
                || r.ranking().ranked().get(i).score() != full.ranked().get(i).score()) {
              throw new IllegalStateException("index top-k differs from the plain scan: " + a + e);
            }
          }
        }
        double med = median(s);
        plainPerCandidateS = med / plainN;
        plain = String.format(Locale.ROOT, "%.1f (measured, %d queries)", med, s.size());
        notes.add(
            String.format(
                Locale.ROOT,
                "plain scan at 1,000: top-%d identical to the index (keys and scores) for %d queries",
                K,
                s.size()));
        dense = null;
      } else {
        plain =
            String.format(Locale.ROOT, "%.0f (extrapolated from 1,000)", plainPerCandidateS * n);
      }
      // (b) index queries
      Run all = run(index, queries, null);
      Run one = run(index, queries, ORGAN);
      String heap = "";
      if (n == 100_000 || n == maxN) {
        long used1 = usedAfterGc(mem);
        heap =
            String.format(
                Locale.ROOT,
                "%.0f MB measured, %.0f MB estimated",
                (used1 - used0) / 1048576.0,
                index.heapBytesEstimate() / 1048576.0);
      }
      rows.add(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %.0f (CPU %.0f) | %s | %.0f | %s | %.1f | %s |",
              n,
              plain,
              all.medianMs,
              all.medianCpuMs,
              all.stats,
              one.medianMs,
              one.stats,
              buildNs / 1e9,
              heap));
      System.out.println("  " + rows.get(rows.size() - 1));
      if (n == 10_000) {
        notes.add(addOne(index, g, plainPerCandidateS * n));
      }
    }
    notes.add(load(g, maxN));
    System.out.printf(
        Locale.ROOT,
        "%n| N studies | plain scan, all exact EMDs (s) | index top-%d, all pairs: median wall ms (process CPU ms)"
            + " | bounded / exact candidates / exact STS EMDs (medians)"
            + " | index top-%d, organ %s: median ms | bounded / exact / EMDs | index build (s, put only) | index heap |%n",
        K,
        K,
        ORGAN.iterator().next());
    System.out.println("|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    notes.forEach(x -> System.out.println("- " + x));
    System.out.printf(
        Locale.ROOT,
        "load average at the end %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private record Run(double medianMs, double medianCpuMs, String stats) {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static Run run(SignatureIndex index, List<Study> queries, Set<String> organs) {
    List<Double> ms = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> cands = new ArrayList<>();
    List<Double> stage1 = new ArrayList<>();
    List<Double> emds = new ArrayList<>();
    for (Study q : queries) {
      long c = OS.getProcessCpuTime();
      long t = System.nanoTime();
      SignatureIndex.Result r =
          index.query(q.pairs(), q.targetDoseGy(), SimilarityWeights.DEFAULT, K, organs);
      ms.add((System.nanoTime() - t) / 1e6);
      cpu.add((OS.getProcessCpuTime() - c) / 1e6);
      cands.add((double) r.stats().exactStsCandidates());
      stage1.add((double) r.stats().exactOvhCandidates());
      emds.add((double) r.stats().exactStsEmds());
    }
    return new Run(
        median(ms),
        median(cpu),
        String.format(
            Locale.ROOT, "%.0f / %.0f / %.0f", median(stage1), median(cands), median(emds)));
  }

  static Ranking plainScan(Study q, List<Study> stored) {
    List<CandidateComparison> c = new ArrayList<>(stored.size());
    for (Study h : stored) {
      c.add(
          SimilarityRanking.compare(
              h.key(), q.targetDoseGy(), h.targetDoseGy(), q.pairs(), h.pairs()));
    }
    return SimilarityRanking.rank(c, SimilarityWeights.DEFAULT);
  }

  /** (c) one new study into a 10,000-study base. */
  private static String addOne(SignatureIndex index, SyntheticSignatures g, double plainS) {
    List<Double> put = new ArrayList<>();
    List<Double> query = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Study s = g.realistic("NEW" + i);
      long t = System.nanoTime();
      index.put(s.key(), s.targetDoseGy(), s.pairs());
      put.add((System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      index.query(s.pairs(), s.targetDoseGy(), SimilarityWeights.DEFAULT, K, null);
      query.add((System.nanoTime() - t) / 1e6);
      index.remove(s.key());
    }
    return String.format(
        Locale.ROOT,
        "adding one study to 10,000: plain (its EMDs against all, what SimilarityWriter computes;"
            + " the same EMDs serve both directions) %.0f s extrapolated, without writing its"
            + " 2 × pairs × 10,000 rows; index: put %.2f ms + its own top-%d %.0f ms (medians of 7);"
            + " the other direction costs nothing more with the index, each study's ranking is"
            + " computed when asked",
        plainS,
        median(put),
        K,
        median(query));
  }

  /** (e) decoding the stored text into the index, per study, extrapolated. */
  private static String load(SyntheticSignatures g, int maxN) {
    int m = 1000;
    List<String[]> text = new ArrayList<>();
    List<PairKey[]> keys = new ArrayList<>();
    long chars = 0;
    for (int i = 0; i < m; i++) {
      Study s = g.realistic("L" + i);
      PairKey[] k = s.pairs().keySet().toArray(new PairKey[0]);
      String[] t = new String[6 * k.length + 1];
      t[0] = Double.toString(s.targetDoseGy());
      int j = 1;
      for (PairKey key : k) {
        PairSignature p = s.pairs().get(key);
        OvhCurve c = p.ovh();
        t[j++] = OvhCodec.encodeDistances(c.gridMm());
        t[j++] = NumberLists.join(c.cumulativeFraction(), OvhCodec.FRACTION_DIGITS);
        StsCodec.StsRow row = StsCodec.encode(p.stsAmounts());
        t[j++] = row.elevationBins();
        t[j++] = row.distanceBins();
        t[j++] = row.azimuthBins();
        t[j++] = row.amounts();
      }
      for (String x : t) {
        chars += x.length();
      }
      text.add(t);
      keys.add(k);
    }
    double best = Double.POSITIVE_INFINITY;
    double bestDecode = 0;
    for (int rep = 0; rep < 3; rep++) {
      SignatureIndex index = new SignatureIndex();
      long decodeNs = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < m; i++) {
        String[] t = text.get(i);
        PairKey[] k = keys.get(i);
        long d = System.nanoTime();
        Map<PairKey, PairSignature> pairs = new TreeMap<>();
        for (int j = 0; j < k.length; j++) {
          int o = 1 + 6 * j;
          pairs.put(
              k[j],
              new PairSignature(
                  OvhCodec.decode(t[o], t[o + 1]),
                  StsCodec.decode(new StsCodec.StsRow(t[o + 2], t[o + 3], t[o + 4], t[o + 5]))));
        }
        decodeNs += System.nanoTime() - d;
        index.put("L" + i, Double.parseDouble(t[0]), pairs);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (s < best) {
        best = s;
        bestDecode = decodeNs / 1e9;
      }
    }
    double perStudyMs = best / m * 1e3;
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "loading from the stored text (OvhCodec/StsCodec.decode + put, %d studies timed,"
                    + " %.0f kB of column text per study): %.2f ms per study (decode %.0f %%) →",
                m,
                chars / (double) m / 1000,
                perStudyMs,
                100 * bestDecode / best));
    for (int n : new int[] {1000, 10_000, 100_000}) {
      if (n <= Math.max(maxN, 1000)) {
        sb.append(String.format(Locale.ROOT, " %,d: %.1f s;", n, perStudyMs * n / 1e3));
      }
    }
    sb.append(" (extrapolated linearly, one thread, SQL transfer not included)");
    return sb.toString();
  }

  private static long usedAfterGc(MemoryMXBean mem) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int n = a.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }
}

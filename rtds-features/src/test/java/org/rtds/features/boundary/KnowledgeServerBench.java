package org.rtds.features.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;
import org.rtds.features.control.KnowledgeRows;
import org.rtds.features.control.SimilarityWriter;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.testing.StoredStudies;
import org.rtds.features.knowledge.testing.SyntheticSignatures;

/**
 * Not a test: the server's own knowledge-base code end to end on MariaDB, at growing sizes. A
 * throwaway database migrated by the real migrations holds N synthetic studies as the feature job
 * leaves them (20 organs × PTV_All and PTV_High, 10 % of the pairs missing; ovh/sts codec text, r_v
 * values, the plan's prescription, a computed DVH per organ). Then, with the server's classes
 * ({@link KnowledgeIndex}, {@link KnowledgeIndexLoader}, {@link KnowledgeBase}, {@link
 * SimilarityWriter}) on a RESOURCE_LOCAL persistence unit, it times: a node's full load; the
 * answers {@code /similar} (top 10, all pairs and one organ) and {@code /qc}; adding one study (its
 * similarity step, with its rows, committed); another node's catch-up of that study; and, as the
 * peer on the same rows, the plain scan that the server used before (decode every stored study,
 * every EMD, rank), at the sizes where it takes under a minute. Arguments: the sizes (default 1000
 * 10000). Run by {@code bench/similarity-bench.sh server}.
 */
public final class KnowledgeServerBench {
  private KnowledgeServerBench() {}

  private static final KnowledgeBase.Caller CALLER = LocalKnowledge.caller(false);

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1000, 10_000);
    }
    SyntheticSignatures g = new SyntheticSignatures(7, List.of("PTV_All", "PTV_High"), 20, 0.1);
    Random rnd = new Random(11);
    try (TestDatabase database = TestDatabase.create("knowledge_bench")) {
      new SchemaMigrator(database.dataSource()).migrate();
      EntityManagerFactory factory = TestPersistence.createEntityManagerFactory(database);
      System.out.printf(
          Locale.ROOT,
          "Server code end to end on MariaDB (%s), %d cores, heap max %d MB, load average %.2f%n",
          database.name(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println(
          "| N studies | insert s | node load s | node heap MB | /similar top-10 ms | /similar"
              + " one organ ms | /qc ms (organs) | add one study: similarity step ms (rows) |"
              + " a node's catch-up of it ms | plain scan s (peer) |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      List<Integer> ids = new ArrayList<>();
      try (Connection c =
          java.sql.DriverManager.getConnection(
              database.jdbcUrl() + "&rewriteBatchedStatements=true",
              database.user(),
              database.password())) {
        c.setAutoCommit(false);
        StoredStudies writer =
            new StoredStudies(c, g.keys().stream().map(PairKey::oarName).distinct().toList());
        for (int size : sizes) {
          long t = System.nanoTime();
          while (ids.size() < size) {
            SyntheticSignatures.Study s = g.realistic("x");
            int id =
                writer.store(
                    new SyntheticSignatures.Study("x", Math.round(s.targetDoseGy()), s.pairs()),
                    true);
            writer.logChange(id);
            ids.add(id);
            if (ids.size() % 200 == 0) {
              c.commit();
            }
          }
          c.commit();
          double insertS = (System.nanoTime() - t) / 1e9;

          long heap0 = usedHeap();
          KnowledgeIndex node = LocalKnowledge.index(factory);
          t = System.nanoTime();
          node.refresh();
          double loadS = (System.nanoTime() - t) / 1e9;
          long heapMb = (usedHeap() - heap0) >> 20;

          EntityManager em = factory.createEntityManager();
          KnowledgeBase kb = LocalKnowledge.knowledgeBase(em, node);
          double[] similar = new double[7];
          double[] organ = new double[7];
          double[] qc = new double[7];
          int organs = 0;
          for (int q = 0; q < 7; q++) {
            int id = ids.get(rnd.nextInt(ids.size()));
            em.clear();
            t = System.nanoTime();
            kb.similar(id, CALLER, null, 10, KnowledgeBase.Settings.DEFAULT);
            similar[q] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            kb.similar(id, CALLER, "OAR_03", 10, KnowledgeBase.Settings.DEFAULT);
            organ[q] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            organs = kb.qc(id, CALLER, KnowledgeBase.Settings.DEFAULT).size();
            qc[q] = (System.nanoTime() - t) / 1e6;
          }
          em.close();

          // add one study: its rows are written by its computation, then the similarity step;
          // the node has not applied the study's change-log row yet, so its next refresh is the
          // catch-up any other node makes
          int added = writer.store(g.realistic("added"), true);
          c.commit();
          EntityManager tx = factory.createEntityManager();
          t = System.nanoTime();
          tx.getTransaction().begin();
          String summary = new SimilarityWriter(tx, node.signatures(), node::refresh).store(added);
          tx.getTransaction().commit();
          double addMs = (System.nanoTime() - t) / 1e6;
          tx.close();
          String rows = summary.replaceAll(".*\\(\\d+ studies, (\\d+) rows.*", "$1");
          ids.add(added);
          if (node.entry(added) != null) {
            throw new IllegalStateException("the node saw the study before its change-log row");
          }
          t = System.nanoTime();
          node.refresh();
          double catchUpMs = (System.nanoTime() - t) / 1e6;
          if (node.entry(added) == null) {
            throw new IllegalStateException("the node did not catch up");
          }

          String plain = "—";
          if (size <= 2000) {
            t = System.nanoTime();
            plainScan(factory, ids.get(0));
            plain = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t) / 1e9);
          }
          System.out.printf(
              Locale.ROOT,
              "| %,d | %.1f | %.1f | %,d | %.0f | %.0f | %.0f (%d) | %.0f (%s) | %.0f | %s |%n",
              size,
              insertS,
              loadS,
              heapMb,
              median(similar),
              median(organ),
              median(qc),
              organs,
              addMs,
              rows,
              catchUpMs,
              plain);
        }
        writer.close();
      }
      factory.close();
    }
  }

  /** What SimilarityWriter did before the index: decode every stored study, every EMD, rank. */
  private static void plainScan(EntityManagerFactory factory, int queryId) {
    EntityManager em = factory.createEntityManager();
    try {
      KnowledgeRows rows = new KnowledgeRows(em);
      List<Integer> ids = rows.studiesWithSignatures();
      Map<Integer, Map<PairKey, PairSignature>> all = rows.signatures(ids);
      Map<Integer, Double> rx = new HashMap<>(rows.prescriptions(ids));
      Map<PairKey, PairSignature> q = all.remove(queryId);
      List<CandidateComparison> c = new ArrayList<>();
      all.forEach(
          (id, pairs) ->
              c.add(
                  SimilarityRanking.compare(
                      String.valueOf(id), rx.get(queryId), rx.get(id), q, pairs)));
      SimilarityRanking.rank(c, SimilarityWeights.DEFAULT);
    } finally {
      em.close();
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}

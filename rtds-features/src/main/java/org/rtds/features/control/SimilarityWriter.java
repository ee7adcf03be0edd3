package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rtds.domain.feature.KnowledgeChange;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.index.SignatureIndex;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.SimilarityWeights;

/**
 * Stores a study's {@code similarity} rows, in the caller's transaction, after its geometry
 * features: for every organ of the study, the {@value #STORED_PER_ORGAN} most similar stored
 * studies on that organ's pairs (found with this node's {@link SignatureIndex}, exact top-k), one
 * row per (query study, historical study, target level, organ) in both directions, with the OVH and
 * STS earth mover's distances (mm) and the target-dose difference (Gy, query minus historical
 * prescription; null when either is unknown). A study's rows in either direction are replaced when
 * it is computed again, so running it twice leaves the same rows.
 *
 * <p>The rows are the record of the comparison at feature time, chosen under the default weights;
 * the knowledge base's answers ({@code KnowledgeBase}) rank the index under the configured weights
 * when asked, so a study computed later takes part in every earlier study's answers at once
 * (docs/knowledge-base.md, ARCHITECTURE.md D35).
 *
 * <p>Every study is compared, from every account: who may see which study identifiably is decided
 * when the rows are read. Computations are serialised across nodes by a row lock on the {@value
 * TargetLevels#ALL} dictionary entry; each appends its entry to the change log ({@code
 * rtds_knowledge_change}) under that lock, so the entries commit in id order and every node's
 * index, caught up from the log before the comparison, has every other committed study.
 */
public final class SimilarityWriter {

  /** Stored neighbours per organ (both directions). */
  public static final int STORED_PER_ORGAN = 20;

  /** How the stored neighbours are chosen: the default weights, any prescription. */
  private static final SimilarityWeights SELECTION =
      SimilarityWeights.DEFAULT.withMaxTargetDoseDifferenceGy(Double.POSITIVE_INFINITY);

  private final EntityManager em;
  private final Runnable refresh;
  private final SignatureIndex index;

  /**
   * @param em the computation's persistence context
   * @param index this node's index of the other stored studies
   * @param refresh brings {@code index} up to date with the committed studies (in a transaction of
   *     its own)
   */
  public SimilarityWriter(EntityManager em, SignatureIndex index, Runnable refresh) {
    this.em = Objects.requireNonNull(em, "em");
    this.index = Objects.requireNonNull(index, "index");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /**
   * @param studyId the study whose geometry features were just stored
   * @return a summary for the job's detail
   */
  public String store(int studyId) {
    lockKnowledgeBase();
    em.createQuery("delete from Similarity s where s.study.id = :id or s.historicalStudy.id = :id")
        .setParameter("id", studyId)
        .executeUpdate();
    KnowledgeChange change = new KnowledgeChange();
    change.setStudyId(studyId);
    change.setChangedAt(LocalDateTime.now(ZoneOffset.UTC));
    em.persist(change);
    KnowledgeRows stored = new KnowledgeRows(em);
    Map<PairKey, PairSignature> query =
        stored.signatures(List.of(studyId)).getOrDefault(studyId, Map.of());
    if (query.isEmpty()) {
      return "no similarity: the study has no OVH/STS";
    }
    Double rx = stored.prescriptions(List.of(studyId)).get(studyId);
    if (rx == null) {
      return "no similarity: the study's prescription is unknown";
    }
    refresh.run();
    Map<String, OarDictionaryEntry> entries = new HashMap<>();
    for (OarDictionaryEntry e :
        em.createQuery("select e from OarDictionaryEntry e", OarDictionaryEntry.class)
            .getResultList()) {
      entries.put(e.getRoiName(), e);
    }
    String self = String.valueOf(studyId);
    Map<String, Map<PairKey, CandidateComparison.PairComparison>> chosen = new TreeMap<>();
    Map<String, Double> differences = new HashMap<>();
    for (String organ : new TreeSet<>(query.keySet().stream().map(PairKey::oarName).toList())) {
      SignatureIndex.Result r =
          index.query(query, rx, SELECTION, STORED_PER_ORGAN, Set.of(organ), self);
      for (CandidateComparison c : r.topK()) {
        differences.put(c.studyKey(), c.targetDoseDifferenceGy());
        Map<PairKey, CandidateComparison.PairComparison> pairs =
            chosen.computeIfAbsent(c.studyKey(), k -> new TreeMap<>());
        c.pairs().forEach(p -> pairs.put(p.key(), p));
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, Map<PairKey, CandidateComparison.PairComparison>> other :
        chosen.entrySet()) {
      int historical = Integer.parseInt(other.getKey());
      double diff = differences.get(other.getKey());
      for (CandidateComparison.PairComparison p : other.getValue().values()) {
        int ptv = entries.get(p.key().ptvRole()).getId();
        int oar = entries.get(p.key().oarName()).getId();
        rows.add(row(studyId, historical, ptv, oar, p.ovhEmdMm(), p.stsEmdMm(), diff));
        rows.add(row(historical, studyId, ptv, oar, p.ovhEmdMm(), p.stsEmdMm(), -diff));
      }
    }
    insert(rows);
    return String.format(
        Locale.ROOT,
        "similarity with the %d other indexed studies; the %d most similar per organ stored (%d"
            + " studies, %d rows, both directions)",
        index.size() - (index.contains(self) ? 1 : 0),
        STORED_PER_ORGAN,
        chosen.size(),
        rows.size());
  }

  private void lockKnowledgeBase() {
    OarDictionaryEntry all =
        em.createNamedQuery(OarDictionaryEntry.FIND_BY_ROI_NAME, OarDictionaryEntry.class)
            .setParameter("roiName", TargetLevels.ALL)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("oar_dictionary lacks PTV_All (V6)"));
    em.lock(all, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * One {@code similarity} row's values, in the order of {@link #INSERT}: query study, historical
   * study, DBStudyID (the historical id as text), target level, TargetOAR (the organ's dictionary
   * id as text), OVH and STS EMD (mm), target-dose difference (Gy).
   */
  private static Object[] row(
      int query,
      int historical,
      int ptvEntryId,
      int oarEntryId,
      double ovhEmdMm,
      double stsEmdMm,
      double targetDoseDifferenceGy) {
    return new Object[] {
      query,
      historical,
      String.valueOf(historical),
      ptvEntryId,
      String.valueOf(oarEntryId),
      ovhEmdMm,
      stsEmdMm,
      targetDoseDifferenceGy
    };
  }

  private static final String INSERT =
      "insert into similarity (fk_study_id_id, fk_historical_study_id, DBStudyID, fk_ptv_id,"
          + " TargetOAR, OVHDissimilarity, STSDissimilarity, Similarity) values ";

  /** Rows per statement: one round trip for a few hundred rows instead of one each. */
  private static final int ROWS_PER_INSERT = 250;

  /**
   * Writes the rows with multi-row inserts (the entity's IDENTITY ids would make Hibernate send one
   * statement per row: about 2 ms each, seconds for a study's rows).
   */
  private void insert(List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      StringBuilder sql = new StringBuilder(INSERT);
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)");
      }
      Query q = em.createNativeQuery(sql.toString());
      int p = 1;
      for (Object[] r : chunk) {
        for (Object v : r) {
          q.setParameter(p++, v);
        }
      }
      q.executeUpdate();
    }
  }
}

package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.rtds.domain.feature.Similarity;
import org.rtds.domain.patient.Study;
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
      new SimilarityWeights(
          SimilarityWeights.DEFAULT.ovhWeight(),
          SimilarityWeights.DEFAULT.stsWeight(),
          SimilarityWeights.DEFAULT.targetDoseWeight(),
          SimilarityWeights.DEFAULT.ovhScaleMm(),
          SimilarityWeights.DEFAULT.stsScaleMm(),
          SimilarityWeights.DEFAULT.targetDoseScaleGy(),
          Double.POSITIVE_INFINITY,
          Map.of(),
          1,
          SimilarityWeights.Scales.FIXED);

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
    KnowledgeRows rows = new KnowledgeRows(em);
    Map<PairKey, PairSignature> query =
        rows.signatures(List.of(studyId)).getOrDefault(studyId, Map.of());
    if (query.isEmpty()) {
      return "no similarity: the study has no OVH/STS";
    }
    Double rx = rows.prescriptions(List.of(studyId)).get(studyId);
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
    Study queryStudy = em.getReference(Study.class, studyId);
    int stored = 0;
    for (Map.Entry<String, Map<PairKey, CandidateComparison.PairComparison>> other :
        chosen.entrySet()) {
      Study historical = em.getReference(Study.class, Integer.valueOf(other.getKey()));
      double diff = differences.get(other.getKey());
      for (CandidateComparison.PairComparison p : other.getValue().values()) {
        OarDictionaryEntry ptv = entries.get(p.key().ptvRole());
        int oar = entries.get(p.key().oarName()).getId();
        em.persist(row(queryStudy, historical, ptv, oar, p.ovhEmdMm(), p.stsEmdMm(), diff));
        em.persist(row(historical, queryStudy, ptv, oar, p.ovhEmdMm(), p.stsEmdMm(), -diff));
        stored += 2;
      }
    }
    return String.format(
        Locale.ROOT,
        "similarity with the %d other indexed studies; the %d most similar per organ stored (%d"
            + " studies, %d rows, both directions)",
        index.size() - (index.contains(self) ? 1 : 0),
        STORED_PER_ORGAN,
        chosen.size(),
        stored);
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

  private static Similarity row(
      Study query,
      Study historical,
      OarDictionaryEntry ptv,
      int oarEntryId,
      double ovhEmdMm,
      double stsEmdMm,
      double targetDoseDifferenceGy) {
    Similarity s = new Similarity();
    s.setStudy(query);
    s.setHistoricalStudy(historical);
    s.setHistoricalStudyId(String.valueOf(historical.getId()));
    s.setPtv(ptv);
    s.setTargetOar(String.valueOf(oarEntryId));
    s.setOvhDissimilarity(ovhEmdMm);
    s.setStsDissimilarity(stsEmdMm);
    s.setTargetDoseDifferenceGy(targetDoseDifferenceGy);
    return s;
  }
}

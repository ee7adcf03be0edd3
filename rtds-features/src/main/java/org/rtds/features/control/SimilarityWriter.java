package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.feature.Similarity;
import org.rtds.domain.patient.Study;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.sts.StsCodec;

/**
 * Compares a study with every other study of the knowledge base and stores the result in {@code
 * similarity}, in the caller's transaction, in both directions: one row per (query study,
 * historical study, target level, organ) for every (target level, TG-263 organ) pair both studies
 * have, with the OVH and STS earth mover's distances (mm) and the target-dose difference (Gy, query
 * minus historical prescription; null when either prescription is unknown). A study's rows in
 * either direction are replaced when it is computed again, so running it twice leaves the same
 * rows.
 *
 * <p>Every study is compared, from every account: who may see which study identifiably is decided
 * when the rows are read. Computations are serialised across nodes by a row lock on the {@value
 * TargetLevels#ALL} dictionary entry, so that two studies computed at the same time always see each
 * other (each would otherwise miss the other's uncommitted rows). This is the plain scan over all
 * stored signatures; an index for large knowledge bases comes next (docs/knowledge-base.md).
 */
public final class SimilarityWriter {

  private final EntityManager em;

  public SimilarityWriter(EntityManager em) {
    this.em = Objects.requireNonNull(em, "em");
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
    Map<String, OarDictionaryEntry> entries = new HashMap<>();
    for (OarDictionaryEntry e :
        em.createQuery("select e from OarDictionaryEntry e", OarDictionaryEntry.class)
            .getResultList()) {
      entries.put(e.getRoiName(), e);
    }
    Map<Integer, Map<PairKey, PairSignature>> all = signatures(entries);
    Map<PairKey, PairSignature> query = all.remove(studyId);
    if (query == null || query.isEmpty()) {
      return "no similarity: the study has no OVH/STS";
    }
    Map<Integer, Double> rx = prescriptions();
    Study queryStudy = em.getReference(Study.class, studyId);
    int compared = 0;
    int rows = 0;
    for (Map.Entry<Integer, Map<PairKey, PairSignature>> other : all.entrySet()) {
      Double diff = difference(rx.get(studyId), rx.get(other.getKey()));
      CandidateComparison c =
          SimilarityRanking.compare(
              String.valueOf(other.getKey()),
              diff == null ? Double.NaN : diff,
              0,
              query,
              other.getValue());
      if (c.pairs().isEmpty()) {
        continue;
      }
      compared++;
      Study historical = em.getReference(Study.class, other.getKey());
      for (CandidateComparison.PairComparison p : c.pairs()) {
        OarDictionaryEntry ptv = entries.get(p.key().ptvRole());
        int oar = entries.get(p.key().oarName()).getId();
        em.persist(row(queryStudy, historical, ptv, oar, p.ovhEmdMm(), p.stsEmdMm(), diff));
        em.persist(
            row(
                historical,
                queryStudy,
                ptv,
                oar,
                p.ovhEmdMm(),
                p.stsEmdMm(),
                diff == null ? null : -diff));
        rows += 2;
      }
    }
    return String.format(
        Locale.ROOT,
        "similarity with %d of %d other studies (%d rows, both directions)",
        compared,
        all.size(),
        rows);
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
   * Every study's RTDS-computed signatures, by study id, keyed by (target level, organ) names; the
   * first row of a key wins.
   */
  private Map<Integer, Map<PairKey, PairSignature>> signatures(
      Map<String, OarDictionaryEntry> entries) {
    Map<Integer, String> names = new HashMap<>();
    entries.values().forEach(e -> names.put(e.getId(), e.getRoiName()));
    Map<Integer, Map<PairKey, String[]>> ovh = new LinkedHashMap<>();
    for (Object[] r :
        em.createQuery(
                "select h.study.id, h.ptv.id, h.oar.id, h.binValues, h.binAmounts from Ovh h"
                    + " where h.oarRoi is not null order by h.study.id, h.id",
                Object[].class)
            .getResultList()) {
      ovh.computeIfAbsent((Integer) r[0], k -> new LinkedHashMap<>())
          .putIfAbsent(
              new PairKey(names.get((Integer) r[1]), names.get((Integer) r[2])),
              new String[] {(String) r[3], (String) r[4]});
    }
    Map<Integer, Map<PairKey, PairSignature>> out = new LinkedHashMap<>();
    for (Object[] r :
        em.createQuery(
                "select h.study.id, h.ptv.id, h.oar.id, h.elevationBins, h.distanceBins,"
                    + " h.azimuthBins, h.amounts from Sts h where h.oarRoi is not null"
                    + " order by h.study.id, h.id",
                Object[].class)
            .getResultList()) {
      PairKey key = new PairKey(names.get((Integer) r[1]), names.get((Integer) r[2]));
      String[] curve = ovh.getOrDefault((Integer) r[0], Map.of()).get(key);
      if (curve == null) {
        continue;
      }
      out.computeIfAbsent((Integer) r[0], k -> new LinkedHashMap<>())
          .putIfAbsent(
              key,
              new PairSignature(
                  OvhCodec.decode(curve[0], curve[1]),
                  StsCodec.decode(
                      new StsCodec.StsRow(
                          (String) r[3], (String) r[4], (String) r[5], (String) r[6]))));
    }
    return out;
  }

  /** Each study's prescription (Gy) from its newest RT Plan, as the dose features use it. */
  private Map<Integer, Double> prescriptions() {
    Map<Integer, Double> out = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select p.study.id, p.prescriptionDoseGy from RtPlan p order by p.id",
                Object[].class)
            .getResultList()) {
      out.put((Integer) r[0], (Double) r[1]);
    }
    return out;
  }

  private static Double difference(Double query, Double historical) {
    return query == null || historical == null || !(query > 0) || !(historical > 0)
        ? null
        : query - historical;
  }

  private static Similarity row(
      Study query,
      Study historical,
      OarDictionaryEntry ptv,
      int oarEntryId,
      double ovhEmdMm,
      double stsEmdMm,
      Double targetDoseDifferenceGy) {
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

package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.sts.StsCodec;

/**
 * Reads what the knowledge base needs of stored studies, in the caller's persistence context: the
 * decoded OVH/STS signatures per (target level, organ), the prescriptions and the organs' r_v
 * values. The one place that reads those rows for similarity, so the index, the feature job and the
 * answers decode them alike.
 */
public final class KnowledgeRows {

  private final EntityManager em;

  public KnowledgeRows(EntityManager em) {
    this.em = Objects.requireNonNull(em, "em");
  }

  /**
   * One organ's geometry in one study.
   *
   * @param roiId the organ's ROI ({@code rt_rois.id}; the one paired with the union of targets when
   *     there is one)
   * @param roiName its ROI name in the study
   * @param rvMmByLevel r_v (mm, r5 … r100) by target level name
   */
  public record Organ(int roiId, String roiName, Map<String, double[]> rvMmByLevel) {

    /**
     * @return whether the organ has an OVH relative to the union of the targets (the QC needs it)
     */
    public boolean complete() {
      return rvMmByLevel.containsKey(TargetLevels.ALL);
    }
  }

  /**
   * @return the ids of every study with RTDS-computed signatures
   */
  public List<Integer> studiesWithSignatures() {
    return em.createQuery(
            "select distinct h.study.id from Sts h where h.oarRoi is not null", Integer.class)
        .getResultList();
  }

  /**
   * The RTDS-computed signatures of the given studies, keyed by (target level, organ) names; the
   * first row of a key wins. A study without any is absent.
   *
   * @param studyIds study row ids
   * @return by study id
   */
  public Map<Integer, Map<PairKey, PairSignature>> signatures(Collection<Integer> studyIds) {
    Map<Integer, Map<PairKey, PairSignature>> out = new LinkedHashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    Map<Integer, String> names = dictionary();
    Map<Integer, Map<PairKey, String[]>> ovh = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select h.study.id, h.ptv.id, h.oar.id, h.binValues, h.binAmounts from Ovh h"
                    + " where h.oarRoi is not null and h.study.id in :ids order by h.study.id, h.id",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      ovh.computeIfAbsent((Integer) r[0], k -> new LinkedHashMap<>())
          .putIfAbsent(
              new PairKey(names.get((Integer) r[1]), names.get((Integer) r[2])),
              new String[] {(String) r[3], (String) r[4]});
    }
    for (Object[] r :
        em.createQuery(
                "select h.study.id, h.ptv.id, h.oar.id, h.elevationBins, h.distanceBins,"
                    + " h.azimuthBins, h.amounts from Sts h where h.oarRoi is not null"
                    + " and h.study.id in :ids order by h.study.id, h.id",
                Object[].class)
            .setParameter("ids", studyIds)
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

  /**
   * Each study's prescription (Gy) from its newest RT Plan, the plan the dose features use ({@link
   * StudyDoseInputs#plan}); a study without a plan or a positive prescription is absent.
   *
   * @param studyIds study row ids
   * @return by study id
   */
  public Map<Integer, Double> prescriptions(Collection<Integer> studyIds) {
    Map<Integer, Double> out = new HashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    for (Object[] r :
        em.createQuery(
                "select p.study.id, p.prescriptionDoseGy from RtPlan p where p.study.id in :ids"
                    + " order by p.id",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      Double rx = (Double) r[1];
      if (rx != null && rx > 0) {
        out.put((Integer) r[0], rx);
      } else {
        out.remove((Integer) r[0]);
      }
    }
    return out;
  }

  /**
   * The organs' geometry of each study: organ (TG-263 name) → its ROI and r_v per target level.
   *
   * @param studyIds study row ids
   * @return by study id, then organ
   */
  public Map<Integer, Map<String, Organ>> organs(Collection<Integer> studyIds) {
    Map<Integer, Map<String, Organ>> out = new HashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    for (Object[] r :
        em.createQuery(
                "select h.study.id, h.ptv.roiName, h.oar.roiName, h.oarRoi.id, h.oarRoi.roiName,"
                    + " h.rvMm from Ovh h where h.study.id in :ids and h.oarRoi is not null"
                    + " and h.rvMm is not null order by h.id",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      Map<String, Organ> organs = out.computeIfAbsent((Integer) r[0], k -> new HashMap<>());
      String level = (String) r[1];
      Organ before = organs.get((String) r[2]);
      Map<String, double[]> rv = before == null ? new HashMap<>() : before.rvMmByLevel();
      rv.putIfAbsent(
          level,
          NumberLists.parse(
              NumberLists.stripMarker((String) r[5], GeometryFeatureWriter.RV_FORMAT, "ovh.RvMm"),
              "ovh.RvMm"));
      boolean union = TargetLevels.ALL.equals(level);
      organs.put(
          (String) r[2],
          before == null || union ? new Organ((Integer) r[3], (String) r[4], rv) : before);
    }
    return out;
  }

  private Map<Integer, String> dictionary() {
    Map<Integer, String> names = new HashMap<>();
    for (Object[] r :
        em.createQuery("select e.id, e.roiName from OarDictionaryEntry e", Object[].class)
            .getResultList()) {
      names.put((Integer) r[0], (String) r[1]);
    }
    return names;
  }
}

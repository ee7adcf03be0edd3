package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rtds.domain.rt.PlanQueries;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.format.FeatureFormatException;
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

  private static final Logger LOG = System.getLogger(KnowledgeRows.class.getName());

  /**
   * The studies of a batch: the range lets MariaDB use the study index for long id lists too (with
   * 200 or more values it estimates an IN list from statistics and may scan the whole table).
   */
  private static final String STUDIES =
      " and h.study.id between :lo and :hi and h.study.id in :ids";

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
   * What the knowledge base keeps of some studies.
   *
   * @param signatures by study id, keyed by (target level, organ) names; a study without any is
   *     absent
   * @param organs by study id, then organ: its ROI and r_v per target level
   */
  public record Stored(
      Map<Integer, Map<PairKey, PairSignature>> signatures,
      Map<Integer, Map<String, Organ>> organs) {}

  /**
   * The RTDS-computed signatures of the given studies (see {@link #read}).
   *
   * @param studyIds study row ids
   * @return by study id
   */
  public Map<Integer, Map<PairKey, PairSignature>> signatures(Collection<Integer> studyIds) {
    return read(studyIds).signatures();
  }

  /**
   * The RTDS-computed signatures of the given studies, keyed by (target level, organ) names, and
   * their organs' r_v values, from one pass over their {@code ovh} rows and one over their {@code
   * sts} rows; the first row (lowest id) of a key wins. A pair whose stored text cannot be decoded
   * is left out (and logged), so one damaged row does not stop every answer.
   *
   * @param studyIds study row ids
   * @return signatures and organs
   */
  public Stored read(Collection<Integer> studyIds) {
    Map<Integer, Map<PairKey, PairSignature>> out = new LinkedHashMap<>();
    Map<Integer, Map<String, Organ>> organs = new HashMap<>();
    if (studyIds.isEmpty()) {
      return new Stored(out, organs);
    }
    Map<Integer, String> names = dictionary();
    Map<Integer, Map<PairKey, Object[]>> ovh = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    for (Object[] r :
        inIdOrder(
            "select h.study.id, h.ptv.id, h.oar.id, h.id, h.binValues, h.binAmounts,"
                + " h.oarRoi.id, h.oarRoi.roiName, h.rvMm from Ovh h where h.oarRoi is not null",
            studyIds)) {
      PairKey key = key(names, r);
      ovh.computeIfAbsent((Integer) r[0], k -> new HashMap<>()).putIfAbsent(key, r);
      if (r[8] != null) {
        addOrgan(organs.computeIfAbsent((Integer) r[0], k -> new HashMap<>()), key, r, unreadable);
      }
    }
    Map<Integer, Map<PairKey, Object[]>> sts = new TreeMap<>();
    for (Object[] r :
        inIdOrder(
            "select h.study.id, h.ptv.id, h.oar.id, h.id, h.elevationBins, h.distanceBins,"
                + " h.azimuthBins, h.amounts from Sts h where h.oarRoi is not null",
            studyIds)) {
      sts.computeIfAbsent((Integer) r[0], k -> new TreeMap<>()).putIfAbsent(key(names, r), r);
    }
    // decoding is most of the cost: the shared grid texts once, the rest on every core
    Map<String, double[]> grids = new HashMap<>();
    List<Object[]> work = new ArrayList<>();
    sts.forEach(
        (study, pairs) ->
            pairs.forEach(
                (key, r) -> {
                  Object[] curve = ovh.getOrDefault(study, Map.of()).get(key);
                  if (curve != null) {
                    work.add(new Object[] {study, key, curve[4], curve[5], r});
                  }
                }));
    for (Object[] w : work) {
      w[2] = grids.computeIfAbsent((String) w[2], KnowledgeRows::gridOrNull);
    }
    List<Object> decoded = work.parallelStream().map(KnowledgeRows::decode).toList();
    for (int i = 0; i < work.size(); i++) {
      if (decoded.get(i) instanceof PairSignature p) {
        out.computeIfAbsent((Integer) work.get(i)[0], k -> new LinkedHashMap<>())
            .put((PairKey) work.get(i)[1], p);
      } else {
        unreadable.add("study " + work.get(i)[0] + " " + work.get(i)[1] + ": " + decoded.get(i));
      }
    }
    if (!unreadable.isEmpty()) {
      // one bad row must not stop every answer; it is left out (compute the study again)
      LOG.log(
          Level.WARNING,
          "knowledge base: {0} stored OVH/STS values could not be read and are left out, e.g. {1}",
          unreadable.size(),
          unreadable.get(0));
    }
    return new Stored(out, organs);
  }

  /** Adds one ovh row's r_v values to its organ (the ROI of the union level wins). */
  private static void addOrgan(
      Map<String, Organ> organs, PairKey key, Object[] r, List<String> unreadable) {
    double[] values;
    try {
      values =
          NumberLists.parse(
              NumberLists.stripMarker((String) r[8], GeometryFeatureWriter.RV_FORMAT, "ovh.RvMm"),
              "ovh.RvMm");
    } catch (FeatureFormatException e) {
      unreadable.add("study " + r[0] + " " + key + ": " + e.getMessage());
      return;
    }
    Organ before = organs.get(key.oarName());
    Map<String, double[]> rv = before == null ? new HashMap<>() : before.rvMmByLevel();
    rv.putIfAbsent(key.ptvRole(), values);
    boolean union = TargetLevels.ALL.equals(key.ptvRole());
    organs.put(
        key.oarName(),
        before == null || union ? new Organ((Integer) r[6], (String) r[7], rv) : before);
  }

  private static double[] gridOrNull(String binValue) {
    try {
      return OvhCodec.decodeGrid(binValue);
    } catch (FeatureFormatException e) {
      return null;
    }
  }

  /** A pair's signature, or the reason (a String) it cannot be read. */
  private static Object decode(Object[] w) {
    if (w[2] == null) {
      return "ovh.binValue is not an RTDS grid";
    }
    Object[] r = (Object[]) w[4];
    try {
      return new PairSignature(
          OvhCodec.decode((double[]) w[2], (String) w[3]),
          StsCodec.decode(
              new StsCodec.StsRow((String) r[4], (String) r[5], (String) r[6], (String) r[7])));
    } catch (FeatureFormatException e) {
      return e.getMessage();
    }
  }

  private static PairKey key(Map<Integer, String> names, Object[] r) {
    return new PairKey(names.get((Integer) r[1]), names.get((Integer) r[2]));
  }

  /**
   * The rows of a query over {@code ovh} or {@code sts} (alias {@code h}, row id 4th) for the given
   * studies, by ascending row id, so that the first row of a key is the lowest. Sorted here, not by
   * ORDER BY: sorting rows with long text columns makes MariaDB spill them to disk.
   */
  private List<Object[]> inIdOrder(String jpql, Collection<Integer> studyIds) {
    List<Object[]> rows =
        new ArrayList<>(
            em.createQuery(jpql + STUDIES, Object[].class)
                .setParameter("ids", studyIds)
                .setParameter("lo", Collections.min(studyIds))
                .setParameter("hi", Collections.max(studyIds))
                .getResultList());
    rows.sort(Comparator.comparing(r -> (Integer) r[3]));
    return rows;
  }

  /**
   * Each study's prescription (Gy) from its newest RT Plan, the plan the dose features use ({@link
   * PlanQueries#newestPrescriptionsGy}); a study without a plan or a positive prescription is
   * absent.
   *
   * @param studyIds study row ids
   * @return by study id, modifiable
   */
  public Map<Integer, Double> prescriptions(Collection<Integer> studyIds) {
    return PlanQueries.newestPrescriptionsGy(em, studyIds);
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

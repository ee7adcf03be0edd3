package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtds.features.control.KnowledgeRows;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;

/**
 * The reads of {@link KnowledgeIndex}, each in a transaction of its own ({@code REQUIRES_NEW}):
 * committed rows only, whatever transaction the caller is in (the feature computation refreshes the
 * index while its own rows are still uncommitted).
 */
@ApplicationScoped
public class KnowledgeIndexLoader {

  /** The doses shown for an organ and used by the QC rules. */
  static final List<String> METRICS = List.of("Dmean", "D50%", "D0.03cc");

  @PersistenceContext EntityManager em;

  @Inject StudyDvhs dvhs;

  /**
   * @return the highest change-log id (0 when the log is empty)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public long latestChange() {
    Long max =
        em.createQuery("select max(c.id) from KnowledgeChange c", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /**
   * @param watermark a change-log id
   * @return the studies with change-log entries above it
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Integer> changedAfter(long watermark) {
    return em.createQuery(
            "select distinct c.studyId from KnowledgeChange c where c.id > :w", Integer.class)
        .setParameter("w", watermark)
        .getResultList();
  }

  /**
   * @return every study with RTDS-computed signatures
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Integer> allStudies() {
    return new KnowledgeRows(em).studiesWithSignatures();
  }

  /**
   * @param studyIds studies
   * @return those with signatures, by id
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Map<Integer, KnowledgeIndex.Loaded> load(Collection<Integer> studyIds) {
    KnowledgeRows rows = new KnowledgeRows(em);
    KnowledgeRows.Stored stored = rows.read(studyIds);
    Map<Integer, Map<PairKey, PairSignature>> signatures = stored.signatures();
    Map<Integer, Double> rx = rows.prescriptions(signatures.keySet());
    Map<Integer, Map<String, KnowledgeRows.Organ>> organs = stored.organs();
    Map<Integer, double[]> doses = new HashMap<>();
    organs.values().forEach(o -> o.values().forEach(g -> doses.put(g.roiId(), null)));
    dvhs.computedByRoi(doses.keySet(), METRICS)
        .forEach(
            (roi, dvh) -> {
              double[] v = {Double.NaN, Double.NaN, Double.NaN};
              dvh.metrics()
                  .forEach(
                      m -> {
                        int at = METRICS.indexOf(m.metric());
                        if (at >= 0 && m.value().isPresent()) {
                          v[at] = m.value().getAsDouble();
                        }
                      });
              doses.put(roi, v);
            });
    Map<Integer, KnowledgeIndex.Loaded> out = new HashMap<>();
    signatures.forEach(
        (id, pairs) -> {
          Map<String, KnowledgeIndex.Organ> theirs = new HashMap<>();
          organs
              .getOrDefault(id, Map.of())
              .forEach(
                  (oar, g) -> {
                    double[] d = doses.get(g.roiId());
                    theirs.put(
                        oar,
                        KnowledgeIndex.Organ.of(
                            g,
                            oar,
                            KnowledgeIndex.key(id),
                            d == null ? Double.NaN : d[0],
                            d == null ? Double.NaN : d[1],
                            d == null ? Double.NaN : d[2]));
                  });
          out.put(
              id,
              new KnowledgeIndex.Loaded(
                  new KnowledgeIndex.Entry(id, rx.getOrDefault(id, Double.NaN), theirs), pairs));
        });
    return out;
  }
}

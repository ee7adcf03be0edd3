package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.rtds.features.control.KnowledgeRows;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.index.SignatureIndex;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;

/**
 * This node's in-memory view of the knowledge base: every study's OVH/STS signatures in a {@link
 * SignatureIndex} (for the top-k similarity queries), and per study its prescription and its
 * organs' r_v values and achieved doses (for the harder-geometry rule, which must scan every
 * comparable plan). Derived state only: rebuilt from the database at the first use and caught up
 * from the change log ({@code rtds_knowledge_change}) before every answer, so several nodes sharing
 * one database answer alike and nothing is lost when a node stops.
 *
 * <p>{@link #refresh()} reloads the studies whose change-log entries lie above the highest entry it
 * has applied; ids are committed in increasing order (the feature computation appends its entry
 * under the knowledge base's lock), reading is in transactions of its own (committed rows only,
 * never the caller's uncommitted ones), and reloading a study twice gives the same index, so a
 * refresh may overlap any computation.
 */
@ApplicationScoped
public class KnowledgeIndex {

  private static final Logger LOG = System.getLogger(KnowledgeIndex.class.getName());

  /**
   * Studies read per transaction when loading (below MariaDB's {@code eq_range_index_dive_limit} of
   * 200, so an IN list of them is estimated exactly).
   */
  static final int BATCH = 100;

  /**
   * One organ of a stored study.
   *
   * @param oar TG-263 name
   * @param roiId its ROI ({@code rt_rois.id})
   * @param roiName its ROI name in the study
   * @param dmeanGy the plan's mean dose to it (Gy; NaN when unknown)
   * @param d50Gy D50% (Gy; NaN when unknown)
   * @param d003ccGy D0.03cc (Gy; NaN when unknown)
   * @param plan the organ for the harder-geometry rule, keyed by {@link #key(int)}; null without an
   *     OVH relative to the union of the targets
   */
  public record Organ(
      String oar,
      int roiId,
      String roiName,
      double dmeanGy,
      double d50Gy,
      double d003ccGy,
      OarReview.OarPlan plan) {

    /**
     * @param geometry the organ's geometry
     * @param oar TG-263 name
     * @param studyKey the key the plan carries
     * @param dmeanGy Dmean (Gy)
     * @param d50Gy D50% (Gy)
     * @param d003ccGy D0.03cc (Gy)
     * @return the organ
     */
    static Organ of(
        KnowledgeRows.Organ geometry,
        String oar,
        String studyKey,
        double dmeanGy,
        double d50Gy,
        double d003ccGy) {
      return new Organ(
          oar,
          geometry.roiId(),
          geometry.roiName(),
          dmeanGy,
          d50Gy,
          d003ccGy,
          geometry.complete()
              ? new OarReview.OarPlan(
                  studyKey, geometry.rvMmByLevel(), TargetLevels.ALL, dmeanGy, d50Gy, d003ccGy)
              : null);
    }
  }

  /**
   * A stored study as the knowledge base uses it.
   *
   * @param studyId its row id
   * @param prescriptionGy its prescription (Gy; NaN when unknown)
   * @param organs its organs by TG-263 name
   */
  public record Entry(int studyId, double prescriptionGy, Map<String, Organ> organs) {

    /**
     * Copies.
     *
     * @param studyId id
     * @param prescriptionGy Gy
     * @param organs organs
     */
    public Entry {
      organs = Map.copyOf(organs);
    }
  }

  /**
   * A study read from the database with its signatures.
   *
   * @param entry what the index keeps of it
   * @param signatures its signatures by (target level, organ)
   */
  public record Loaded(Entry entry, Map<PairKey, PairSignature> signatures) {}

  @Inject KnowledgeIndexLoader loader;

  private final SignatureIndex signatures = new SignatureIndex();
  private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile long watermark = -1;

  /**
   * The last {@value #RECENT_READS} studies {@link #read} read, valid while the watermark they were
   * read at is this node's: a page asks the knowledge base several questions about one study, and
   * each would otherwise read and decode its DVHs again. Any change to any study's features moves
   * the watermark at the next {@link #refresh()} and empties it, so it never answers what the
   * database no longer holds once this node has caught up (the same promise as the index).
   */
  static final int RECENT_READS = 32;

  private final Map<Integer, Optional<Loaded>> recentReads =
      new LinkedHashMap<>(RECENT_READS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Optional<Loaded>> eldest) {
          return size() > RECENT_READS;
        }
      };

  private long recentReadsAt = -1;

  /**
   * @param studyId a study's row id
   * @return its key in the index and in the plans of {@link Organ#plan()}
   */
  public static String key(int studyId) {
    return Integer.toString(studyId);
  }

  /**
   * Brings this node's index up to date with the database: everything at the first call, then the
   * studies changed since the last call. One refresh at a time; a caller that finds one running
   * waits for it.
   */
  public void refresh() {
    refreshing.lock();
    try {
      long latest = loader.latestChange();
      if (watermark >= 0 && latest <= watermark) {
        return;
      }
      long start = System.nanoTime();
      boolean first = watermark < 0;
      List<Integer> ids = first ? loader.allStudies() : loader.changedAfter(watermark);
      for (int from = 0; from < ids.size(); from += BATCH) {
        List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
        Map<Integer, Loaded> loaded = loader.load(batch);
        for (int id : batch) {
          apply(id, loaded.get(id));
        }
      }
      watermark = latest;
      if (first || ids.size() > BATCH) {
        LOG.log(
            Level.INFO,
            "Knowledge base index: {0} studies loaded in {1} ms ({2} studies, {3} pairs indexed)",
            ids.size(),
            (System.nanoTime() - start) / 1_000_000,
            signatures.size(),
            signatures.pairCount());
      }
    } finally {
      refreshing.unlock();
    }
  }

  private void apply(int studyId, Loaded loaded) {
    if (loaded == null || loaded.signatures().isEmpty()) {
      signatures.remove(key(studyId));
      entries.remove(studyId);
      return;
    }
    Entry e = loaded.entry();
    signatures.put(key(studyId), e.prescriptionGy(), loaded.signatures());
    entries.put(studyId, e);
  }

  /**
   * @return the signatures of every indexed study (call {@link #refresh()} first)
   */
  public SignatureIndex signatures() {
    return signatures;
  }

  /**
   * @param studyId a study's row id
   * @return its entry, or null when it is not indexed
   */
  public Entry entry(int studyId) {
    return entries.get(studyId);
  }

  /**
   * @return every indexed study
   */
  public Collection<Entry> entries() {
    return entries.values();
  }

  /**
   * Reads one study as it is committed now (for a query study), in a transaction of its own.
   *
   * @param studyId its row id
   * @return it, or null when it has no signatures
   */
  public Loaded read(int studyId) {
    long at = watermark;
    synchronized (recentReads) {
      if (recentReadsAt != at) {
        recentReads.clear();
        recentReadsAt = at;
      }
      Optional<Loaded> recent = recentReads.get(studyId);
      if (recent != null) {
        return recent.orElse(null);
      }
    }
    Loaded l = loader.load(List.of(studyId)).get(studyId);
    Loaded read = l == null || l.signatures().isEmpty() ? null : l;
    synchronized (recentReads) {
      if (recentReadsAt == at) {
        recentReads.put(studyId, Optional.ofNullable(read));
      }
    }
    return read;
  }
}

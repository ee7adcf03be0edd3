package org.rtds.features.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.testing.SyntheticSignatures;

/**
 * The node's index follows the database through the change log only: a full load at the first use,
 * then exactly the studies logged above the watermark (added, replaced, or gone), and nothing when
 * the log has not moved. The database is a stub that counts what it is asked.
 */
class KnowledgeIndexTest {

  /** The database: committed signatures and the change log. */
  private static class Database extends KnowledgeIndexLoader {
    final Map<Integer, Map<PairKey, PairSignature>> signatures = new TreeMap<>();
    final Map<Integer, Double> rx = new HashMap<>();
    final List<Integer> log = new ArrayList<>();
    final List<Integer> loaded = new ArrayList<>();
    int fullLoads;

    void store(int id, Map<PairKey, PairSignature> s, double prescriptionGy) {
      signatures.put(id, s);
      rx.put(id, prescriptionGy);
      log.add(id);
    }

    void drop(int id) {
      signatures.remove(id);
      log.add(id);
    }

    @Override
    public long latestChange() {
      return log.size();
    }

    @Override
    public List<Integer> changedAfter(long watermark) {
      return new ArrayList<>(new LinkedHashSet<>(log.subList((int) watermark, log.size())));
    }

    @Override
    public List<Integer> allStudies() {
      fullLoads++;
      return new ArrayList<>(signatures.keySet());
    }

    @Override
    public Map<Integer, KnowledgeIndex.Loaded> load(Collection<Integer> studyIds) {
      Map<Integer, KnowledgeIndex.Loaded> out = new HashMap<>();
      for (int id : studyIds) {
        loaded.add(id);
        if (signatures.containsKey(id)) {
          out.put(
              id,
              new KnowledgeIndex.Loaded(
                  new KnowledgeIndex.Entry(id, rx.get(id), Map.of()), signatures.get(id)));
        }
      }
      return out;
    }
  }

  private final SyntheticSignatures g =
      new SyntheticSignatures(7, List.of("PTV_All", "PTV_High"), 4, 0.2);
  private final Database db = new Database();
  private final KnowledgeIndex index = new KnowledgeIndex();

  {
    index.loader = db;
  }

  private List<String> top(Map<PairKey, PairSignature> query, int k) {
    return index.signatures().query(query, 70, SimilarityWeights.DEFAULT, k, null).topK().stream()
        .map(CandidateComparison::studyKey)
        .toList();
  }

  @Test
  void loadsEverythingOnceThenOnlyTheLoggedStudies() {
    for (int id = 1; id <= 450; id++) { // more than two batches
      db.store(id, g.realistic("s" + id).pairs(), 70);
    }
    index.refresh();
    assertThat(db.fullLoads).isEqualTo(1);
    assertThat(db.loaded).hasSize(450);
    assertThat(index.signatures().size()).isEqualTo(450);
    assertThat(index.entry(17).prescriptionGy()).isEqualTo(70);

    db.loaded.clear();
    index.refresh(); // nothing logged since
    assertThat(db.loaded).isEmpty();

    // another node replaces study 5 with study 9's signatures, adds 451, and study 12 loses its
    // signatures (e.g. a structure set without targets)
    Map<PairKey, PairSignature> nine = db.signatures.get(9);
    db.store(5, nine, 70);
    db.store(451, g.realistic("s451").pairs(), 66);
    db.drop(12);
    db.store(5, nine, 70); // logged twice: read once
    index.refresh();
    assertThat(db.fullLoads).isEqualTo(1);
    assertThat(db.loaded).containsExactlyInAnyOrder(5, 451, 12);
    assertThat(index.signatures().size()).isEqualTo(450);
    assertThat(index.entry(12)).isNull();
    assertThat(index.signatures().contains("12")).isFalse();
    assertThat(index.entry(451).prescriptionGy()).isEqualTo(66);
    assertThat(top(nine, 2)).containsExactlyInAnyOrder("5", "9");
  }

  @Test
  void aFailedLoadIsRetriedFromTheSameWatermark() {
    db.store(1, g.realistic("a").pairs(), 70);
    index.refresh();
    db.store(2, g.realistic("b").pairs(), 70);
    KnowledgeIndexLoader failing =
        new Database() {
          @Override
          public long latestChange() {
            return db.latestChange();
          }

          @Override
          public List<Integer> changedAfter(long watermark) {
            return db.changedAfter(watermark);
          }

          @Override
          public Map<Integer, KnowledgeIndex.Loaded> load(Collection<Integer> studyIds) {
            throw new IllegalStateException("database away");
          }
        };
    index.loader = failing;
    assertThatThrownBy(index::refresh).hasMessageContaining("database away");
    index.loader = db; // the next answer retries
    index.refresh();
    assertThat(index.signatures().size()).isEqualTo(2);
    assertThat(index.entry(2)).isNotNull();
  }
}

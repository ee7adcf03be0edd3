package org.rtds.features.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;
import org.rtds.features.control.KnowledgeRows;
import org.rtds.features.control.SimilarityWriter;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.RankedCandidate;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.testing.StoredStudies;
import org.rtds.features.knowledge.testing.SyntheticSignatures;

/**
 * The knowledge base through MariaDB: studies stored as the feature job leaves them, two "nodes"
 * (two indexes on one database) that learn each other's computations from the change log only, the
 * stored similarity rows, and the answers of {@link KnowledgeBase} against the plain computation
 * over every stored row (all EMDs, {@link SimilarityRanking#rank}, {@link OarReview#review} on the
 * whole ranked list).
 */
class KnowledgeIndexIT {

  private static final List<String> LEVELS = List.of("PTV_All", "PTV_High");
  private static final KnowledgeBase.Caller EVERYONE = LocalKnowledge.caller(true);

  private static TestDatabase database;
  private static EntityManagerFactory factory;
  private static Connection jdbc;
  private static StoredStudies writer;
  private static KnowledgeIndex node;
  private static final SyntheticSignatures g = new SyntheticSignatures(17, LEVELS, 6, 0.1);

  @BeforeAll
  static void storeACohort() throws SQLException {
    database = TestDatabase.create("knowledge_index");
    new SchemaMigrator(database.dataSource()).migrate();
    factory = TestPersistence.createEntityManagerFactory(database);
    node = LocalKnowledge.index(factory);
    jdbc = database.dataSource().getConnection();
    writer = new StoredStudies(jdbc, g.keys().stream().map(PairKey::oarName).distinct().toList());
    for (int i = 0; i < 60; i++) {
      SyntheticSignatures.Study s = g.realistic("c" + i);
      // two prescriptions, on the Gy (the QC compares plans within 1 Gy)
      int id =
          writer.store(
              new SyntheticSignatures.Study(s.key(), i % 3 == 0 ? 60 : 70, s.pairs()), true);
      writer.logChange(id);
    }
  }

  @AfterAll
  static void tearDown() throws SQLException {
    writer.close();
    jdbc.close();
    factory.close();
    database.close();
  }

  /** The stored studies as the plain computation sees them: decoded rows and prescriptions. */
  private static Map<Integer, Map<PairKey, PairSignature>> everyStudy(Map<Integer, Double> rx) {
    EntityManager em = factory.createEntityManager();
    try {
      KnowledgeRows rows = new KnowledgeRows(em);
      List<Integer> ids = rows.studiesWithSignatures();
      rx.putAll(rows.prescriptions(ids));
      return new TreeMap<>(rows.signatures(ids));
    } finally {
      em.close();
    }
  }

  private static List<RankedCandidate> fullScan(
      int queryId, String organ, double maxTargetDoseDiffGy) {
    Map<Integer, Double> rx = new HashMap<>();
    Map<Integer, Map<PairKey, PairSignature>> all = everyStudy(rx);
    Map<PairKey, PairSignature> q = filter(all.get(queryId), organ);
    List<CandidateComparison> c = new ArrayList<>();
    all.forEach(
        (id, pairs) -> {
          if (id != queryId) {
            CandidateComparison cc =
                SimilarityRanking.compare(
                    String.valueOf(id), rx.get(queryId), rx.get(id), q, pairs);
            if (!cc.pairs().isEmpty()) {
              c.add(cc);
            }
          }
        });
    return SimilarityRanking.rank(
            c,
            new org.rtds.features.knowledge.ranking.SimilarityWeights(
                0.5,
                0.3,
                0.2,
                10,
                20,
                5,
                maxTargetDoseDiffGy,
                Map.of(),
                1,
                org.rtds.features.knowledge.ranking.SimilarityWeights.Scales.FIXED))
        .ranked();
  }

  private static Map<PairKey, PairSignature> filter(
      Map<PairKey, PairSignature> pairs, String organ) {
    if (organ == null) {
      return pairs;
    }
    return pairs.entrySet().stream()
        .filter(e -> e.getKey().oarName().equals(organ))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String similarity(int studyId) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      String summary = new SimilarityWriter(em, node.signatures(), node::refresh).store(studyId);
      em.getTransaction().commit();
      return summary;
    } finally {
      em.close();
    }
  }

  @Test
  void aStudyComputedOnOneNodeIsSeenByTheOtherOnlyOnceCommittedAndRankedExactly()
      throws SQLException {
    KnowledgeIndex other = LocalKnowledge.index(factory);
    other.refresh();
    int before = other.signatures().size();
    assertThat(before).isGreaterThanOrEqualTo(60);

    SyntheticSignatures.Study s = g.realistic("new");
    int id = writer.store(new SyntheticSignatures.Study("new", 70, s.pairs()), true);
    other.refresh();
    assertThat(other.entry(id)).as("not in the change log yet").isNull();

    EntityManager em = factory.createEntityManager();
    em.getTransaction().begin();
    String summary = new SimilarityWriter(em, node.signatures(), node::refresh).store(id);
    other.refresh();
    assertThat(other.entry(id)).as("its change-log row is not committed yet").isNull();
    em.getTransaction().commit();
    em.close();
    assertThat(summary).contains("similarity with the " + before + " other indexed studies");

    other.refresh();
    assertThat(other.entry(id)).isNotNull();
    assertThat(other.entry(id).prescriptionGy()).isEqualTo(70);
    assertThat(other.signatures().size()).isEqualTo(before + 1);

    // the other node ranks it exactly as the plain computation over every stored row
    List<RankedCandidate> plain = fullScan(id, null, 5);
    KnowledgeBase.SimilarList answer =
        LocalKnowledge.knowledgeBase(factory.createEntityManager(), other)
            .similar(id, EVERYONE, null, 10, KnowledgeBase.Settings.DEFAULT);
    assertThat(answer.ranked()).hasSize(10);
    for (int i = 0; i < 10; i++) {
      KnowledgeBase.Similar a = answer.ranked().get(i);
      assertThat(a.study().studyInstanceUid())
          .isEqualTo("2.25." + (1_000_000_000L + Integer.parseInt(plain.get(i).studyKey())));
      assertThat(a.score()).isCloseTo(plain.get(i).score(), within(1e-12));
      assertThat(a.rank()).isEqualTo(i + 1);
    }

    // its stored rows: both directions, the most similar per organ
    List<List<Object>> rows = similarityRows(id);
    assertThat(rows).isNotEmpty();
    Map<String, List<Object>> byKey = new HashMap<>();
    for (List<Object> r : rows) {
      byKey.put(r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3), r);
    }
    for (List<Object> r : rows) {
      List<Object> back = byKey.get(r.get(1) + "|" + r.get(0) + "|" + r.get(2) + "|" + r.get(3));
      assertThat(back).as("reverse of " + r).isNotNull();
      assertThat((Double) back.get(4)).isEqualTo((Double) r.get(4));
      assertThat((Double) back.get(5)).isEqualTo((Double) r.get(5));
      assertThat((Double) back.get(6)).isCloseTo(-(Double) r.get(6), within(1e-12));
    }
    for (String organ : s.pairs().keySet().stream().map(PairKey::oarName).distinct().toList()) {
      Set<Object> stored = new HashSet<>();
      rows.stream()
          .filter(r -> r.get(0).equals(id) && r.get(3).equals(organ))
          .forEach(r -> stored.add(r.get(1)));
      List<RankedCandidate> best = fullScan(id, organ, Double.POSITIVE_INFINITY);
      assertThat(stored)
          .as(organ)
          .containsExactlyInAnyOrderElementsOf(
              best.subList(0, Math.min(SimilarityWriter.STORED_PER_ORGAN, best.size())).stream()
                  .map(r -> (Object) Integer.valueOf(r.studyKey()))
                  .toList());
    }
  }

  @Test
  void eachMatchCarriesItsOrgansR50AndItsPatientOnlyWhereIdentifiable() {
    KnowledgeIndex other = LocalKnowledge.index(factory);
    KnowledgeBase kb = LocalKnowledge.knowledgeBase(factory.createEntityManager(), other);
    int id = studyIds().get(7);
    KnowledgeBase.QueryProfile profile = kb.profile(id);
    KnowledgeIndex.Entry mine = other.entry(id);
    assertThat(profile.prescriptionGy()).isEqualTo(mine.prescriptionGy());
    assertThat(profile.ptvVolumeCc()).as("the synthetic studies have no PTV ROI").isNull();
    assertThat(profile.organs())
        .extracting(KnowledgeBase.QueryOrgan::oar)
        .containsExactlyElementsOf(
            other.read(id).signatures().keySet().stream()
                .map(PairKey::oarName)
                .distinct()
                .sorted()
                .toList());
    for (KnowledgeBase.QueryOrgan o : profile.organs()) {
      KnowledgeIndex.Organ stored = mine.organs().get(o.oar());
      assertThat(o.r50Mm())
          .as(o.oar())
          .isEqualTo(stored.plan() == null ? null : stored.plan().r50Mm());
      assertThat(o.dmeanGy())
          .as(o.oar())
          .isEqualTo(Double.isNaN(stored.dmeanGy()) ? null : stored.dmeanGy());
    }

    String organ = profile.organs().get(0).oar();
    KnowledgeBase.SimilarList seen =
        kb.similar(id, EVERYONE, organ, 5, KnowledgeBase.Settings.DEFAULT);
    assertThat(seen.ranked()).hasSize(5);
    for (KnowledgeBase.Similar s : seen.ranked()) {
      int theirs = Integer.parseInt(s.study().studyInstanceUid().substring(5)) - 1_000_000_000;
      assertThat(s.study().patientName()).isEqualTo("Synthetic^" + theirs);
      assertThat(s.study().ownHospital()).isTrue();
      for (KnowledgeBase.OarMatch m : s.oars()) {
        OarReview.OarPlan plan = other.entry(theirs).organs().get(m.oar()).plan();
        assertThat(m.r50Mm()).as(m.oar()).isEqualTo(plan == null ? null : plan.r50Mm());
      }
    }
    KnowledgeBase.SimilarList hidden =
        kb.similar(id, LocalKnowledge.caller(false), organ, 5, KnowledgeBase.Settings.DEFAULT);
    assertThat(hidden.ranked())
        .allSatisfy(
            s -> {
              assertThat(s.study().patientName()).isNull();
              assertThat(s.study().patientId()).isNull();
              assertThat(s.study().ownHospital()).isFalse();
            });

    KnowledgeBase.DvhBandView band =
        kb.dvhBand(id, EVERYONE, organ, KnowledgeBase.Settings.DEFAULT.with(null, 3), 0.5);
    assertThat(band.curves()).hasSameSizeAs(band.studies()).isNotEmpty();
    for (KnowledgeBase.Curve c : band.curves()) {
      assertThat(c.doseGy()).hasSameSizeAs(c.volumePercent());
      assertThat(c.volumePercent()[0]).isCloseTo(100.0, within(1e-6));
    }
  }

  @Test
  void aStudyThatLosesItsSignaturesLeavesEveryNodesIndexAndItsRows() throws SQLException {
    KnowledgeIndex other = LocalKnowledge.index(factory);
    SyntheticSignatures.Study s = g.realistic("gone");
    int id = writer.store(new SyntheticSignatures.Study("gone", 70, s.pairs()), true);
    assertThat(similarity(id)).contains("most similar per organ stored");
    other.refresh();
    assertThat(other.entry(id)).isNotNull();
    assertThat(similarityRows(id)).isNotEmpty();

    // recomputed from a structure set without targets: no OVH/STS any more
    database.execute("delete from ovh where fk_study_id_id = " + id);
    database.execute("delete from sts where fk_study_id_id = " + id);
    assertThat(similarity(id)).startsWith("no similarity");
    other.refresh();
    assertThat(other.entry(id)).isNull();
    assertThat(other.signatures().contains(KnowledgeIndex.key(id))).isFalse();
    assertThat(similarityRows(id)).isEmpty();
  }

  @Test
  void aDamagedRowIsLeftOutWhileEveryOtherPairIsIndexed() throws SQLException {
    SyntheticSignatures.Study s = g.realistic("damaged");
    int id = writer.store(new SyntheticSignatures.Study("damaged", 70, s.pairs()), true);
    writer.logChange(id);
    database.execute(
        "update sts set amounts = 'rtds-sts-v1:not,numbers' where fk_study_id_id = "
            + id
            + " order by id limit 1");
    KnowledgeIndex fresh = LocalKnowledge.index(factory);
    fresh.refresh();
    assertThat(fresh.entry(id)).isNotNull();
    assertThat(fresh.signatures().size()).isGreaterThanOrEqualTo(60);
    KnowledgeBase.SimilarList answer =
        LocalKnowledge.knowledgeBase(factory.createEntityManager(), fresh)
            .similar(id, EVERYONE, null, 3, KnowledgeBase.Settings.DEFAULT);
    assertThat(answer.ranked()).hasSize(3);
    assertThat(fresh.read(id).signatures()).hasSize(s.pairs().size() - 1);
  }

  @Test
  void theAchievableDoseCheckFromTheIndexEqualsTheReviewOfEveryComparablePlan() {
    KnowledgeIndex other = LocalKnowledge.index(factory);
    EntityManager em = factory.createEntityManager();
    KnowledgeBase kb = LocalKnowledge.knowledgeBase(em, other);
    KnowledgeBase.Settings settings = KnowledgeBase.Settings.DEFAULT.with(0.0, 3);
    int checked = 0;
    int harder = 0;
    for (int query : List.of(3, 10, 25, 40)) {
      int id = studyIds().get(query);
      List<KnowledgeBase.QcRow> rows = kb.qc(id, EVERYONE, settings);
      assertThat(rows).isNotEmpty();
      for (KnowledgeBase.QcRow row : rows) {
        KnowledgeIndex.Organ mine = other.entry(id).organs().get(row.oar());
        // the plain way: every comparable plan with the organ, ranked on the organ's pairs
        List<OarReview.OarPlan> ranked = new ArrayList<>();
        for (RankedCandidate r : fullScan(id, row.oar(), 1)) {
          KnowledgeIndex.Organ o =
              other.entry(Integer.parseInt(r.studyKey())).organs().get(row.oar());
          if (o != null && o.plan() != null) {
            ranked.add(renamed(o.plan(), uid(Integer.parseInt(r.studyKey()))));
          }
        }
        OarReview.Result plain =
            OarReview.review(
                row.oar(),
                renamed(mine.plan(), "query"),
                ranked,
                settings.geometry(),
                settings.toleranceGy(),
                settings.topK());
        assertThat(row.candidates()).isEqualTo(plain.candidates());
        assertThat(row.evidence()).isEqualTo(plain.achievable().harderGeometry());
        assertThat(row.achievableGy())
            .isEqualTo(
                Double.isFinite(plain.achievable().achievableGy())
                    ? plain.achievable().achievableGy()
                    : null);
        assertThat(row.flagged()).isEqualTo(plain.flagged());
        assertThat(row.topK().get(1).studyKeys()).isEqualTo(plain.topK().d50().studyKeys());
        checked++;
        harder += row.evidence().size();
      }
    }
    em.close();
    assertThat(checked).isGreaterThan(10);
    assertThat(harder).as("some organs have harder-geometry evidence").isPositive();
  }

  private static OarReview.OarPlan renamed(OarReview.OarPlan p, String key) {
    return new OarReview.OarPlan(
        key, p.rvMmByLevel(), p.unionLevel(), p.dmeanGy(), p.d50Gy(), p.d003ccGy());
  }

  private static String uid(int studyId) {
    return "2.25." + (1_000_000_000L + studyId);
  }

  private static List<Integer> studyIds() {
    return database.query("select id from studies order by id").stream()
        .map(r -> ((Number) r.get("id")).intValue())
        .toList();
  }

  /** (query, historical, level, organ, OVH EMD, STS EMD, TDdiff) of every row involving it. */
  private static List<List<Object>> similarityRows(int studyId) {
    return database
        .query(
            "select s.fk_study_id_id q, s.fk_historical_study_id h, p.ROIName l, o.ROIName oar,"
                + " s.OVHDissimilarity ovh, s.STSDissimilarity sts, s.Similarity td"
                + " from similarity s join oar_dictionary p on p.id = s.fk_ptv_id"
                + " join oar_dictionary o on o.id = s.TargetOAR"
                + " where s.fk_study_id_id = ? or s.fk_historical_study_id = ?",
            studyId,
            studyId)
        .stream()
        .map(
            r ->
                List.<Object>of(
                    ((Number) r.get("q")).intValue(),
                    ((Number) r.get("h")).intValue(),
                    r.get("l"),
                    r.get("oar"),
                    ((Number) r.get("ovh")).doubleValue(),
                    ((Number) r.get("sts")).doubleValue(),
                    ((Number) r.get("td")).doubleValue()))
        .toList();
  }
}

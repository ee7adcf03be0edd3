package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rtds.features.control.GeometryFeatureWriter;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ranking.AchievableDose;
import org.rtds.features.knowledge.ranking.CandidateComparison;
import org.rtds.features.knowledge.ranking.DvhBand;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.RankedCandidate;
import org.rtds.features.knowledge.ranking.Ranking;
import org.rtds.features.knowledge.ranking.SimilarityRanking;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.ranking.TopKDoses;

/**
 * The knowledge base's answers for one query study, from the stored rows ({@code similarity},
 * {@code ovh}, {@code rt_dvh}): the historical plans ranked by similarity, the achievable-dose
 * check of every organ, and the DVH band of the most similar plans. Read-only, no transaction of
 * its own.
 *
 * <p>Every account's studies count as evidence; a study the caller may not see identifiably is
 * named by its de-identified key only. Who sees what is not decided here: the {@link Caller} says
 * it (the web tier implements it with rtds-security's {@code StudyVisibility}, the one rule).
 */
@ApplicationScoped
public class KnowledgeBase {

  /** Doses shown for a similar plan's organ. */
  private static final List<String> METRICS = List.of("Dmean", "D50%", "D0.03cc");

  @PersistenceContext EntityManager em;

  @Inject StudyDvhs dvhs;

  /**
   * How answers are computed (docs/knowledge-base.md).
   *
   * @param weights the similarity score's weights, scales and ranking filter on |TDdiff|
   * @param toleranceGy τ of the harder-geometry rule (Gy)
   * @param topK k of the top-k summaries and the DVH band
   * @param qcPrescriptionToleranceGy plans count as evidence for doses only when |TDdiff| is at
   *     most this (Gy): same prescription
   * @param geometry which plans count as at least as hard
   */
  public record Settings(
      SimilarityWeights weights,
      double toleranceGy,
      int topK,
      double qcPrescriptionToleranceGy,
      OarReview.Geometry geometry) {

    /** The defaults: spec §3.5 weights, τ = 3 Gy, k = 5, same prescription ±1 Gy, whole OVH. */
    public static final Settings DEFAULT =
        new Settings(
            SimilarityWeights.DEFAULT,
            AchievableDose.DEFAULT_TOLERANCE_GY,
            TopKDoses.DEFAULT_K,
            1,
            OarReview.Geometry.WHOLE_OVH);

    /**
     * Validates.
     *
     * @param weights weights
     * @param toleranceGy τ (Gy)
     * @param topK k
     * @param qcPrescriptionToleranceGy prescription tolerance (Gy)
     * @param geometry criterion
     */
    public Settings {
      if (weights == null || geometry == null) {
        throw new IllegalArgumentException("weights and geometry criterion required");
      }
      if (!(toleranceGy >= 0) || !(qcPrescriptionToleranceGy >= 0)) {
        throw new IllegalArgumentException("tolerances must be ≥ 0 Gy");
      }
      if (topK < 1 || topK > 100) {
        throw new IllegalArgumentException("k must be between 1 and 100");
      }
    }

    /**
     * @param tolerance τ (Gy), null for this one's
     * @param k k, null for this one's
     * @return a copy with those values
     */
    public Settings with(Double tolerance, Integer k) {
      return new Settings(
          weights,
          tolerance == null ? toleranceGy : tolerance,
          k == null ? topK : k,
          qcPrescriptionToleranceGy,
          geometry);
    }
  }

  /** Who asks: decides which studies are shown identifiably, and how the others are named. */
  public interface Caller {
    /**
     * @param senderAccountId the account that sent a study (null for legacy rows)
     * @return whether the caller may see that study's identity
     */
    boolean identifiable(Integer senderAccountId);

    /**
     * @param studyId a study's row id
     * @return its stable de-identified key
     */
    String deidentifiedKey(int studyId);
  }

  /**
   * A historical study as the caller may see it.
   *
   * @param studyKey its StudyInstanceUID when identifiable, else its de-identified key
   * @param identifiable whether the caller may see its identity
   * @param studyInstanceUid null unless identifiable
   * @param patientId null unless identifiable
   * @param prescriptionGy its prescription (Gy), null when unknown
   */
  public record StudyRef(
      String studyKey,
      boolean identifiable,
      String studyInstanceUid,
      String patientId,
      Double prescriptionGy) {}

  /**
   * One matched (target level, organ) pair of a similar study.
   *
   * @param ptv the target level
   * @param oar the organ's TG-263 name
   * @param ovhEmdMm EMD of the OVHs (mm)
   * @param stsEmdMm EMD of the STSs (mm)
   * @param achievedDmeanGy the similar plan's mean dose to the organ (Gy), null when unknown
   * @param achievedD50Gy its D50% (Gy), null when unknown
   */
  public record OarMatch(
      String ptv,
      String oar,
      double ovhEmdMm,
      double stsEmdMm,
      Double achievedDmeanGy,
      Double achievedD50Gy) {}

  /**
   * A ranked historical study.
   *
   * @param rank 1 = most similar
   * @param study the study
   * @param score the similarity score (dimensionless, lower = more similar)
   * @param targetDoseDiffGy TDdiff = query − historical prescription (Gy)
   * @param oars the matched pairs
   */
  public record Similar(
      int rank, StudyRef study, double score, double targetDoseDiffGy, List<OarMatch> oars) {}

  /**
   * @param ranked best first, at most the limit
   * @param candidates how many studies were compared
   */
  public record SimilarList(List<Similar> ranked, int candidates) {}

  /**
   * What the top-k most similar plans achieved for one metric.
   *
   * @param metric Dmean, D50% or D0.03cc
   * @param medianGy median (Gy)
   * @param minimumGy minimum (Gy)
   * @param minimumStudyKey the plan with the minimum
   * @param studyKeys the plans
   */
  public record TopMetric(
      String metric,
      Double medianGy,
      Double minimumGy,
      String minimumStudyKey,
      List<String> studyKeys) {}

  /**
   * One organ's achievable-dose check.
   *
   * @param ptv the target level of r50 ({@value TargetLevels#ALL}: the union)
   * @param oar TG-263 name
   * @param oarRoi the organ's ROI name in the query
   * @param metric {@value OarReview#METRIC}
   * @param r50Mm the query's r50 (mm)
   * @param achievedGy the query's D50 (Gy)
   * @param achievableGy D̂: the lowest D50 among plans with harder-or-equal geometry (Gy); null
   *     when there is none
   * @param toleranceGy τ (Gy)
   * @param thresholdGy D̂ + τ: above it the organ is flagged (Gy); null without D̂
   * @param excessGy achieved − achievable (Gy)
   * @param flagged whether achievedGy &gt; thresholdGy
   * @param rule the rule and the geometry criterion
   * @param evidence the plans with harder-or-equal geometry, lowest dose first
   * @param evidenceStudyKey the plan that achieved D̂
   * @param candidates comparable plans with this organ
   * @param explanation one line
   * @param topK what the k most similar plans achieved (median, minimum)
   * @param topKRule the top-k rule
   */
  public record QcRow(
      String ptv,
      String oar,
      String oarRoi,
      String metric,
      double r50Mm,
      Double achievedGy,
      Double achievableGy,
      double toleranceGy,
      Double thresholdGy,
      Double excessGy,
      boolean flagged,
      String rule,
      List<String> evidence,
      String evidenceStudyKey,
      int candidates,
      String explanation,
      List<TopMetric> topK,
      String topKRule) {}

  /**
   * The DVH band of the k most similar plans for one organ, on a common dose grid.
   *
   * @param oar TG-263 name
   * @param k k
   * @param studies the plans, most similar first
   * @param doseGy the grid (Gy)
   * @param minimumPercent lowest V(dose) (% of the organ)
   * @param medianPercent median
   * @param maximumPercent highest
   * @param queryDoseGy the query's own DVH doses (Gy), to overlay
   * @param queryVolumePercent the query's own V(dose) (%)
   * @param rule how the band is formed
   */
  public record DvhBandView(
      String oar,
      int k,
      List<StudyRef> studies,
      double[] doseGy,
      double[] minimumPercent,
      double[] medianPercent,
      double[] maximumPercent,
      double[] queryDoseGy,
      double[] queryVolumePercent,
      String rule) {}

  /** Thrown when the query has no such organ; the message lists the ones it has. */
  public static final class UnknownOrganException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownOrganException(String message) {
      super(message);
    }
  }

  /**
   * @param studyId the query study
   * @param caller who asks
   * @param oar only this organ's pairs count (TG-263 name, case-insensitive), or null for all
   * @param limit at most this many (≥ 1)
   * @param settings weights
   * @return the ranking
   * @throws UnknownOrganException when {@code oar} is not one of the query's organs
   */
  public SimilarList similar(int studyId, Caller caller, String oar, int limit, Settings settings) {
    Stored stored = load(studyId);
    String organ = oar == null ? null : stored.organ(oar);
    Ranking ranking =
        SimilarityRanking.rank(
            stored.comparisons(organ, Double.POSITIVE_INFINITY), settings.weights());
    List<RankedCandidate> top =
        ranking.ranked().subList(0, Math.min(limit, ranking.ranked().size()));
    Set<Integer> ids = new TreeSet<>();
    top.forEach(r -> ids.add(Integer.valueOf(r.studyKey())));
    Map<Integer, StudyRef> refs = refs(ids, caller);
    Map<Integer, Map<String, OrganDoses>> doses = organDoses(geometry(ids));
    List<Similar> out = new ArrayList<>();
    for (RankedCandidate r : top) {
      int id = Integer.parseInt(r.studyKey());
      List<OarMatch> oars = new ArrayList<>();
      for (RankedCandidate.ScoredPair p : r.pairs()) {
        OrganDoses d = doses.getOrDefault(id, Map.of()).get(p.key().oarName());
        oars.add(
            new OarMatch(
                p.key().ptvRole(),
                p.key().oarName(),
                p.ovhEmdMm(),
                p.stsEmdMm(),
                d == null ? null : finite(d.dmeanGy()),
                d == null ? null : finite(d.d50Gy())));
      }
      out.add(new Similar(r.rank(), refs.get(id), r.score(), r.targetDoseDifferenceGy(), oars));
    }
    return new SimilarList(out, stored.candidates.size());
  }

  /**
   * The achievable-dose check of every organ of the query.
   *
   * @param studyId the query study
   * @param caller who asks
   * @param settings τ, k, criteria
   * @return one row per organ, by name
   */
  public List<QcRow> qc(int studyId, Caller caller, Settings settings) {
    Stored stored = load(studyId);
    Set<Integer> comparable = stored.comparable(settings.qcPrescriptionToleranceGy());
    Set<Integer> all = new TreeSet<>(comparable);
    all.add(studyId);
    Map<Integer, Map<String, Geometry>> theirs = geometry(all);
    Map<String, Geometry> query = theirs.getOrDefault(studyId, Map.of());
    Map<Integer, Map<String, OrganDoses>> doses = organDoses(theirs);
    Map<Integer, StudyRef> refs = refs(comparable, caller);
    List<QcRow> rows = new ArrayList<>();
    for (Map.Entry<String, Geometry> organ : new TreeMap<>(query).entrySet()) {
      String oar = organ.getKey();
      OrganDoses mine = doses.getOrDefault(studyId, Map.of()).get(oar);
      if (!organ.getValue().complete()) {
        continue;
      }
      OarReview.OarPlan q = plan("query", organ.getValue(), mine);
      List<OarReview.OarPlan> candidates = new ArrayList<>();
      for (RankedCandidate r : rankFor(stored, oar, settings, comparable)) {
        int id = Integer.parseInt(r.studyKey());
        Geometry g = theirs.getOrDefault(id, Map.of()).get(oar);
        if (g != null && g.complete()) {
          candidates.add(
              plan(refs.get(id).studyKey(), g, doses.getOrDefault(id, Map.of()).get(oar)));
        }
      }
      OarReview.Result r =
          OarReview.review(
              oar, q, candidates, settings.geometry(), settings.toleranceGy(), settings.topK());
      rows.add(row(organ.getValue(), r, settings));
    }
    return rows;
  }

  /**
   * @param studyId the query study
   * @param caller who asks
   * @param oar the organ (TG-263 name, case-insensitive)
   * @param settings k, criteria
   * @param stepGy the dose grid step (Gy)
   * @return the band; empty studies when no comparable plan has the organ
   * @throws UnknownOrganException when the query has no such organ
   */
  public DvhBandView dvhBand(
      int studyId, Caller caller, String oar, Settings settings, double stepGy) {
    Stored stored = load(studyId);
    String organ = stored.organ(oar);
    Set<Integer> comparable = stored.comparable(settings.qcPrescriptionToleranceGy());
    List<Integer> top = new ArrayList<>();
    for (RankedCandidate r : rankFor(stored, organ, settings, comparable)) {
      top.add(Integer.valueOf(r.studyKey()));
    }
    List<Integer> studies = new ArrayList<>(top);
    studies.add(studyId);
    Map<Integer, Map<String, Geometry>> geometry = geometry(studies);
    Map<Integer, Integer> roiOf = new LinkedHashMap<>();
    for (int id : top) {
      Geometry g = geometry.getOrDefault(id, Map.of()).get(organ);
      if (g != null && roiOf.size() < settings.topK()) {
        roiOf.put(id, g.roiId);
      }
    }
    Geometry mine = geometry.getOrDefault(studyId, Map.of()).get(organ);
    List<Integer> roiIds = new ArrayList<>(roiOf.values());
    if (mine != null) {
      roiIds.add(mine.roiId);
    }
    Map<Integer, StudyDvhs.Dvh> curves = dvhs.computedByRoi(roiIds, List.of());
    List<DvhBand.Curve> band = new ArrayList<>();
    List<StudyRef> used = new ArrayList<>();
    Map<Integer, StudyRef> refs = refs(roiOf.keySet(), caller);
    for (Map.Entry<Integer, Integer> e : roiOf.entrySet()) {
      StudyDvhs.Dvh d = curves.get(e.getValue());
      if (d != null && d.doseGy().length > 0) {
        band.add(fractionCurve(d));
        used.add(refs.get(e.getKey()));
      }
    }
    StudyDvhs.Dvh q = mine == null ? null : curves.get(mine.roiId);
    String rule =
        "minimum, median and maximum cumulative DVH of the k most similar plans with the same"
            + " prescription (spec 3.6)";
    if (band.isEmpty()) {
      return new DvhBandView(
          organ,
          settings.topK(),
          List.of(),
          new double[0],
          new double[0],
          new double[0],
          new double[0],
          q == null ? null : q.doseGy(),
          q == null ? null : q.volumePercent(),
          rule);
    }
    DvhBand.Band b = DvhBand.of(band, stepGy);
    return new DvhBandView(
        organ,
        settings.topK(),
        used,
        b.doseGy(),
        percent(b.minimum()),
        percent(b.median()),
        percent(b.maximum()),
        q == null ? null : q.doseGy(),
        q == null ? null : q.volumePercent(),
        rule);
  }

  // ------------------------------------------------------------------------------------------

  /** The query's similarity rows. */
  private final class Stored {
    final Map<Integer, Double> targetDoseDiff = new HashMap<>();
    final Map<Integer, List<CandidateComparison.PairComparison>> candidates = new TreeMap<>();
    final Set<String> organs = new TreeSet<>();

    String organ(String name) {
      for (String o : organs) {
        if (o.equalsIgnoreCase(name.trim())) {
          return o;
        }
      }
      throw new UnknownOrganException(
          "the study has no organ '"
              + name
              + "' in common with the knowledge base; its organs: "
              + String.join(", ", organs));
    }

    Set<Integer> comparable(double toleranceGy) {
      Set<Integer> out = new TreeSet<>();
      targetDoseDiff.forEach(
          (id, diff) -> {
            if (diff != null && Math.abs(diff) <= toleranceGy) {
              out.add(id);
            }
          });
      return out;
    }

    List<CandidateComparison> comparisons(String organ, double toleranceGy) {
      List<CandidateComparison> out = new ArrayList<>();
      candidates.forEach(
          (id, pairs) -> {
            Double diff = targetDoseDiff.get(id);
            if (diff != null && !(Math.abs(diff) <= toleranceGy)) {
              return;
            }
            List<CandidateComparison.PairComparison> kept =
                organ == null
                    ? pairs
                    : pairs.stream().filter(p -> p.key().oarName().equals(organ)).toList();
            out.add(
                new CandidateComparison(
                    String.valueOf(id), diff == null ? Double.NaN : diff, kept));
          });
      return out;
    }
  }

  private Stored load(int studyId) {
    Map<String, String> names = new HashMap<>();
    for (Object[] r :
        em.createQuery("select e.id, e.roiName from OarDictionaryEntry e", Object[].class)
            .getResultList()) {
      names.put(String.valueOf(r[0]), (String) r[1]);
    }
    Stored s = new Stored();
    for (Object[] r :
        em.createQuery(
                "select s.historicalStudy.id, s.ptv.roiName, s.targetOar, s.ovhDissimilarity,"
                    + " s.stsDissimilarity, s.targetDoseDifferenceGy from Similarity s"
                    + " where s.study.id = :id and s.historicalStudy is not null"
                    + " and s.ptv is not null order by s.historicalStudy.id, s.id",
                Object[].class)
            .setParameter("id", studyId)
            .getResultList()) {
      String oar = names.get((String) r[2]);
      if (oar == null) {
        continue;
      }
      int id = (Integer) r[0];
      s.organs.add(oar);
      s.targetDoseDiff.put(id, (Double) r[5]);
      s.candidates
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(
              new CandidateComparison.PairComparison(
                  new PairKey((String) r[1], oar), (Double) r[3], (Double) r[4]));
    }
    return s;
  }

  /** The comparable candidates ranked by their similarity for one organ. */
  private static List<RankedCandidate> rankFor(
      Stored stored, String organ, Settings settings, Set<Integer> comparable) {
    List<CandidateComparison> c = new ArrayList<>();
    for (CandidateComparison cc : stored.comparisons(organ, Double.POSITIVE_INFINITY)) {
      if (comparable.contains(Integer.valueOf(cc.studyKey())) && !cc.pairs().isEmpty()) {
        c.add(cc);
      }
    }
    return SimilarityRanking.rank(c, settings.weights()).ranked();
  }

  /** One organ's r_v per target level and its ROI (the one paired with the union). */
  private static final class Geometry {
    final Map<String, double[]> rvByLevel = new HashMap<>();
    String roiName;
    int roiId;

    boolean complete() {
      return rvByLevel.containsKey(TargetLevels.ALL);
    }
  }

  /** The organs' geometry of each study: organ → r_v per level. */
  private Map<Integer, Map<String, Geometry>> geometry(Collection<Integer> studyIds) {
    Map<Integer, Map<String, Geometry>> out = new HashMap<>();
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
      Geometry g =
          out.computeIfAbsent((Integer) r[0], k -> new HashMap<>())
              .computeIfAbsent((String) r[2], k -> new Geometry());
      g.rvByLevel.putIfAbsent(
          (String) r[1],
          NumberLists.parse(
              NumberLists.stripMarker((String) r[5], GeometryFeatureWriter.RV_FORMAT, "ovh.RvMm"),
              "ovh.RvMm"));
      if (TargetLevels.ALL.equals(r[1]) || g.roiName == null) {
        g.roiId = (Integer) r[3];
        g.roiName = (String) r[4];
      }
    }
    return out;
  }

  /** An organ's doses (Gy, NaN when unknown). */
  private record OrganDoses(double dmeanGy, double d50Gy, double d003ccGy) {}

  /** Each study's organ doses from its computed DVHs, by TG-263 name. */
  private Map<Integer, Map<String, OrganDoses>> organDoses(
      Map<Integer, Map<String, Geometry>> geometry) {
    Map<Integer, Integer> studyOfRoi = new HashMap<>();
    Map<Integer, String> organOfRoi = new HashMap<>();
    geometry.forEach(
        (study, organs) ->
            organs.forEach(
                (organ, g) -> {
                  studyOfRoi.put(g.roiId, study);
                  organOfRoi.put(g.roiId, organ);
                }));
    Map<Integer, Map<String, OrganDoses>> out = new HashMap<>();
    dvhs.computedByRoi(studyOfRoi.keySet(), METRICS)
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
              out.computeIfAbsent(studyOfRoi.get(roi), k -> new HashMap<>())
                  .put(organOfRoi.get(roi), new OrganDoses(v[0], v[1], v[2]));
            });
    return out;
  }

  /** How each study is shown to the caller. */
  private Map<Integer, StudyRef> refs(Collection<Integer> studyIds, Caller caller) {
    Map<Integer, StudyRef> out = new HashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    Map<Integer, Double> rx = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select p.study.id, p.prescriptionDoseGy from RtPlan p where p.study.id in :ids"
                    + " order by p.id",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      rx.put((Integer) r[0], (Double) r[1]);
    }
    for (Object[] r :
        em.createQuery(
                "select s.id, s.user.id, s.studyInstanceUid, s.patient.patientId from Study s"
                    + " where s.id in :ids",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      int id = (Integer) r[0];
      boolean identifiable = caller.identifiable((Integer) r[1]);
      out.put(
          id,
          identifiable
              ? new StudyRef((String) r[2], true, (String) r[2], (String) r[3], rx.get(id))
              : new StudyRef(caller.deidentifiedKey(id), false, null, null, rx.get(id)));
    }
    return out;
  }

  private static OarReview.OarPlan plan(String key, Geometry g, OrganDoses d) {
    return new OarReview.OarPlan(
        key,
        g.rvByLevel,
        TargetLevels.ALL,
        d == null ? Double.NaN : d.dmeanGy(),
        d == null ? Double.NaN : d.d50Gy(),
        d == null ? Double.NaN : d.d003ccGy());
  }

  private static QcRow row(Geometry g, OarReview.Result r, Settings settings) {
    AchievableDose.Check c = r.achievable();
    Double achievable = finite(c.achievableGy());
    List<TopMetric> top = new ArrayList<>();
    for (TopKDoses.Summary s : List.of(r.topK().dmean(), r.topK().d50(), r.topK().d003cc())) {
      top.add(
          new TopMetric(
              s.metric().equals("D50") ? "D50%" : s.metric(),
              finite(s.medianGy()),
              finite(s.minimumGy()),
              s.minimumStudyKey(),
              s.studyKeys()));
    }
    return new QcRow(
        TargetLevels.ALL,
        r.oar(),
        g.roiName,
        OarReview.METRIC,
        r.query().r50Mm(),
        finite(r.query().d50Gy()),
        achievable,
        settings.toleranceGy(),
        achievable == null ? null : achievable + settings.toleranceGy(),
        finite(c.excessGy()),
        c.flagged(),
        c.rule() + "; harder-or-equal geometry: " + describe(r.geometry()),
        c.harderGeometry(),
        c.evidenceStudyKey(),
        r.candidates(),
        r.oar() + " " + c.explanation(),
        top,
        String.format(Locale.ROOT, "%s, k = %d", r.topK().rule(), r.topK().k()));
  }

  private static String describe(OarReview.Geometry g) {
    return g == OarReview.Geometry.WHOLE_OVH
        ? "same target levels and r_v <= the query's for every v and every level"
        : "r50 <= the query's relative to the union of the targets";
  }

  private static DvhBand.Curve fractionCurve(StudyDvhs.Dvh d) {
    double[] dose = d.doseGy();
    double[] v = d.volumePercent();
    // strictly ascending doses for the band (a curve's bins never repeat a dose)
    double[] f = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = v[i] / 100;
    }
    return new DvhBand.Curve(dose, f);
  }

  private static double[] percent(double[] fractions) {
    double[] out = new double[fractions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(fractions[i] * 1e6) / 1e4;
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

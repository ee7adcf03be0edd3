package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.rtds.features.control.GeometryFeatureWriter;
import org.rtds.features.control.KnowledgeRows;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.index.SignatureIndex;
import org.rtds.features.knowledge.ranking.AchievableDose;
import org.rtds.features.knowledge.ranking.DvhBand;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.RankedCandidate;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.ranking.TopKDoses;

/**
 * The knowledge base's answers for one query study: the historical plans ranked by similarity, the
 * achievable-dose check of every organ, and the DVH band of the most similar plans. Computed when
 * asked from this node's {@link KnowledgeIndex} of the stored OVH/STS rows (caught up with the
 * database first), under the weights and criteria given, so every study stored so far takes part
 * and a change of weights needs no recomputation; the DVH curves come from {@code rt_dvh}.
 * Read-only, no transaction of its own.
 *
 * <p>Every account's studies count as evidence; a study the caller may not see identifiably is
 * named by its de-identified key only. Who sees what is not decided here: the {@link Caller} says
 * it (the web tier implements it with rtds-security's {@code StudyVisibility}, the one rule).
 */
@ApplicationScoped
public class KnowledgeBase {

  @PersistenceContext EntityManager em;

  @Inject StudyDvhs dvhs;

  @Inject KnowledgeIndex index;

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

    /**
     * @param senderAccountId the account that sent a study (null for legacy rows)
     * @return whether the study was sent by the caller's own hospital (a superuser sees other
     *     hospitals' studies identifiably, but they are still not its own); by default the same as
     *     {@link #identifiable}
     */
    default boolean ownHospital(Integer senderAccountId) {
      return identifiable(senderAccountId);
    }
  }

  /**
   * A historical study as the caller may see it.
   *
   * @param studyKey its StudyInstanceUID when identifiable, else its de-identified key
   * @param identifiable whether the caller may see its identity
   * @param studyInstanceUid null unless identifiable
   * @param patientId null unless identifiable
   * @param prescriptionGy its prescription (Gy), null when unknown
   * @param patientName DICOM Patient's Name (0010,0010), null unless identifiable
   * @param ownHospital whether the caller's own hospital sent it ({@link Caller#ownHospital})
   * @param ptvVolumeCc the volume of its largest PTV (cc; with nested dose levels the outermost),
   *     null when it has none with a volume
   */
  public record StudyRef(
      String studyKey,
      boolean identifiable,
      String studyInstanceUid,
      String patientId,
      Double prescriptionGy,
      String patientName,
      boolean ownHospital,
      Double ptvVolumeCc) {

    /**
     * A reference without name, hospital or PTV volume (identifiable ones count as the caller's own
     * hospital).
     *
     * @param studyKey key
     * @param identifiable identifiable
     * @param studyInstanceUid UID
     * @param patientId Patient ID
     * @param prescriptionGy Gy
     */
    public StudyRef(
        String studyKey,
        boolean identifiable,
        String studyInstanceUid,
        String patientId,
        Double prescriptionGy) {
      this(
          studyKey,
          identifiable,
          studyInstanceUid,
          patientId,
          prescriptionGy,
          null,
          identifiable,
          null);
    }
  }

  /**
   * One matched (target level, organ) pair of a similar study.
   *
   * @param ptv the target level
   * @param oar the organ's TG-263 name
   * @param ovhEmdMm EMD of the OVHs (mm)
   * @param stsEmdMm EMD of the STSs (mm)
   * @param achievedDmeanGy the similar plan's mean dose to the organ (Gy), null when unknown
   * @param achievedD50Gy its D50% (Gy), null when unknown
   * @param r50Mm the similar plan's r50 of the organ relative to the union of its targets (mm: the
   *     distance from the targets' surface within which half the organ lies, negative inside), null
   *     without an OVH relative to the union
   */
  public record OarMatch(
      String ptv,
      String oar,
      double ovhEmdMm,
      double stsEmdMm,
      Double achievedDmeanGy,
      Double achievedD50Gy,
      Double r50Mm) {

    /**
     * A match without r50.
     *
     * @param ptv level
     * @param oar organ
     * @param ovhEmdMm mm
     * @param stsEmdMm mm
     * @param achievedDmeanGy Gy
     * @param achievedD50Gy Gy
     */
    public OarMatch(
        String ptv,
        String oar,
        double ovhEmdMm,
        double stsEmdMm,
        Double achievedDmeanGy,
        Double achievedD50Gy) {
      this(ptv, oar, ovhEmdMm, stsEmdMm, achievedDmeanGy, achievedD50Gy, null);
    }
  }

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
   * @param curves each plan's own DVH of the organ, in the order of {@code studies}
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
      String rule,
      List<Curve> curves) {}

  /**
   * A cumulative DVH of one organ.
   *
   * @param doseGy doses (Gy), ascending
   * @param volumePercent V(dose) (% of the organ)
   */
  public record Curve(double[] doseGy, double[] volumePercent) {}

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
    Query q = query(studyId);
    String organ = oar == null ? null : q.organ(oar);
    if (q.signatures.isEmpty()) {
      return new SimilarList(List.of(), 0);
    }
    SignatureIndex.Result result =
        index
            .signatures()
            .query(
                q.signatures,
                q.prescriptionGy,
                settings.weights(),
                limit,
                organ == null ? null : Set.of(organ),
                KnowledgeIndex.key(studyId));
    List<RankedCandidate> top = result.ranking().ranked();
    Set<Integer> ids = new TreeSet<>();
    top.forEach(r -> ids.add(Integer.valueOf(r.studyKey())));
    Map<Integer, StudyRef> refs = refs(ids, caller);
    List<Similar> out = new ArrayList<>();
    for (RankedCandidate r : top) {
      int id = Integer.parseInt(r.studyKey());
      KnowledgeIndex.Entry e = index.entry(id);
      List<OarMatch> oars = new ArrayList<>();
      for (RankedCandidate.ScoredPair p : r.pairs()) {
        KnowledgeIndex.Organ d = e == null ? null : e.organs().get(p.key().oarName());
        oars.add(
            new OarMatch(
                p.key().ptvRole(),
                p.key().oarName(),
                p.ovhEmdMm(),
                p.stsEmdMm(),
                d == null ? null : finite(d.dmeanGy()),
                d == null ? null : finite(d.d50Gy()),
                d == null || d.plan() == null ? null : finite(d.plan().r50Mm())));
      }
      out.add(new Similar(r.rank(), refs.get(id), r.score(), r.targetDoseDifferenceGy(), oars));
    }
    SignatureIndex.Stats stats = result.stats();
    return new SimilarList(
        out, stats.candidates() + stats.excludedByTargetDose() + stats.excludedNoWeight());
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
    Query q = query(studyId);
    SimilarityWeights comparable = comparableWeights(settings);
    Map<String, List<Pick>> mostSimilar = new TreeMap<>();
    Map<String, List<Pick>> harder = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Set<Integer> shown = new TreeSet<>();
    for (KnowledgeIndex.Organ organ : new TreeMap<>(q.organs).values()) {
      if (organ.plan() == null || q.signatures.isEmpty()) {
        continue;
      }
      String oar = organ.oar();
      List<Pick> top =
          mostSimilar(q, studyId, oar, comparable, settings.topK(), o -> o.plan() != null);
      Set<Integer> inTop = new HashSet<>();
      top.forEach(p -> inTop.add(p.studyId()));
      List<Pick> h = new ArrayList<>();
      int count = 0;
      for (KnowledgeIndex.Entry e : index.entries()) {
        KnowledgeIndex.Organ theirs = e.organs().get(oar);
        if (e.studyId() == studyId
            || theirs == null
            || theirs.plan() == null
            || !(Math.abs(q.prescriptionGy - e.prescriptionGy())
                <= settings.qcPrescriptionToleranceGy())) {
          continue;
        }
        count++;
        if (!inTop.contains(e.studyId())
            && theirs.plan().atLeastAsHardAs(organ.plan(), settings.geometry())) {
          h.add(new Pick(e.studyId(), theirs));
        }
      }
      mostSimilar.put(oar, top);
      harder.put(oar, h);
      counts.put(oar, count);
      top.forEach(p -> shown.add(p.studyId()));
      h.forEach(p -> shown.add(p.studyId()));
    }
    Map<Integer, StudyRef> refs = refs(shown, caller);
    List<QcRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<Pick>> e : mostSimilar.entrySet()) {
      String oar = e.getKey();
      KnowledgeIndex.Organ mine = q.organs.get(oar);
      OarReview.Result r =
          OarReview.review(
              oar,
              plan("query", mine),
              plans(e.getValue(), refs),
              plans(harder.get(oar), refs),
              counts.get(oar),
              settings.geometry(),
              settings.toleranceGy(),
              settings.topK());
      rows.add(row(mine, r, settings));
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
    Query q = query(studyId);
    String organ = q.organ(oar);
    Map<Integer, Integer> roiOf = new LinkedHashMap<>();
    for (Pick p :
        mostSimilar(q, studyId, organ, comparableWeights(settings), settings.topK(), o -> true)) {
      roiOf.put(p.studyId(), p.organ().roiId());
    }
    KnowledgeIndex.Organ mine = q.organs.get(organ);
    List<Integer> roiIds = new ArrayList<>(roiOf.values());
    if (mine != null) {
      roiIds.add(mine.roiId());
    }
    Map<Integer, StudyDvhs.Dvh> curves = dvhs.computedByRoi(roiIds, List.of());
    List<DvhBand.Curve> band = new ArrayList<>();
    List<StudyRef> used = new ArrayList<>();
    List<Curve> usedCurves = new ArrayList<>();
    Map<Integer, StudyRef> refs = refs(roiOf.keySet(), caller);
    for (Map.Entry<Integer, Integer> e : roiOf.entrySet()) {
      StudyDvhs.Dvh d = curves.get(e.getValue());
      if (d != null && d.doseGy().length > 0) {
        band.add(fractionCurve(d));
        used.add(refs.get(e.getKey()));
        usedCurves.add(new Curve(d.doseGy(), d.volumePercent()));
      }
    }
    StudyDvhs.Dvh own = mine == null ? null : curves.get(mine.roiId());
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
          own == null ? null : own.doseGy(),
          own == null ? null : own.volumePercent(),
          rule,
          List.of());
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
        own == null ? null : own.doseGy(),
        own == null ? null : own.volumePercent(),
        rule,
        usedCurves);
  }

  /**
   * The query study as its similar plans are compared with it.
   *
   * @param prescriptionGy its prescription (Gy), null when unknown
   * @param ptvVolumeCc the volume of its largest PTV (cc), null when unknown
   * @param organs its organs with an OVH and an STS (those {@link #similar} can rank on), by TG-263
   *     name; empty when its features are not computed
   */
  public record QueryProfile(Double prescriptionGy, Double ptvVolumeCc, List<QueryOrgan> organs) {}

  /**
   * One organ of the query study.
   *
   * @param oar TG-263 name
   * @param roiName its ROI name in the study
   * @param r50Mm r50 relative to the union of the targets (mm), null without that OVH
   * @param dmeanGy the plan's mean dose to it (Gy), null when unknown
   * @param d50Gy its D50% (Gy), null when unknown
   */
  public record QueryOrgan(
      String oar, String roiName, Double r50Mm, Double dmeanGy, Double d50Gy) {}

  /**
   * @param studyId the query study
   * @return its prescription, PTV volume and organs as the ranking sees them
   */
  public QueryProfile profile(int studyId) {
    Query q = query(studyId);
    List<QueryOrgan> organs = new ArrayList<>();
    for (String name : q.organNames) {
      KnowledgeIndex.Organ o = q.organs.get(name);
      organs.add(
          o == null
              ? new QueryOrgan(name, name, null, null, null)
              : new QueryOrgan(
                  name,
                  o.roiName(),
                  o.plan() == null ? null : finite(o.plan().r50Mm()),
                  finite(o.dmeanGy()),
                  finite(o.d50Gy())));
    }
    return new QueryProfile(
        finite(q.prescriptionGy), ptvVolumes(List.of(studyId)).get(studyId), organs);
  }

  /**
   * What the knowledge base holds and says of one study, in short.
   *
   * @param ovhPairs stored OVHs of (target level, organ) pairs
   * @param stsPairs stored STSs
   * @param comparedStudies other studies that share a (target level, organ) pair with it
   * @param flaggedOars organs the achievable-dose check flags (TG-263 names)
   */
  public record Summary(
      long ovhPairs, long stsPairs, long comparedStudies, List<String> flaggedOars) {}

  /**
   * The {@link Summary} of a study whose features are done.
   *
   * @param studyId the study
   * @param caller who asks
   * @param settings the achievable-dose check's tolerance and k
   */
  public Summary summary(int studyId, Caller caller, Settings settings) {
    long ovh =
        count(
            "select count(h) from Ovh h where h.study.id = :id and h.oarRoi is not null", studyId);
    long sts =
        count(
            "select count(h) from Sts h where h.study.id = :id and h.oarRoi is not null", studyId);
    long compared = similar(studyId, caller, null, 1, settings).candidates();
    List<String> flagged =
        compared == 0
            ? List.of()
            : qc(studyId, caller, settings).stream()
                .filter(QcRow::flagged)
                .map(QcRow::oar)
                .toList();
    return new Summary(ovh, sts, compared, flagged);
  }

  private long count(String jpql, int studyId) {
    return em.createQuery(jpql, Long.class).setParameter("id", studyId).getSingleResult();
  }

  // ------------------------------------------------------------------------------------------

  /** The query study as committed now, with the index caught up. */
  private static final class Query {
    final Map<PairKey, PairSignature> signatures;
    final double prescriptionGy;
    final Map<String, KnowledgeIndex.Organ> organs;
    final Set<String> organNames = new TreeSet<>();

    Query(KnowledgeIndex.Loaded loaded) {
      signatures = loaded == null ? Map.of() : loaded.signatures();
      prescriptionGy = loaded == null ? Double.NaN : loaded.entry().prescriptionGy();
      organs = loaded == null ? Map.of() : loaded.entry().organs();
      signatures.keySet().forEach(k -> organNames.add(k.oarName()));
    }

    String organ(String name) {
      for (String o : organNames) {
        if (o.equalsIgnoreCase(name.trim())) {
          return o;
        }
      }
      throw new UnknownOrganException(
          "the study has no organ '"
              + name
              + "' with an OVH and STS; its organs: "
              + (organNames.isEmpty() ? "none" : String.join(", ", organNames)));
    }
  }

  private Query query(int studyId) {
    index.refresh();
    return new Query(index.read(studyId));
  }

  /** The weights with the ranking filter narrowed to the QC's prescription tolerance. */
  private static SimilarityWeights comparableWeights(Settings settings) {
    SimilarityWeights w = settings.weights();
    return w.withMaxTargetDoseDifferenceGy(
        Math.min(w.maxTargetDoseDifferenceGy(), settings.qcPrescriptionToleranceGy()));
  }

  /**
   * The k studies most similar to the query on one organ's pairs whose organ passes the filter,
   * best first (asks the index for more while too many of its best fail the filter).
   */
  private List<Pick> mostSimilar(
      Query q,
      int studyId,
      String oar,
      SimilarityWeights weights,
      int k,
      Predicate<KnowledgeIndex.Organ> usable) {
    for (int asked = k; ; asked *= 4) {
      SignatureIndex.Result r =
          index
              .signatures()
              .query(
                  q.signatures,
                  q.prescriptionGy,
                  weights,
                  asked,
                  Set.of(oar),
                  KnowledgeIndex.key(studyId));
      List<Pick> out = new ArrayList<>();
      for (RankedCandidate c : r.ranking().ranked()) {
        int id = Integer.parseInt(c.studyKey());
        KnowledgeIndex.Entry e = index.entry(id);
        KnowledgeIndex.Organ o = e == null ? null : e.organs().get(oar);
        if (o != null && usable.test(o) && out.size() < k) {
          out.add(new Pick(id, o));
        }
      }
      if (out.size() >= k || r.topK().size() < asked) {
        return out;
      }
    }
  }

  /**
   * A study's organ as found in the index (kept, so that a refresh running meanwhile cannot take it
   * away).
   */
  private record Pick(int studyId, KnowledgeIndex.Organ organ) {}

  /** The picked organs as plans named by their keys for the caller. */
  private static List<OarReview.OarPlan> plans(List<Pick> picks, Map<Integer, StudyRef> refs) {
    List<OarReview.OarPlan> out = new ArrayList<>(picks.size());
    for (Pick p : picks) {
      StudyRef ref = refs.get(p.studyId());
      if (ref != null) {
        out.add(plan(ref.studyKey(), p.organ()));
      }
    }
    return out;
  }

  /** How each study is shown to the caller. */
  private Map<Integer, StudyRef> refs(Collection<Integer> studyIds, Caller caller) {
    Map<Integer, StudyRef> out = new HashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    Map<Integer, Double> rx = new KnowledgeRows(em).prescriptions(studyIds);
    Map<Integer, Double> ptv = ptvVolumes(studyIds);
    for (Object[] r :
        em.createQuery(
                "select s.id, s.user.id, s.studyInstanceUid, s.patient.patientId,"
                    + " s.patient.patientName from Study s where s.id in :ids",
                Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      int id = (Integer) r[0];
      Integer sender = (Integer) r[1];
      boolean identifiable = caller.identifiable(sender);
      boolean own = caller.ownHospital(sender);
      out.put(
          id,
          identifiable
              ? new StudyRef(
                  (String) r[2],
                  true,
                  (String) r[2],
                  (String) r[3],
                  rx.get(id),
                  (String) r[4],
                  own,
                  ptv.get(id))
              : new StudyRef(
                  caller.deidentifiedKey(id),
                  false,
                  null,
                  null,
                  rx.get(id),
                  null,
                  own,
                  ptv.get(id)));
    }
    return out;
  }

  /** Each study's largest PTV volume (cc), for studies that have one with a volume. */
  private Map<Integer, Double> ptvVolumes(Collection<Integer> studyIds) {
    Map<Integer, Double> out = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select r.study.id, max(r.volumeCc) from RtRoi r where r.study.id in :ids"
                    + " and r.role = :ptv and r.volumeCc is not null group by r.study.id",
                Object[].class)
            .setParameter("ids", studyIds)
            .setParameter("ptv", GeometryFeatureWriter.PTV_ROLE)
            .getResultList()) {
      out.put((Integer) r[0], (Double) r[1]);
    }
    return out;
  }

  private static OarReview.OarPlan plan(String key, KnowledgeIndex.Organ o) {
    OarReview.OarPlan p = o.plan();
    return new OarReview.OarPlan(
        key, p.rvMmByLevel(), p.unionLevel(), p.dmeanGy(), p.d50Gy(), p.d003ccGy());
  }

  private static QcRow row(KnowledgeIndex.Organ g, OarReview.Result r, Settings settings) {
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
        g.roiName(),
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

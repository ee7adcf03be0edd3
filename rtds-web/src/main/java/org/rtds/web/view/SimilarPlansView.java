package org.rtds.web.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.boot.RtdsConfig;

/**
 * The similar-plans page ({@code similar.xhtml?uid=}): the historical plans of the knowledge base
 * ranked by the similarity of one organ's geometry to this study's (best first), that organ's r50
 * (mm) and achieved doses (Gy) in each, an r50–Dmean scatter with this plan highlighted, and the
 * organ's DVH of this plan over those of the k most similar plans with their band.
 *
 * <p>Read through the same boundary and caller rule as the API's {@code /studies/{uid}/similar} and
 * {@code /similar/dvh-band} ({@link KnowledgeBase}, rtds-security's visibility rule through {@link
 * CallerAccount#knowledgeBaseCaller()}): another hospital's plan shows only its de-identified key.
 * The filters (hospital, similarity score, Dmean, prescription, PTV volume) are applied here over
 * the ranked list ({@link SimilarPlans.Filter}); the DVH band is the boundary's and is not
 * filtered. A study of another hospital, or one that does not exist, answers 404 in plain words; an
 * account without the knowledge-base permission 403.
 */
@Named
@ViewScoped
public class SimilarPlansView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many plans the ranking may show. */
  static final List<Integer> LIMITS = List.of(10, 25, 50, 100);

  /** The k of the DVH overlay. */
  static final List<Integer> KS = List.of(3, 5, 10);

  @Inject PatientRecords records;

  @Inject KnowledgeBase knowledgeBase;

  @Inject CallerAccount caller;

  @Inject RtdsConfig config;

  // the page's GET parameters, as typed
  private String uid;
  private String oar;
  private String limit;
  private String k;
  private String hospital;
  private String maxScore;
  private String doseMin;
  private String doseMax;
  private String rxMin;
  private String rxMax;
  private String ptvMin;
  private String ptvMax;

  private transient StudyRecord study;
  private boolean forbidden;
  private final List<String> invalid = new ArrayList<>();
  private transient KnowledgeBase.QueryProfile profile;
  private transient KnowledgeBase.QueryOrgan organ;
  private int shownLimit;
  private int shownK;
  private List<SimilarPlans.Row> ranked = List.of();
  private List<SimilarPlans.Row> rows = List.of();
  private String scatterChart;
  private String dvhChart;
  private int bandPlans;
  private String ownHospitalName;

  /**
   * The view action: reads the study, ranks the plans on the chosen organ (the one closest to the
   * targets when none is chosen), applies the filters and builds the charts; or answers 404/403.
   */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE)
        || !caller.get().has(RtdsPermission.VIEW_PATIENT)) {
      forbidden = true;
      faces.getExternalContext().setResponseStatus(403);
      return;
    }
    Optional<Integer> id =
        uid == null || uid.isBlank()
            ? Optional.empty()
            : records.visibleStudy(uid, caller.senders(), caller.get().id());
    if (id.isEmpty()) {
      faces.getExternalContext().setResponseStatus(404);
      return;
    }
    study = records.study(id.get());
    ownHospitalName = caller.scope().hospital();
    if (!isComputed()) {
      return;
    }
    profile = knowledgeBase.profile(id.get());
    organ = chosenOrgan();
    if (organ == null) {
      return;
    }
    shownLimit = choice(limit, LIMITS, 50, "limit");
    KnowledgeBase.Settings settings = config.knowledgeBase();
    shownK = choice(k, KS, KS.contains(settings.topK()) ? settings.topK() : 5, "k");
    SimilarPlans.Filter filter = filter();
    ResourceBundle text = Texts.bundle();
    KnowledgeBase.Caller kb = caller.knowledgeBaseCaller();
    ranked =
        SimilarPlans.rows(
            knowledgeBase.similar(id.get(), kb, organ.oar(), shownLimit, settings).ranked(),
            organ.oar());
    rows = new ArrayList<>(filter.apply(ranked)); // the table sorts it in place
    String me = getPatientName().isEmpty() ? text.getString("similar.thisPlan") : getPatientName();
    scatterChart =
        SimilarCharts.scatter(
            rows,
            new SimilarCharts.Current(me, organ.r50Mm(), organ.dmeanGy()),
            organ.roiName(),
            text);
    KnowledgeBase.DvhBandView band =
        knowledgeBase.dvhBand(id.get(), kb, organ.oar(), settings.with(null, shownK), 0.5);
    bandPlans = band.studies().size();
    dvhChart =
        SimilarCharts.dvhOverlay(
            band,
            band.studies().stream().map(SimilarPlansView::label).toList(),
            me,
            organ.roiName(),
            text);
  }

  /** How a plan of the band is named: the patient as people write it, else its key. */
  private static String label(KnowledgeBase.StudyRef ref) {
    if (!ref.identifiable()) {
      return ref.studyKey();
    }
    String name = PersonNames.display(ref.patientName());
    return name.isEmpty() ? ref.patientId() == null ? ref.studyKey() : ref.patientId() : name;
  }

  /** The organ asked for (TG-263 name, any case), else the one closest to the targets. */
  private KnowledgeBase.QueryOrgan chosenOrgan() {
    if (oar != null && !oar.isBlank()) {
      for (KnowledgeBase.QueryOrgan o : profile.organs()) {
        if (o.oar().equalsIgnoreCase(oar.strip())) {
          return o;
        }
      }
      invalid.add("oar");
    }
    return profile.organs().stream()
        .min(
            Comparator.comparing(
                KnowledgeBase.QueryOrgan::r50Mm, Comparator.nullsLast(Comparator.naturalOrder())))
        .orElse(null);
  }

  private int choice(String value, List<Integer> allowed, int otherwise, String name) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(value.strip());
      if (allowed.contains(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    invalid.add(name);
    return otherwise;
  }

  /** The filters typed; a value that is not a number is named and ignored. */
  private SimilarPlans.Filter filter() {
    SimilarPlans.Hospital h;
    try {
      h = SimilarPlans.Hospital.parse(hospital);
    } catch (IllegalArgumentException e) {
      invalid.add("hospital");
      h = SimilarPlans.Hospital.ALL;
    }
    return new SimilarPlans.Filter(
        h,
        number(maxScore, "maxScore"),
        number(doseMin, "doseMin"),
        number(doseMax, "doseMax"),
        number(rxMin, "rxMin"),
        number(rxMax, "rxMax"),
        number(ptvMin, "ptvMin"),
        number(ptvMax, "ptvMax"));
  }

  private Double number(String value, String name) {
    try {
      return SimilarPlans.number(value);
    } catch (NumberFormatException e) {
      invalid.add(name);
      return null;
    }
  }

  // ---- what the page reads ---------------------------------------------------------------

  public boolean isNotFound() {
    return study == null && !forbidden;
  }

  public boolean isForbidden() {
    return forbidden;
  }

  /** Whether the features are computed from the study's latest objects. */
  public boolean isComputed() {
    return study != null && study.study().featureStatus() == FeatureJobStatus.DONE;
  }

  /** Whether the study has an organ the knowledge base can rank on. */
  public boolean isRanked() {
    return organ != null;
  }

  public StudyRecord getStudy() {
    return study;
  }

  public String getPatientName() {
    return study == null ? "" : PersonNames.display(study.study().patientName());
  }

  public KnowledgeBase.QueryProfile getProfile() {
    return profile;
  }

  /** The organ ranked on and shown. */
  public KnowledgeBase.QueryOrgan getOrgan() {
    return organ;
  }

  public List<KnowledgeBase.QueryOrgan> getOrgans() {
    return profile == null ? List.of() : profile.organs();
  }

  /** The parameters the page was opened with that were not understood (and were ignored). */
  public List<String> getInvalid() {
    return invalid;
  }

  /** {@link #getInvalid()} as the page lists them. */
  public String getInvalidNames() {
    return String.join(", ", invalid);
  }

  /** The plans shown: the ranking with the filters applied, best first until sorted. */
  public List<SimilarPlans.Row> getRows() {
    return rows;
  }

  /** How many plans the ranking gave before the filters. */
  public int getRankedCount() {
    return ranked.size();
  }

  public long getPlotted() {
    return SimilarCharts.plotted(rows);
  }

  public String getScatterChart() {
    return scatterChart;
  }

  public String getDvhChart() {
    return dvhChart;
  }

  /** How many plans the DVH band was formed from (fewer than k when fewer are comparable). */
  public int getBandPlans() {
    return bandPlans;
  }

  /** The caller's hospital's name, or null for an account without one. */
  public String getOwnHospitalName() {
    return ownHospitalName;
  }

  public List<Integer> getLimits() {
    return LIMITS;
  }

  public List<Integer> getKs() {
    return KS;
  }

  public int getShownLimit() {
    return shownLimit;
  }

  public int getShownK() {
    return shownK;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public String getOar() {
    return organ == null ? oar : organ.oar();
  }

  public void setOar(String oar) {
    this.oar = oar;
  }

  public String getLimit() {
    return limit;
  }

  public void setLimit(String limit) {
    this.limit = limit;
  }

  public String getK() {
    return k;
  }

  public void setK(String k) {
    this.k = k;
  }

  public String getHospital() {
    return hospital == null ? "all" : hospital;
  }

  public void setHospital(String hospital) {
    this.hospital = hospital;
  }

  public String getMaxScore() {
    return maxScore;
  }

  public void setMaxScore(String maxScore) {
    this.maxScore = maxScore;
  }

  public String getDoseMin() {
    return doseMin;
  }

  public void setDoseMin(String doseMin) {
    this.doseMin = doseMin;
  }

  public String getDoseMax() {
    return doseMax;
  }

  public void setDoseMax(String doseMax) {
    this.doseMax = doseMax;
  }

  public String getRxMin() {
    return rxMin;
  }

  public void setRxMin(String rxMin) {
    this.rxMin = rxMin;
  }

  public String getRxMax() {
    return rxMax;
  }

  public void setRxMax(String rxMax) {
    this.rxMax = rxMax;
  }

  public String getPtvMin() {
    return ptvMin;
  }

  public void setPtvMin(String ptvMin) {
    this.ptvMin = ptvMin;
  }

  public String getPtvMax() {
    return ptvMax;
  }

  public void setPtvMax(String ptvMax) {
    this.ptvMax = ptvMax;
  }
}

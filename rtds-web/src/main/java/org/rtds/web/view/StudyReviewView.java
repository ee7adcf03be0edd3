package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.dose.metric.MetricValue;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.JsonBuilders;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.boot.RtdsConfig;

/**
 * The study review page ({@code study.xhtml?uid=}): the plan's DVHs of every ROI as a plot, the
 * dose metrics of each ROI and the dose constraints checked, read through the same boundaries as
 * the API's {@code /studies/{uid}/dvhs} and {@code /constraints}. A study of another hospital, or
 * one that does not exist, answers 404 in plain words.
 */
@Named
@RequestScoped
public class StudyReviewView {

  /** The metrics of the table: dose in Gy. */
  static final List<String> METRICS = List.of("Dmean", "Dmax", "D98%", "D95%", "D2%", "D0.03cc");

  @Inject PatientRecords records;

  @Inject StudyDvhs dvhs;

  @Inject StudyConstraints constraints;

  @Inject StudyGeometry geometry;

  @Inject CallerAccount caller;

  @Inject KnowledgeBase knowledgeBase;

  @Inject RtdsConfig config;

  private Double prescriptionGy;

  private String uid;

  private StudyRecord study;

  private List<StudyDvhs.Dvh> curves = List.of();

  private List<StudyConstraints.Result> checks = List.of();

  private String pair;

  /** The DVH plot's options (GET parameters): {@code curve}, {@code volume}, {@code dose}. */
  private String curveMode;

  private String volumeMode;

  private String doseMode;

  /** The organ (TG-263) whose achievable band is drawn, or blank for none. */
  private String bandOrgan;

  private String bandNote;

  private List<String> bandOrgans = List.of();

  private List<StudyGeometry.OvhView> ovhs = List.of();

  private List<StudyGeometry.StsView> stss = List.of();

  private StudyGeometry.OvhView shownOvh;

  /** The charts, built once in {@link #load} (EL reads a getter several times per page). */
  private String dvhChart;

  private String ovhChart;

  private String stsDistanceChart;

  private String stsAzimuthChart;

  /** One row of the metric table: a ROI and its metrics in {@link #METRICS} order (Gy). */
  public record MetricRow(
      String roiNumber,
      String name,
      String standardName,
      String role,
      Double volumeCc,
      String source,
      List<Double> valuesGy) {}

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public String getCurve() {
    return curveMode;
  }

  public void setCurve(String curve) {
    this.curveMode = curve;
  }

  public String getVolume() {
    return volumeMode;
  }

  public void setVolume(String volume) {
    this.volumeMode = volume;
  }

  public String getDose() {
    return doseMode;
  }

  public void setDose(String dose) {
    this.doseMode = dose;
  }

  public String getBand() {
    return bandOrgan;
  }

  public void setBand(String band) {
    this.bandOrgan = band == null || band.isBlank() ? null : band.strip();
  }

  /**
   * The organs a band can be asked for (TG-263 names of the study's organs), none without the
   * knowledge-base permission.
   */
  public List<String> getBandOrgans() {
    return bandOrgans;
  }

  /** What the band shows or why there is none, in words; null when no band was asked for. */
  public String getBandNote() {
    return bandNote;
  }

  /** The plan's prescription (Gy), null when unknown: "% of prescription" needs it. */
  public Double getPrescriptionGy() {
    return prescriptionGy;
  }

  /** The target–organ pair shown, {@code level:organ} (e.g. {@code PTV_High:Parotid_L}). */
  public String getPair() {
    return shownOvh == null ? pair : key(shownOvh.ptv(), shownOvh.oar());
  }

  public void setPair(String pair) {
    this.pair = pair;
  }

  /** The view action: reads the study, its DVHs and constraint checks, or answers 404. */
  public void load() {
    Optional<Integer> id =
        uid == null || uid.isBlank()
            ? Optional.empty()
            : records.visibleStudy(uid, caller.senders(), caller.get().id());
    if (id.isEmpty()) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
      return;
    }
    study = records.study(id.get());
    if (isComputed()) {
      PlanReview review = PlanReview.read(dvhs, constraints, id.get());
      curves = review.dvhs();
      checks = review.checks();
      ovhs = geometry.ovh(id.get());
      stss = geometry.sts(id.get());
      shownOvh = chosen();
      dvhChart = DvhChart.json(curves, dvhOptions(id.get()), band(id.get()));
      if (shownOvh != null) {
        ovhChart = GeometryCharts.ovh(shownOvh);
        shownSts()
            .ifPresent(
                sts -> {
                  stsDistanceChart = GeometryCharts.stsByDistance(sts);
                  stsAzimuthChart = GeometryCharts.stsByAzimuth(sts);
                });
      }
    }
  }

  /** The plot's options from the GET parameters; % of prescription only when the plan has one. */
  private DvhChart.Options dvhOptions(int studyId) {
    OptionalDouble rx = dvhs.prescriptionGy(studyId);
    prescriptionGy = rx.isPresent() ? rx.getAsDouble() : null;
    if (!"rx".equals(doseMode) || prescriptionGy == null) {
      doseMode = "gy";
    }
    curveMode = "differential".equals(curveMode) ? curveMode : "cumulative";
    volumeMode = "absolute".equals(volumeMode) ? volumeMode : "relative";
    return new DvhChart.Options(
        "differential".equals(curveMode),
        "absolute".equals(volumeMode),
        "rx".equals(doseMode) ? prescriptionGy : null);
  }

  /**
   * The achievable band of the k most similar plans for the organ asked for, when the caller may
   * read the knowledge base; its note says what it shows or why there is none.
   */
  private KnowledgeBase.DvhBandView band(int studyId) {
    if (!caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE)) {
      bandOrgan = null;
      return null;
    }
    bandOrgans =
        curves.stream()
            .filter(d -> "OAR".equals(d.roi().role()) && d.roi().standardName() != null)
            .map(d -> d.roi().standardName())
            .distinct()
            .sorted()
            .toList();
    if (bandOrgan == null) {
      return null;
    }
    if (!"cumulative".equals(curveMode) || !"relative".equals(volumeMode)) {
      bandNote = Texts.text("study.dvh.band.cumulativeOnly");
      return null;
    }
    try {
      KnowledgeBase.DvhBandView band =
          knowledgeBase.dvhBand(
              studyId, caller.knowledgeBaseCaller(), bandOrgan, config.knowledgeBase(), 0.5);
      bandNote =
          band.studies().isEmpty()
              ? Texts.text("study.dvh.band.none", bandOrgan)
              : Texts.text("study.dvh.band.shown", band.studies().size(), bandOrgan);
      return band;
    } catch (KnowledgeBase.UnknownOrganException e) {
      bandNote = Texts.text("study.dvh.band.unknown", bandOrgan);
      bandOrgan = null;
      return null;
    }
  }

  /** The pair asked for, else the organ closest to a target (smallest r50). */
  private StudyGeometry.OvhView chosen() {
    for (StudyGeometry.OvhView o : ovhs) {
      if (key(o.ptv(), o.oar()).equals(pair)) {
        return o;
      }
    }
    return ovhs.stream()
        .min(java.util.Comparator.comparingDouble(StudyGeometry.OvhView::r50Mm))
        .orElse(null);
  }

  private static String key(String ptv, String oar) {
    return ptv + ":" + oar;
  }

  /** One choice of the pair menu. */
  public record PairChoice(String key, String label) {}

  public List<PairChoice> getPairs() {
    return ovhs.stream()
        .map(
            o ->
                new PairChoice(
                    key(o.ptv(), o.oar()),
                    o.oarRoi()
                        + " – "
                        + (o.ptvRoi() == null ? o.ptv() : o.ptvRoi() + " (" + o.ptv() + ")")))
        .toList();
  }

  public StudyGeometry.OvhView getOvh() {
    return shownOvh;
  }

  public String getOvhChart() {
    return ovhChart;
  }

  /** The STS of the pair shown. */
  private Optional<StudyGeometry.StsView> shownSts() {
    return stss.stream()
        .filter(t -> t.ptv().equals(shownOvh.ptv()) && t.oar().equals(shownOvh.oar()))
        .findFirst();
  }

  public String getStsDistanceChart() {
    return stsDistanceChart;
  }

  public String getStsAzimuthChart() {
    return stsAzimuthChart;
  }

  /** The viewer script's words ({@code viewer.*} of the bundle) as JSON, for its data attribute. */
  public String getViewerText() {
    ResourceBundle bundle = Texts.bundle();
    JsonObjectBuilder text = JsonBuilders.object();
    for (String key :
        List.of(
            "slice",
            "window",
            "loading",
            "noCt",
            "failed",
            "outsideDose",
            "ofRx",
            "isoOfRx",
            "isoOfMax")) {
      text.add(key, bundle.getString("viewer." + key));
    }
    return text.build().toString();
  }

  /** Whether the caller may read the knowledge base (the similar-patients page needs it). */
  public boolean isKnowledgeBase() {
    return caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE);
  }

  public boolean isNotFound() {
    return study == null;
  }

  public StudyRecord getStudy() {
    return study;
  }

  public String getPatientName() {
    return study == null ? "" : PersonNames.display(study.study().patientName());
  }

  /** Whether the features are computed from the study's latest objects. */
  public boolean isComputed() {
    return study != null && study.study().featureStatus() == FeatureJobStatus.DONE;
  }

  public String getDvhChart() {
    return dvhChart;
  }

  public List<String> getMetricNames() {
    return METRICS;
  }

  public List<MetricRow> getMetricRows() {
    return curves.stream()
        .map(
            d ->
                new MetricRow(
                    d.roi().roiNumber(),
                    d.roi().name(),
                    d.roi().standardName(),
                    d.roi().role(),
                    d.roi().volumeCc(),
                    d.source(),
                    values(d.metrics())))
        .toList();
  }

  public List<StudyConstraints.Result> getConstraints() {
    return checks;
  }

  /** The values in {@link #METRICS} order (the boundary evaluates them in the order asked). */
  private static List<Double> values(List<MetricValue> metrics) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < METRICS.size(); i++) {
      OptionalDouble v = i < metrics.size() ? metrics.get(i).value() : OptionalDouble.empty();
      values.add(v.isPresent() ? v.getAsDouble() : null);
    }
    return values;
  }
}

package org.rtds.web.api.study;

import static org.rtds.web.api.QueryParameters.doubleParameter;
import static org.rtds.web.api.QueryParameters.intParameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.feature.FeatureJob;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.boundary.StudyIsodoses;
import org.rtds.features.control.MissingInputException;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.ingest.boundary.Ingestion;
import org.rtds.ingest.entity.StudyInputs;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.boundary.StudyKeys;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.RtdsPermission;
import org.rtds.security.control.StudyVisibility;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.audit.Audited;
import org.rtds.web.boot.RtdsConfig;

/**
 * {@code GET /rtds/api/v1/studies/{StudyInstanceUID}}: what RTDS holds of a study, what it still
 * misses for feature computation, and the feature status.
 *
 * <p>Visibility: an account with {@code view_patient} sees the studies its hospital sent
 * (superusers every hospital's; the caller's own first when two accounts sent the same study); the
 * knowledge-base answers also need {@code view_knowledgebase}, and show other hospitals' studies
 * under de-identified keys only.
 */
@Path("v1/studies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RtdsRoles.VIEW_PATIENT)
@Audited(eventId = AuditRecord.EventId.PATIENT_RECORD, objectType = "study")
@Tag(name = "studies")
public class StudiesResource {

  @PersistenceContext EntityManager em;

  @Inject CallerAccount caller;

  @Inject Ingestion ingestion;

  @Inject StudyDvhs dvhs;

  @Inject StudyIsodoses isodoses;

  @Inject StudyConstraints constraints;

  @Inject StudyGeometry geometry;

  @Inject KnowledgeBase knowledgeBase;

  @Inject StudyKeys studyKeys;

  @Inject RtdsConfig config;

  /**
   * @param status PENDING, RUNNING, DONE or FAILED
   * @param detail what the status means for this study (e.g. what it is waiting for)
   */
  public record Features(String status, String detail, KnowledgeBaseSummary knowledgeBase) {}

  /**
   * What the knowledge base holds and says of the study (absent until its features are done, and
   * for callers without {@code view_knowledgebase}).
   *
   * @param ovhPairs stored OVHs (target level × organ)
   * @param stsPairs stored STSs
   * @param comparedStudies other studies that share a (target level, organ) pair with it
   * @param flaggedOars organs the achievable-dose check flags (TG-263 names)
   * @param links where the details are
   */
  public record KnowledgeBaseSummary(
      long ovhPairs,
      long stsPairs,
      long comparedStudies,
      List<String> flaggedOars,
      Map<String, String> links) {}

  /** One series. */
  public record SeriesSummary(
      String seriesInstanceUid, String modality, String description, String frameOfReferenceUid) {}

  /**
   * A study.
   *
   * @param objects number of stored objects per modality (CT, RTSTRUCT, RTPLAN, RTDOSE)
   * @param missing modalities features still need (CT, RTSTRUCT, RTDOSE); RTPLAN is listed in
   *     {@code recommended} when absent (without it there is no prescription)
   */
  public record StudyView(
      String studyInstanceUid,
      LocalDate studyDate,
      String description,
      String patientId,
      String patientName,
      List<SeriesSummary> series,
      Map<String, Long> objects,
      List<String> missing,
      List<String> recommended,
      Features features) {}

  @GET
  @Path("{uid}")
  @Operation(summary = "A study: its series, objects, what is missing and the feature status")
  public StudyView study(@PathParam("uid") String uid) {
    Study study = find(uid);
    List<SeriesSummary> series = new ArrayList<>();
    for (Series s :
        em.createQuery("select s from Series s where s.study.id = :id order by s.id", Series.class)
            .setParameter("id", study.getId())
            .getResultList()) {
      series.add(
          new SeriesSummary(
              s.getSeriesInstanceUid(),
              s.getModality(),
              s.getSeriesDescription(),
              s.getFrameOfReferenceUid()));
    }
    StudyInputs inputs = ingestion.studyInputs(study.getId());
    Map<String, Long> objects = inputs.objectsByModality();
    List<String> missing = inputs.missing();
    List<String> recommended = objects.containsKey("RTPLAN") ? List.of() : List.of("RTPLAN");
    Features features =
        em.createNamedQuery(FeatureJob.FIND_BY_STUDY, FeatureJob.class)
            .setParameter("studyId", study.getId())
            .getResultStream()
            .findFirst()
            .map(
                job ->
                    new Features(
                        job.getStatus(),
                        job.getDetail(),
                        "DONE".equals(job.getStatus())
                                && caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE)
                            ? knowledgeBaseSummary(study)
                            : null))
            .orElse(new Features("PENDING", "no feature job yet", null));
    return new StudyView(
        study.getStudyInstanceUid(),
        study.getStudyDate(),
        study.getStudyDescription(),
        study.getPatient().getPatientId(),
        study.getPatient().getPatientName(),
        series,
        objects,
        missing,
        recommended,
        features);
  }

  /**
   * One ROI.
   *
   * @param number ROI Number as sent
   * @param name ROI Name as sent
   * @param standardName AAPM TG-263 name, absent when the name was not recognised
   * @param type PTV, CTV, GTV, OAR, EXTERNAL or OTHER
   * @param volumeCc stacked-prism volume in cc (absent until features are computed)
   */
  public record RoiView(
      String number,
      String name,
      String standardName,
      String type,
      String interpretedType,
      Double volumeCc) {}

  /** One metric value; {@code value} absent when undefined, with the reason in {@code note}. */
  public record MetricView(String metric, Double value, String unit, String note) {}

  /**
   * One DVH: cumulative curve and metrics.
   *
   * @param source COMPUTED (by RTDS) or TPS_EMBEDDED (from the RT Dose)
   * @param doseGy curve doses (Gy)
   * @param volumeCc V(≥ dose) in cc
   * @param volumePercent V(≥ dose) in % of the ROI
   */
  public record DvhView(
      String roiNumber,
      String roiName,
      String standardName,
      String type,
      String source,
      String doseSopInstanceUid,
      Double minGy,
      Double maxGy,
      Double meanGy,
      List<MetricView> metrics,
      double[] doseGy,
      double[] volumeCc,
      double[] volumePercent) {}

  @GET
  @Path("{uid}/rois")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(summary = "ROIs of a study: name, TG-263 standard name, type and volume (cc)")
  public Response rois(@PathParam("uid") String uid, @Context HttpHeaders headers) {
    List<RoiView> rois =
        dvhs.rois(find(uid).getId()).stream()
            .map(
                r ->
                    new RoiView(
                        r.roiNumber(),
                        r.name(),
                        r.standardName(),
                        r.role(),
                        r.interpretedType(),
                        r.volumeCc()))
            .toList();
    return Csv.answer(
        headers,
        rois,
        "roi_number,roi_name,standard_name,type,volume_cc",
        rois,
        (r, out) ->
            out.accept(
                new String[] {
                  r.number(), r.name(), r.standardName(), r.type(), Csv.number(r.volumeCc())
                }));
  }

  @GET
  @Path("{uid}/dvhs")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "DVHs of a study (computed and TPS-embedded) with metrics",
      description =
          "metrics: comma-separated expressions such as Dmean, D95%, D0.03cc, V20Gy, V95%Rx;"
              + " text/csv gives the metrics table roi_number,roi_name,metric,value,unit")
  public Response dvhs(
      @PathParam("uid") String uid,
      @QueryParam("metrics") String metrics,
      @Context HttpHeaders headers) {
    return dvhResponse(uid, null, metrics, headers);
  }

  @GET
  @Path("{uid}/dvhs/{roiNumber}")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(summary = "The DVHs of one ROI (by ROI Number) with metrics")
  public Response dvh(
      @PathParam("uid") String uid,
      @PathParam("roiNumber") String roiNumber,
      @QueryParam("metrics") String metrics,
      @Context HttpHeaders headers) {
    return dvhResponse(uid, roiNumber, metrics, headers);
  }

  private Response dvhResponse(
      String uid, String roiNumber, String metricList, HttpHeaders headers) {
    List<String> metrics =
        metricList == null || metricList.isBlank()
            ? StudyDvhs.DEFAULT_METRICS
            : java.util.Arrays.stream(metricList.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .toList();
    List<StudyDvhs.Dvh> found;
    try {
      found = dvhs.dvhs(find(uid).getId(), roiNumber, metrics);
    } catch (MetricException e) {
      throw new BadRequestException(e.getMessage());
    }
    if (roiNumber != null && found.isEmpty()) {
      throw new NotFoundException("no DVH of ROI number " + roiNumber + " in study " + uid);
    }
    List<DvhView> views = new ArrayList<>();
    for (StudyDvhs.Dvh d : found) {
      List<MetricView> values =
          d.metrics().stream()
              .map(
                  m ->
                      new MetricView(
                          m.metric(),
                          m.value().isPresent() ? m.value().getAsDouble() : null,
                          m.unit(),
                          m.note().isEmpty() ? null : m.note()))
              .toList();
      views.add(
          new DvhView(
              d.roi().roiNumber(),
              d.roi().name(),
              d.roi().standardName(),
              d.roi().role(),
              d.source(),
              d.doseSopInstanceUid(),
              d.minGy(),
              d.maxGy(),
              d.meanGy(),
              values,
              d.doseGy(),
              d.volumeCc(),
              d.volumePercent()));
    }
    return Csv.answer(
        headers,
        views,
        "roi_number,roi_name,metric,value,unit,source",
        views,
        (d, out) ->
            d.metrics()
                .forEach(
                    m ->
                        out.accept(
                            new String[] {
                              d.roiNumber(),
                              d.roiName(),
                              m.metric(),
                              Csv.number(m.value()),
                              m.unit(),
                              d.source()
                            })));
  }

  @GET
  @Path("{uid}/isodoses/{ctSopInstanceUid}")
  @Operation(
      summary = "Isodose lines on one CT image, as vector polylines",
      description =
          "Levels in % of the plan's prescription (of the maximum dose when there is none,"
              + " reference says which); lines in patient coordinates (mm, x,y,z flat) and in CT"
              + " pixel coordinates (row,column flat).")
  public StudyIsodoses.Image isodoses(
      @PathParam("uid") String uid, @PathParam("ctSopInstanceUid") String ctSopInstanceUid) {
    try {
      return isodoses
          .lines(find(uid).getId(), ctSopInstanceUid)
          .orElseThrow(
              () ->
                  new NotFoundException(
                      "no CT image " + ctSopInstanceUid + " in the planning CT of study " + uid));
    } catch (MissingInputException e) {
      throw new NotFoundException("no isodoses for study " + uid + ": " + e.getMessage());
    }
  }

  @GET
  @Path("{uid}/constraints")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "The study checked against the dose constraints",
      description =
          "One row per (ROI, active constraint of its TG-263 structure): value, passed, margin"
              + " (positive = room left, negative = excess), on the computed DVH.")
  public Response constraints(@PathParam("uid") String uid, @Context HttpHeaders headers) {
    List<StudyConstraints.Result> results = constraints.evaluate(find(uid).getId());
    return Csv.answer(
        headers,
        results,
        "roi_number,roi_name,standard_name,metric,comparator,limit,unit,value,passed,margin",
        results,
        (r, out) ->
            out.accept(
                new String[] {
                  r.roiNumber(),
                  r.roiName(),
                  r.standardName(),
                  r.metric(),
                  r.comparator(),
                  Csv.number(r.limit()),
                  r.unit(),
                  Csv.number(r.value()),
                  r.passed() == null ? "" : r.passed().toString(),
                  Csv.number(r.margin())
                }));
  }

  @GET
  @Path("{uid}/ovh")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "Overlap volume histograms of every PTV–OAR pair: the fraction of the organ within each"
              + " signed distance (mm, negative inside the PTV) of the PTV surface, r_v values and"
              + " distance statistics; text/csv gives ptv,ptv_roi,oar,oar_roi,distance_mm,fraction")
  public Response ovh(@PathParam("uid") String uid, @Context HttpHeaders headers) {
    List<StudyGeometry.OvhView> rows = geometry.ovh(find(uid).getId());
    return Csv.answer(
        headers,
        rows,
        "ptv,ptv_roi,oar,oar_roi,distance_mm,fraction",
        rows,
        (r, out) -> {
          for (int k = 0; k < r.distancesMm().length; k++) {
            out.accept(
                new String[] {
                  r.ptv(),
                  r.ptvRoi(),
                  r.oar(),
                  r.oarRoi(),
                  Csv.number(r.distancesMm()[k]),
                  Csv.number(r.fractions()[k])
                });
          }
        });
  }

  @GET
  @Path("{uid}/sts")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "Spatial target signatures of every PTV–OAR pair: the fraction of the PTV volume in"
              + " each (elevation, distance, azimuth) bin seen from the organ's centroid; text/csv"
              + " gives the non-empty bins")
  public Response sts(@PathParam("uid") String uid, @Context HttpHeaders headers) {
    List<StudyGeometry.StsView> rows = geometry.sts(find(uid).getId());
    return Csv.answer(
        headers,
        rows,
        "ptv,ptv_roi,oar,oar_roi,elevation_from_deg,distance_from_mm,azimuth_from_deg,fraction",
        rows,
        (r, out) -> {
          int n = r.elevationEdgesDeg().length - 1;
          for (int e = 0; e < n; e++) {
            for (int d = 0; d < n; d++) {
              for (int a = 0; a < n; a++) {
                double amount = r.amounts()[StsBins.index(e, d, a)];
                if (amount > 0) {
                  out.accept(
                      new String[] {
                        r.ptv(),
                        r.ptvRoi(),
                        r.oar(),
                        r.oarRoi(),
                        Csv.number(r.elevationEdgesDeg()[e]),
                        Csv.number(r.distanceEdgesMm()[d]),
                        Csv.number(r.azimuthEdgesDeg()[a]),
                        Csv.number(amount)
                      });
                }
              }
            }
          }
        });
  }

  /**
   * A similar historical study.
   *
   * @param rank 1 = most similar
   * @param studyInstanceUid present only when the caller may see the study identifiably
   * @param studyKey the UID, or the stable de-identified key ({@code KB-…}) for a study of another
   *     account
   * @param identifiable whether the caller may see its identity
   * @param patientId present only when identifiable
   * @param prescriptionGy its prescription (Gy)
   * @param score similarity score (dimensionless, lower = more similar)
   * @param targetDoseDiffGy query − historical prescription (Gy)
   * @param oars per matched (target level, organ): OVH and STS distances (mm) and the doses the
   *     historical plan achieved (Gy)
   */
  public record SimilarView(
      int rank,
      String studyInstanceUid,
      String studyKey,
      boolean identifiable,
      String patientId,
      Double prescriptionGy,
      double score,
      double targetDoseDiffGy,
      List<KnowledgeBase.OarMatch> oars) {}

  @GET
  @Path("{uid}/similar")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "Historical plans ranked by geometric similarity to this study, best first",
      description =
          "Every account's plans count; another account's plan is shown under a stable"
              + " de-identified key (studyKey KB-…) without UID or patient. oar: rank on one organ"
              + " (TG-263 name) only. limit: 1–1000 (default 10). text/csv: one row per matched"
              + " pair: rank,study_key,identifiable,score,target_dose_diff_gy,ptv,oar,ovh_emd_mm,"
              + "sts_emd_mm,achieved_dmean_gy,achieved_d50_gy")
  public Response similar(
      @PathParam("uid") String uid,
      @QueryParam("oar") String oar,
      @QueryParam("limit") String limit,
      @Context HttpHeaders headers) {
    int n = intParameter("limit", limit, 10, 1, 1000);
    KnowledgeBase.SimilarList list;
    try {
      list =
          knowledgeBase.similar(
              find(uid).getId(), kbCaller(), blankToNull(oar), n, config.knowledgeBase());
    } catch (KnowledgeBase.UnknownOrganException e) {
      throw new NotFoundException(e.getMessage());
    }
    List<SimilarView> views = new ArrayList<>();
    for (KnowledgeBase.Similar r : list.ranked()) {
      KnowledgeBase.StudyRef ref = r.study();
      views.add(
          new SimilarView(
              r.rank(),
              ref.studyInstanceUid(),
              ref.studyKey(),
              ref.identifiable(),
              ref.patientId(),
              ref.prescriptionGy(),
              r.score(),
              r.targetDoseDiffGy(),
              r.oars()));
    }
    return Csv.answer(
        headers,
        views,
        "rank,study_key,identifiable,score,target_dose_diff_gy,ptv,oar,ovh_emd_mm,sts_emd_mm,"
            + "achieved_dmean_gy,achieved_d50_gy",
        views,
        (v, out) ->
            v.oars()
                .forEach(
                    m ->
                        out.accept(
                            new String[] {
                              String.valueOf(v.rank()),
                              v.studyKey(),
                              String.valueOf(v.identifiable()),
                              Csv.number(v.score()),
                              Csv.number(v.targetDoseDiffGy()),
                              m.ptv(),
                              m.oar(),
                              Csv.number(m.ovhEmdMm()),
                              Csv.number(m.stsEmdMm()),
                              Csv.number(m.achievedDmeanGy()),
                              Csv.number(m.achievedD50Gy())
                            })));
  }

  @GET
  @Path("{uid}/qc")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "Achievable-dose check of every organ: is its dose higher than plans with harder"
              + " geometry achieved?",
      description =
          "Per organ: D50% of this plan, the lowest D50% among plans with the same prescription"
              + " whose organ lies at least as close to the targets (achievableGy, with the"
              + " evidence), threshold = achievable + tolerance, flagged when above; and what the k"
              + " most similar plans achieved. tolerance (Gy, default RTDS_QC_TOLERANCE_GY = 3), k"
              + " (default 5). text/csv: oar,oar_roi,metric,achieved_gy,achievable_gy,threshold_gy,"
              + "excess_gy,flagged,evidence_study_key,candidates")
  public Response qc(
      @PathParam("uid") String uid,
      @QueryParam("tolerance") String tolerance,
      @QueryParam("k") String k,
      @Context HttpHeaders headers) {
    KnowledgeBase.Settings settings = settings(tolerance, k);
    List<KnowledgeBase.QcRow> rows = knowledgeBase.qc(find(uid).getId(), kbCaller(), settings);
    return Csv.answer(
        headers,
        rows,
        "oar,oar_roi,metric,achieved_gy,achievable_gy,threshold_gy,excess_gy,flagged,"
            + "evidence_study_key,candidates",
        rows,
        (r, out) ->
            out.accept(
                new String[] {
                  r.oar(),
                  r.oarRoi(),
                  r.metric(),
                  Csv.number(r.achievedGy()),
                  Csv.number(r.achievableGy()),
                  Csv.number(r.thresholdGy()),
                  Csv.number(r.excessGy()),
                  String.valueOf(r.flagged()),
                  r.evidenceStudyKey(),
                  String.valueOf(r.candidates())
                }));
  }

  @GET
  @Path("{uid}/similar/dvh-band")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "The DVH band of the k most similar plans for one organ, to overlay on this"
              + " study's DVH",
      description =
          "oar (TG-263 name, required); k (default 5); step (Gy, default 0.5). Minimum, median"
              + " and maximum V(dose) in % of the organ on a common dose grid, with the plans"
              + " used and this study's own curve. text/csv: dose_gy,minimum_percent,"
              + "median_percent,maximum_percent")
  public Response dvhBand(
      @PathParam("uid") String uid,
      @QueryParam("oar") String oar,
      @QueryParam("k") String k,
      @QueryParam("step") String step,
      @Context HttpHeaders headers) {
    // visibility first: another hospital's study is not found, whatever the parameters
    int studyId = find(uid).getId();
    if (blankToNull(oar) == null) {
      throw new BadRequestException("oar is required: the organ's TG-263 name, e.g. Parotid_L");
    }
    double stepGy = doubleParameter("step", step, 0.5, 0.01, 10);
    KnowledgeBase.DvhBandView band;
    try {
      band = knowledgeBase.dvhBand(studyId, kbCaller(), oar, settings(null, k), stepGy);
    } catch (KnowledgeBase.UnknownOrganException e) {
      throw new NotFoundException(e.getMessage());
    }
    List<Integer> points =
        java.util.stream.IntStream.range(0, band.doseGy().length).boxed().toList();
    return Csv.answer(
        headers,
        band,
        "dose_gy,minimum_percent,median_percent,maximum_percent",
        points,
        (i, out) ->
            out.accept(
                new String[] {
                  Csv.number(band.doseGy()[i]),
                  Csv.number(band.minimumPercent()[i]),
                  Csv.number(band.medianPercent()[i]),
                  Csv.number(band.maximumPercent()[i])
                }));
  }

  private KnowledgeBaseSummary knowledgeBaseSummary(Study study) {
    int id = study.getId();
    long ovh =
        count("select count(h) from Ovh h where h.study.id = :id and h.oarRoi is not null", id);
    long sts =
        count("select count(h) from Sts h where h.study.id = :id and h.oarRoi is not null", id);
    KnowledgeBase.Caller caller = kbCaller();
    long compared = knowledgeBase.similar(id, caller, null, 1, config.knowledgeBase()).candidates();
    List<String> flagged =
        compared == 0
            ? List.of()
            : knowledgeBase.qc(id, caller, config.knowledgeBase()).stream()
                .filter(KnowledgeBase.QcRow::flagged)
                .map(KnowledgeBase.QcRow::oar)
                .toList();
    String base = "/rtds/api/v1/studies/" + study.getStudyInstanceUid();
    Map<String, String> links = new java.util.LinkedHashMap<>();
    links.put("ovh", base + "/ovh");
    links.put("sts", base + "/sts");
    links.put("similar", base + "/similar");
    links.put("qc", base + "/qc");
    links.put("dvhBand", base + "/similar/dvh-band?oar=");
    return new KnowledgeBaseSummary(ovh, sts, compared, flagged, links);
  }

  private long count(String jpql, int studyId) {
    return em.createQuery(jpql, Long.class).setParameter("id", studyId).getSingleResult();
  }

  /** The caller as the knowledge base sees it: the one visibility rule of rtds-security. */
  private KnowledgeBase.Caller kbCaller() {
    HospitalScope scope = caller.scope();
    StudyVisibility visibility = studyKeys.visibility();
    return new KnowledgeBase.Caller() {
      @Override
      public boolean identifiable(Integer senderAccountId) {
        return StudyVisibility.identifiable(scope, senderAccountId);
      }

      @Override
      public String deidentifiedKey(int studyId) {
        return visibility.deidentifiedKey(studyId);
      }
    };
  }

  private KnowledgeBase.Settings settings(String tolerance, String k) {
    KnowledgeBase.Settings base = config.knowledgeBase();
    Double t =
        tolerance == null || tolerance.isBlank()
            ? null
            : doubleParameter("tolerance", tolerance, base.toleranceGy(), 0, 100);
    Integer kk = k == null || k.isBlank() ? null : intParameter("k", k, base.topK(), 1, 100);
    return base.with(t, kk);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The study the caller may see identifiably (its hospital's first when two sent the same). */
  private Study find(String uid) {
    caller.require(RtdsPermission.VIEW_PATIENT);
    List<Study> studies =
        caller
            .bindScope(
                em.createQuery(
                    "select s from Study s join fetch s.patient where s.studyInstanceUid = :uid"
                        + caller.scopeCondition("s.user.id")
                        + " order by case when s.user.id = :account then 0 else 1 end, s.id",
                    Study.class))
            .setParameter("uid", uid)
            .setParameter("account", caller.get().id())
            .getResultList();
    if (studies.isEmpty()) {
      throw new NotFoundException("no study " + uid + " visible to this account");
    }
    return studies.get(0);
  }
}

package org.rtds.web.api.study;

import static org.rtds.web.api.QueryParameters.doubleParameter;
import static org.rtds.web.api.QueryParameters.intParameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.MissingInputException;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.boundary.StudyIsodoses;
import org.rtds.features.boundary.StudyViewer;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.ingest.boundary.DicomArchive;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.api.Rejects;
import org.rtds.web.api.audit.Audited;
import org.rtds.web.api.csv.CsvWriter;
import org.rtds.web.api.study.StudyDtos.ConstraintResult;
import org.rtds.web.api.study.StudyDtos.CtImageView;
import org.rtds.web.api.study.StudyDtos.CtView;
import org.rtds.web.api.study.StudyDtos.DoseAtView;
import org.rtds.web.api.study.StudyDtos.DvhBandView;
import org.rtds.web.api.study.StudyDtos.DvhView;
import org.rtds.web.api.study.StudyDtos.IsodoseImage;
import org.rtds.web.api.study.StudyDtos.OvhView;
import org.rtds.web.api.study.StudyDtos.QcView;
import org.rtds.web.api.study.StudyDtos.RoiOutlineView;
import org.rtds.web.api.study.StudyDtos.RoiView;
import org.rtds.web.api.study.StudyDtos.SeriesView;
import org.rtds.web.api.study.StudyDtos.SimilarView;
import org.rtds.web.api.study.StudyDtos.StsView;
import org.rtds.web.api.study.StudyDtos.StudyView;
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

  /** CT Image Storage: the SOP class whose pixels {@code /ct/{ctSopInstanceUid}} gives. */
  private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

  @Inject PatientRecords records;

  @Inject CallerAccount caller;

  @Inject StudyDvhs dvhs;

  @Inject StudyIsodoses isodoses;

  @Inject StudyViewer viewer;

  @Inject DicomArchive archive;

  @Inject StudyConstraints constraints;

  @Inject StudyGeometry geometry;

  @Inject KnowledgeBase knowledgeBase;

  @Inject RtdsConfig config;

  @GET
  @Path("{uid}")
  @Operation(summary = "A study: its series, objects, what is missing and the feature status")
  public StudyView study(@PathParam("uid") String uid) {
    StudyRecord study = records.study(find(uid));
    KnowledgeBase.Summary summary =
        study.study().featureStatus() == FeatureJobStatus.DONE
                && caller.get().has(RtdsPermission.VIEW_KNOWLEDGE_BASE)
            ? knowledgeBase.summary(study.id(), kbCaller(), config.knowledgeBase())
            : null;
    return StudyAssembler.study(study, summary);
  }

  @GET
  @Path("{uid}/series/{seriesUid}")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary = "A series of a study and the objects of it RTDS received",
      description =
          "with links to its DICOMweb retrieval and metadata; text/csv lists the objects,"
              + " sop_instance_uid,sop_class_uid,modality,transfer_syntax_uid,size_bytes,"
              + "received_at,channel")
  public SeriesView series(
      @PathParam("uid") String uid,
      @Parameter(
              description = "Series Instance UID (0020,000E)",
              example = "1.2.826.0.1.3680043.8.498.12346")
          @PathParam("seriesUid")
          String seriesUid) {
    return records
        .series(find(uid), seriesUid)
        .map(s -> StudyAssembler.series(uid, s))
        .orElseThrow(() -> new NotFoundException("study " + uid + " has no series " + seriesUid));
  }

  @GET
  @Path("{uid}/rois")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(summary = "ROIs of a study: name, TG-263 standard name, type and volume (cc)")
  public List<RoiView> rois(@PathParam("uid") String uid) {
    return dvhs.rois(find(uid)).stream().map(StudyAssembler::roi).toList();
  }

  @GET
  @Path("{uid}/dvhs")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary = "DVHs of a study (computed and TPS-embedded) with metrics",
      description =
          "metrics: comma-separated expressions such as Dmean, D95%, D0.03cc, V20Gy, V95%Rx;"
              + " text/csv gives the metrics table roi_number,roi_name,metric,value,unit")
  @Rejects("a metric expression is malformed; the detail names it")
  public List<DvhView> dvhs(
      @PathParam("uid") String uid,
      @Parameter(
              description = "metric expressions, comma-separated",
              example = "Dmean,D95%,D0.03cc,V20Gy")
          @QueryParam("metrics")
          String metrics) {
    return dvhViews(uid, null, metrics);
  }

  @GET
  @Path("{uid}/dvhs/{roiNumber}")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(summary = "The DVHs of one ROI (by ROI Number) with metrics")
  @Rejects("a metric expression is malformed; the detail names it")
  public List<DvhView> dvh(
      @PathParam("uid") String uid,
      @PathParam("roiNumber") String roiNumber,
      @Parameter(description = "metric expressions, comma-separated", example = "Dmean,D2%,V30Gy")
          @QueryParam("metrics")
          String metrics) {
    return dvhViews(uid, roiNumber, metrics);
  }

  private List<DvhView> dvhViews(String uid, String roiNumber, String metricList) {
    List<String> metrics =
        metricList == null || metricList.isBlank()
            ? StudyDvhs.DEFAULT_METRICS
            : Arrays.stream(metricList.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .toList();
    List<StudyDvhs.Dvh> found;
    try {
      found = dvhs.dvhs(find(uid), roiNumber, metrics);
    } catch (MetricException e) {
      throw new BadRequestException("metrics: " + e.getMessage());
    }
    if (roiNumber != null && found.isEmpty()) {
      throw new NotFoundException("no DVH of ROI number " + roiNumber + " in study " + uid);
    }
    return found.stream().map(StudyAssembler::dvh).toList();
  }

  @GET
  @Path("{uid}/isodoses/{ctSopInstanceUid}")
  @Operation(
      summary = "Isodose lines on one CT image, as vector polylines",
      description =
          "Levels in % of the plan's prescription (of the maximum dose when there is none,"
              + " reference says which); lines in patient coordinates (mm, x,y,z flat) and in CT"
              + " pixel coordinates (row,column flat).")
  public IsodoseImage isodoses(
      @PathParam("uid") String uid, @PathParam("ctSopInstanceUid") String ctSopInstanceUid) {
    try {
      return isodoses
          .lines(find(uid), ctSopInstanceUid)
          .map(StudyAssembler::isodoses)
          .orElseThrow(
              () ->
                  new NotFoundException(
                      "no CT image " + ctSopInstanceUid + " in the planning CT of study " + uid));
    } catch (MissingInputException e) {
      throw new NotFoundException("no isodoses for study " + uid + ": " + e.getMessage());
    }
  }

  @GET
  @Path("{uid}/ct")
  @Operation(
      summary = "The planning CT's geometry, for an image viewer",
      description =
          "the CT series the features were computed on (the structure set's, else the largest):"
              + " size, pixel spacing and orientation, and its images in order along the slice"
              + " normal; /ct/{ctSopInstanceUid} gives an image's pixels")
  public CtView ct(@PathParam("uid") String uid) {
    try {
      return viewer
          .ct(find(uid))
          .map(StudyAssembler::ct)
          .orElseThrow(() -> new NotFoundException("study " + uid + " has no CT image"));
    } catch (MissingInputException e) {
      throw new NotFoundException("the CT of study " + uid + " cannot be shown: " + e.getMessage());
    }
  }

  @GET
  @Path("{uid}/ct/{ctSopInstanceUid}")
  @Operation(
      summary = "One CT image's pixels in Hounsfield units",
      description =
          "rows × columns signed 16-bit little-endian integers in row order, base64"
              + " (encoding int16le-base64); HU = stored value × RescaleSlope + RescaleIntercept")
  public CtImageView ctImage(
      @PathParam("uid") String uid, @PathParam("ctSopInstanceUid") String ctSopInstanceUid) {
    find(uid);
    return archive.files(uid, null, ctSopInstanceUid, caller.senders()).stream()
        .filter(f -> CT_IMAGE_STORAGE.equals(f.sopClassUid()))
        .findFirst()
        .flatMap(archive::hounsfield)
        .map(image -> StudyAssembler.ctImage(ctSopInstanceUid, image))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "study " + uid + " has no CT image " + ctSopInstanceUid + " with pixels"));
  }

  @GET
  @Path("{uid}/contours")
  @Operation(
      summary = "Every ROI's contours as drawn, with its display colour, for an image viewer",
      description =
          "the structure set the features use; points in patient coordinates (mm), each contour"
              + " with its position along the CT's slice normal; an empty list when the study has"
              + " no structure set")
  public List<RoiOutlineView> contours(@PathParam("uid") String uid) {
    try {
      return viewer.outlines(find(uid)).stream().map(StudyAssembler::outlines).toList();
    } catch (MissingInputException e) {
      throw new NotFoundException(
          "the contours of study " + uid + " cannot be shown: " + e.getMessage());
    }
  }

  @GET
  @Path("{uid}/dose")
  @Operation(
      summary = "The plan's dose at a point (Gy)",
      description =
          "trilinear interpolation in the dose the features use; doseGy is absent outside the"
              + " dose grid")
  @Rejects("x, y or z is missing or not a number from -10000 to 10000 (mm)")
  public DoseAtView doseAt(
      @PathParam("uid") String uid,
      @Parameter(description = "patient x (mm)", required = true, example = "0") @QueryParam("x")
          String x,
      @Parameter(description = "patient y (mm)", required = true, example = "0") @QueryParam("y")
          String y,
      @Parameter(description = "patient z (mm)", required = true, example = "0") @QueryParam("z")
          String z) {
    int studyId = find(uid);
    double xMm = coordinate("x", x);
    double yMm = coordinate("y", y);
    double zMm = coordinate("z", z);
    try {
      OptionalDouble dose = viewer.doseAtGy(studyId, xMm, yMm, zMm);
      OptionalDouble rx = dvhs.prescriptionGy(studyId);
      return new DoseAtView(
          xMm,
          yMm,
          zMm,
          dose.isPresent() ? dose.getAsDouble() : null,
          rx.isPresent() ? rx.getAsDouble() : null);
    } catch (MissingInputException e) {
      throw new NotFoundException("no dose for study " + uid + ": " + e.getMessage());
    }
  }

  /** A patient coordinate (mm), required. */
  private static double coordinate(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(name + " is required: a patient coordinate in mm");
    }
    return doubleParameter(name, value, 0, -10000, 10000);
  }

  @GET
  @Path("{uid}/constraints")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary = "The study checked against the dose constraints",
      description =
          "One row per (ROI, active constraint of its TG-263 structure): value, passed, margin"
              + " (positive = room left, negative = excess), on the computed DVH.")
  public List<ConstraintResult> constraints(@PathParam("uid") String uid) {
    return constraints.evaluate(find(uid)).stream().map(StudyAssembler::constraint).toList();
  }

  @GET
  @Path("{uid}/ovh")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary =
          "Overlap volume histograms of every PTV–OAR pair: the fraction of the organ within each"
              + " signed distance (mm, negative inside the PTV) of the PTV surface, r_v values and"
              + " distance statistics; text/csv gives ptv,ptv_roi,oar,oar_roi,distance_mm,fraction")
  public List<OvhView> ovh(@PathParam("uid") String uid) {
    return geometry.ovh(find(uid)).stream().map(StudyAssembler::ovh).toList();
  }

  @GET
  @Path("{uid}/sts")
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary =
          "Spatial target signatures of every PTV–OAR pair: the fraction of the PTV volume in"
              + " each (elevation, distance, azimuth) bin seen from the organ's centroid; text/csv"
              + " gives the non-empty bins")
  public List<StsView> sts(@PathParam("uid") String uid) {
    return geometry.sts(find(uid)).stream().map(StudyAssembler::sts).toList();
  }

  @GET
  @Path("{uid}/similar")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary = "Historical plans ranked by geometric similarity to this study, best first",
      description =
          "Every account's plans count; another account's plan is shown under a stable"
              + " de-identified key (studyKey KB-…) without UID or patient. oar: rank on one organ"
              + " (TG-263 name) only. limit: 1–1000 (default 10). text/csv: one row per matched"
              + " pair: rank,study_key,identifiable,score,target_dose_diff_gy,ptv,oar,ovh_emd_mm,"
              + "sts_emd_mm,achieved_dmean_gy,achieved_d50_gy")
  @Rejects("limit is not a whole number from 1 to 1000")
  public List<SimilarView> similar(
      @PathParam("uid") String uid,
      @Parameter(description = "rank on this organ only (TG-263 name)") @QueryParam("oar")
          String oar,
      @Parameter(description = "1 to 1000, default 10", example = "5") @QueryParam("limit")
          String limit) {
    int n = intParameter("limit", limit, 10, 1, 1000);
    try {
      return knowledgeBase
          .similar(find(uid), kbCaller(), blankToNull(oar), n, config.knowledgeBase())
          .ranked()
          .stream()
          .map(StudyAssembler::similar)
          .toList();
    } catch (KnowledgeBase.UnknownOrganException e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  @GET
  @Path("{uid}/qc")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
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
  @Rejects("tolerance or k is out of range; the detail names it")
  public List<QcView> qc(
      @PathParam("uid") String uid,
      @Parameter(description = "Gy, 0 to 100 (default RTDS_QC_TOLERANCE_GY)", example = "3")
          @QueryParam("tolerance")
          String tolerance,
      @Parameter(description = "1 to 100 (default RTDS_QC_TOP_K)", example = "5") @QueryParam("k")
          String k) {
    KnowledgeBase.Settings settings = settings(tolerance, k);
    return knowledgeBase.qc(find(uid), kbCaller(), settings).stream()
        .map(StudyAssembler::qc)
        .toList();
  }

  @GET
  @Path("{uid}/similar/dvh-band")
  @RolesAllowed(RtdsRoles.VIEW_KNOWLEDGE_BASE)
  @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV_SECOND})
  @Operation(
      summary =
          "The DVH band of the k most similar plans for one organ, to overlay on this"
              + " study's DVH",
      description =
          "oar (TG-263 name, required); k (default 5); step (Gy, default 0.5). Minimum, median"
              + " and maximum V(dose) in % of the organ on a common dose grid, with the plans"
              + " used and this study's own curve. text/csv: dose_gy,minimum_percent,"
              + "median_percent,maximum_percent")
  @Rejects("oar is missing, or k or step is out of range; the detail names it")
  public DvhBandView dvhBand(
      @PathParam("uid") String uid,
      @Parameter(
              description = "the organ (TG-263 name), required",
              required = true,
              example = "Parotid_L")
          @QueryParam("oar")
          String oar,
      @Parameter(description = "1 to 100 (default RTDS_QC_TOP_K)", example = "5") @QueryParam("k")
          String k,
      @Parameter(description = "dose grid step, Gy, 0.01 to 10 (default 0.5)", example = "0.5")
          @QueryParam("step")
          String step) {
    // visibility first: another hospital's study is not found, whatever the parameters
    int studyId = find(uid);
    if (blankToNull(oar) == null) {
      throw new BadRequestException("oar is required: the organ's TG-263 name, e.g. Parotid_L");
    }
    double stepGy = doubleParameter("step", step, 0.5, 0.01, 10);
    try {
      return StudyAssembler.dvhBand(
          knowledgeBase.dvhBand(studyId, kbCaller(), oar, settings(null, k), stepGy));
    } catch (KnowledgeBase.UnknownOrganException e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  private KnowledgeBase.Caller kbCaller() {
    return caller.knowledgeBaseCaller();
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

  /**
   * The {@code studies.id} of the study the caller may see identifiably (its own account's first
   * when two accounts of its hospital sent the same study).
   */
  private int find(String uid) {
    caller.require(RtdsPermission.VIEW_PATIENT);
    return records
        .visibleStudy(uid, caller.senders(), caller.get().id())
        .orElseThrow(() -> new NotFoundException("no study " + uid + " visible to this account"));
  }
}

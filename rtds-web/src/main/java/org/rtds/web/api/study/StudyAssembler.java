package org.rtds.web.api.study;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.domain.rt.DisplayColor;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.boundary.StudyGeometry;
import org.rtds.features.boundary.StudyIsodoses;
import org.rtds.features.boundary.StudyViewer;
import org.rtds.features.dose.metric.MetricValue;
import org.rtds.ingest.entity.HounsfieldImage;
import org.rtds.ingest.entity.SeriesRecord;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.ingest.entity.StudyRecord.SeriesListing;
import org.rtds.web.api.study.StudyDtos.ConstraintResult;
import org.rtds.web.api.study.StudyDtos.ContourView;
import org.rtds.web.api.study.StudyDtos.CtImageView;
import org.rtds.web.api.study.StudyDtos.CtSliceView;
import org.rtds.web.api.study.StudyDtos.CtView;
import org.rtds.web.api.study.StudyDtos.DvhBandView;
import org.rtds.web.api.study.StudyDtos.DvhView;
import org.rtds.web.api.study.StudyDtos.Features;
import org.rtds.web.api.study.StudyDtos.InstanceView;
import org.rtds.web.api.study.StudyDtos.IsodoseImage;
import org.rtds.web.api.study.StudyDtos.IsodoseLevel;
import org.rtds.web.api.study.StudyDtos.KnowledgeBaseSummary;
import org.rtds.web.api.study.StudyDtos.MetricView;
import org.rtds.web.api.study.StudyDtos.OarMatch;
import org.rtds.web.api.study.StudyDtos.OvhView;
import org.rtds.web.api.study.StudyDtos.QcView;
import org.rtds.web.api.study.StudyDtos.RoiOutlineView;
import org.rtds.web.api.study.StudyDtos.RoiView;
import org.rtds.web.api.study.StudyDtos.SeriesSummary;
import org.rtds.web.api.study.StudyDtos.SeriesView;
import org.rtds.web.api.study.StudyDtos.SimilarView;
import org.rtds.web.api.study.StudyDtos.StsView;
import org.rtds.web.api.study.StudyDtos.StudyRef;
import org.rtds.web.api.study.StudyDtos.StudyView;
import org.rtds.web.api.study.StudyDtos.TopMetric;

/** Builds the {@link StudyDtos} from what the boundaries answer. Plain Java, no state. */
public final class StudyAssembler {

  /** The API path of a study, for links. */
  public static final String STUDIES = "/rtds/api/v1/studies/";

  private StudyAssembler() {}

  /**
   * @param study what RTDS holds of the study
   * @param knowledgeBase the knowledge base's summary, or null (features not done, or the caller
   *     may not see the knowledge base)
   */
  public static StudyView study(StudyRecord study, KnowledgeBase.Summary knowledgeBase) {
    Map<String, Long> objects = study.inputs().objectsByModality();
    FeatureJobStatus status = study.study().featureStatus();
    Features features =
        status == null
            ? new Features(FeatureJobStatus.PENDING, "no feature job yet", null)
            : new Features(
                status,
                study.study().featureDetail(),
                knowledgeBase == null
                    ? null
                    : knowledgeBase(study.study().studyInstanceUid(), knowledgeBase));
    return new StudyView(
        study.study().studyInstanceUid(),
        study.study().studyDate(),
        study.study().description(),
        study.study().patientId(),
        study.study().patientName(),
        study.series().stream()
            .map(
                s ->
                    new SeriesSummary(
                        s.seriesInstanceUid(),
                        s.modality(),
                        s.description(),
                        s.frameOfReferenceUid()))
            .toList(),
        objects,
        study.inputs().missing(),
        objects.containsKey("RTPLAN") ? List.of() : List.of("RTPLAN"),
        features);
  }

  /** A series and its received objects, with where DICOMweb serves them. */
  public static SeriesView series(String studyInstanceUid, SeriesRecord record) {
    SeriesListing s = record.series();
    String dicomweb =
        "/rtds/dicomweb/studies/" + studyInstanceUid + "/series/" + s.seriesInstanceUid();
    Map<String, String> links = new LinkedHashMap<>();
    links.put("study", STUDIES + studyInstanceUid);
    links.put("retrieve", dicomweb);
    links.put("metadata", dicomweb + "/metadata");
    return new SeriesView(
        s.seriesInstanceUid(),
        s.modality(),
        s.description(),
        s.frameOfReferenceUid(),
        record.instances().stream()
            .map(
                i ->
                    new InstanceView(
                        i.sopInstanceUid(),
                        i.sopClassUid(),
                        i.modality(),
                        i.transferSyntaxUid(),
                        i.sizeBytes(),
                        i.receivedAt(),
                        i.channel()))
            .toList(),
        links);
  }

  static KnowledgeBaseSummary knowledgeBase(String studyInstanceUid, KnowledgeBase.Summary s) {
    String base = STUDIES + studyInstanceUid;
    Map<String, String> links = new LinkedHashMap<>();
    links.put("ovh", base + "/ovh");
    links.put("sts", base + "/sts");
    links.put("similar", base + "/similar");
    links.put("qc", base + "/qc");
    links.put("dvhBand", base + "/similar/dvh-band{?oar,k,step}");
    return new KnowledgeBaseSummary(
        s.ovhPairs(), s.stsPairs(), s.comparedStudies(), s.flaggedOars(), links);
  }

  public static RoiView roi(StudyDvhs.Roi r) {
    return new RoiView(
        r.roiNumber(), r.name(), r.standardName(), r.role(), r.interpretedType(), r.volumeCc());
  }

  public static MetricView metric(MetricValue m) {
    return new MetricView(
        m.metric(),
        m.value().isPresent() ? m.value().getAsDouble() : null,
        m.unit(),
        m.note() == null || m.note().isEmpty() ? null : m.note());
  }

  public static DvhView dvh(StudyDvhs.Dvh d) {
    return new DvhView(
        d.roi().roiNumber(),
        d.roi().name(),
        d.roi().standardName(),
        d.roi().role(),
        d.source(),
        d.doseSopInstanceUid(),
        d.minGy(),
        d.maxGy(),
        d.meanGy(),
        d.metrics().stream().map(StudyAssembler::metric).toList(),
        d.doseGy(),
        d.volumeCc(),
        d.volumePercent());
  }

  public static IsodoseImage isodoses(StudyIsodoses.Image image) {
    return new IsodoseImage(
        image.sopInstanceUid(),
        image.zMm(),
        image.reference(),
        image.referenceDoseGy(),
        image.levels().stream()
            .map(
                l ->
                    new IsodoseLevel(
                        l.percent(), l.doseGy(), l.lines(), l.pixelLines(), l.closed()))
            .toList());
  }

  public static CtView ct(StudyViewer.CtSeries ct) {
    return new CtView(
        ct.seriesInstanceUid(),
        ct.rows(),
        ct.columns(),
        new double[] {ct.rowSpacingMm(), ct.columnSpacingMm()},
        ct.orientation(),
        ct.slices().stream()
            .map(s -> new CtSliceView(s.sopInstanceUid(), s.positionMm(), s.zMm()))
            .toList());
  }

  /** The pixels as little-endian 16-bit integers in base64 ({@code int16le-base64}). */
  public static CtImageView ctImage(String sopInstanceUid, HounsfieldImage image) {
    ByteBuffer bytes = ByteBuffer.allocate(image.hu().length * 2).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asShortBuffer().put(image.hu());
    return new CtImageView(
        sopInstanceUid,
        image.rows(),
        image.columns(),
        "int16le-base64",
        Base64.getEncoder().encodeToString(bytes.array()));
  }

  public static RoiOutlineView outlines(StudyViewer.RoiOutlines roi) {
    return new RoiOutlineView(
        roi.roiNumber(),
        roi.name(),
        roi.standardName(),
        roi.role(),
        DisplayColor.rgb(roi.displayColor()),
        roi.contours().stream()
            .map(c -> new ContourView(c.zMm(), c.closed(), c.pointsMm()))
            .toList());
  }

  public static ConstraintResult constraint(StudyConstraints.Result r) {
    return new ConstraintResult(
        r.constraintId(),
        r.roiNumber(),
        r.roiName(),
        r.standardName(),
        r.metric(),
        r.comparator(),
        r.limit(),
        r.unit(),
        r.value(),
        r.passed(),
        r.margin(),
        r.dvhSource(),
        r.constraintSource(),
        r.note(),
        r.description());
  }

  public static OvhView ovh(StudyGeometry.OvhView o) {
    return new OvhView(
        o.ptv(),
        o.ptvRoi(),
        o.oar(),
        o.oarRoi(),
        o.distancesMm(),
        o.fractions(),
        o.overlapMm3(),
        o.overlapFraction(),
        o.oarVolumeCc(),
        o.rvMm(),
        o.r50Mm(),
        o.meanMm(),
        o.medianMm(),
        o.minMm(),
        o.maxMm(),
        o.sdMm(),
        o.skewness());
  }

  public static StsView sts(StudyGeometry.StsView s) {
    return new StsView(
        s.ptv(),
        s.ptvRoi(),
        s.oar(),
        s.oarRoi(),
        s.elevationEdgesDeg(),
        s.distanceEdgesMm(),
        s.azimuthEdgesDeg(),
        s.amounts());
  }

  public static SimilarView similar(KnowledgeBase.Similar r) {
    KnowledgeBase.StudyRef ref = r.study();
    return new SimilarView(
        r.rank(),
        ref.studyInstanceUid(),
        ref.studyKey(),
        ref.identifiable(),
        ref.patientId(),
        ref.prescriptionGy(),
        r.score(),
        r.targetDoseDiffGy(),
        r.oars().stream()
            .map(
                m ->
                    new OarMatch(
                        m.ptv(),
                        m.oar(),
                        m.ovhEmdMm(),
                        m.stsEmdMm(),
                        m.achievedDmeanGy(),
                        m.achievedD50Gy()))
            .toList());
  }

  public static QcView qc(KnowledgeBase.QcRow r) {
    return new QcView(
        r.ptv(),
        r.oar(),
        r.oarRoi(),
        r.metric(),
        r.r50Mm(),
        r.achievedGy(),
        r.achievableGy(),
        r.toleranceGy(),
        r.thresholdGy(),
        r.excessGy(),
        r.flagged(),
        r.rule(),
        r.evidence(),
        r.evidenceStudyKey(),
        r.candidates(),
        r.explanation(),
        r.topK().stream()
            .map(
                t ->
                    new TopMetric(
                        t.metric(),
                        t.medianGy(),
                        t.minimumGy(),
                        t.minimumStudyKey(),
                        t.studyKeys()))
            .toList(),
        r.topKRule());
  }

  public static StudyRef studyRef(KnowledgeBase.StudyRef r) {
    return new StudyRef(
        r.studyKey(), r.identifiable(), r.studyInstanceUid(), r.patientId(), r.prescriptionGy());
  }

  public static DvhBandView dvhBand(KnowledgeBase.DvhBandView b) {
    return new DvhBandView(
        b.oar(),
        b.k(),
        b.studies().stream().map(StudyAssembler::studyRef).toList(),
        b.doseGy(),
        b.minimumPercent(),
        b.medianPercent(),
        b.maximumPercent(),
        b.queryDoseGy(),
        b.queryVolumePercent(),
        b.rule());
  }
}

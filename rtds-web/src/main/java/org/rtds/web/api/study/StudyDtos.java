package org.rtds.web.api.study;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.web.api.csv.Csv;
import org.rtds.web.api.csv.CsvColumns;
import org.rtds.web.api.csv.CsvRows;

/**
 * What {@code /api/v1/studies/…} answers: the representations of the API contract, built by {@link
 * StudyAssembler} from the boundaries' results (never an entity or a calculator record). Units are
 * in the names: Gy, cc, mm, percent, deg.
 */
public final class StudyDtos {

  private StudyDtos() {}

  /**
   * A study.
   *
   * @param objects number of stored objects per modality (CT, RTSTRUCT, RTPLAN, RTDOSE)
   * @param missing modalities features still need (CT, RTSTRUCT, RTDOSE)
   * @param recommended RTPLAN when absent (without it there is no prescription)
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

  /** One series. */
  public record SeriesSummary(
      String seriesInstanceUid, String modality, String description, String frameOfReferenceUid) {}

  /**
   * @param status PENDING, RUNNING, DONE or FAILED
   * @param detail what the status means for this study (e.g. what it is waiting for)
   * @param knowledgeBase absent until the features are done, and for callers without {@code
   *     view_knowledgebase}
   */
  public record Features(
      FeatureJobStatus status, String detail, KnowledgeBaseSummary knowledgeBase) {}

  /**
   * What the knowledge base holds and says of the study.
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

  /**
   * One ROI.
   *
   * @param number ROI Number as sent
   * @param name ROI Name as sent
   * @param standardName AAPM TG-263 name, absent when the name was not recognised
   * @param type PTV, CTV, GTV, OAR, EXTERNAL or OTHER
   * @param interpretedType RT ROI Interpreted Type as sent
   * @param volumeCc stacked-prism volume in cc (absent until features are computed)
   */
  @CsvColumns({"roi_number", "roi_name", "standard_name", "type", "volume_cc"})
  public record RoiView(
      String number,
      String name,
      String standardName,
      String type,
      String interpretedType,
      Double volumeCc)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      row.accept(new String[] {number, Csv.text(name), standardName, type, Csv.number(volumeCc)});
    }
  }

  /**
   * One metric value.
   *
   * @param metric as asked, e.g. Dmean, D95%, V20Gy
   * @param value absent when undefined, with the reason in {@code note}
   * @param unit Gy, cc or %
   */
  public record MetricView(String metric, Double value, String unit, String note) {}

  /**
   * One series of a study and the objects of it RTDS received; as {@code text/csv} the objects, one
   * per row.
   *
   * @param instances in the order they arrived (empty for a series adopted from a legacy database)
   * @param links where DICOMweb gives the series' objects and metadata
   */
  @CsvColumns({
    "sop_instance_uid",
    "sop_class_uid",
    "modality",
    "transfer_syntax_uid",
    "size_bytes",
    "received_at",
    "channel"
  })
  public record SeriesView(
      String seriesInstanceUid,
      String modality,
      String description,
      String frameOfReferenceUid,
      List<InstanceView> instances,
      Map<String, String> links)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (InstanceView i : instances) {
        row.accept(
            new String[] {
              i.sopInstanceUid(),
              i.sopClassUid(),
              i.modality(),
              i.transferSyntaxUid(),
              Long.toString(i.sizeBytes()),
              i.receivedAt().toString(),
              i.channel()
            });
      }
    }
  }

  /**
   * One received object of a series.
   *
   * @param sizeBytes the stored file's size in bytes
   * @param receivedAt when RTDS stored it (UTC, ISO 8601)
   */
  public record InstanceView(
      String sopInstanceUid,
      String sopClassUid,
      String modality,
      String transferSyntaxUid,
      long sizeBytes,
      LocalDateTime receivedAt,
      String channel) {}

  /**
   * One DVH: cumulative curve and metrics.
   *
   * @param source COMPUTED (by RTDS) or TPS_EMBEDDED (from the RT Dose)
   * @param minGy minimum dose (Gy)
   * @param maxGy maximum dose (Gy)
   * @param meanGy mean dose (Gy)
   * @param doseGy curve doses (Gy)
   * @param volumeCc V(≥ dose) in cc
   * @param volumePercent V(≥ dose) in % of the ROI
   */
  @CsvColumns({"roi_number", "roi_name", "metric", "value", "unit", "source"})
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
      double[] volumePercent)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (MetricView m : metrics) {
        row.accept(
            new String[] {
              roiNumber, Csv.text(roiName), m.metric(), Csv.number(m.value()), m.unit(), source
            });
      }
    }
  }

  /**
   * The isodose lines on one CT image.
   *
   * @param sopInstanceUid the CT image
   * @param zMm its z position (mm)
   * @param reference PRESCRIPTION or MAX_DOSE: what the percentages refer to
   * @param referenceDoseGy the reference dose (Gy)
   */
  public record IsodoseImage(
      String sopInstanceUid,
      double zMm,
      String reference,
      double referenceDoseGy,
      List<IsodoseLevel> levels) {}

  /**
   * One isodose level on an image.
   *
   * @param percent the level in % of the reference dose
   * @param doseGy the level (Gy)
   * @param lines polylines in patient coordinates (mm), x,y,z flat
   * @param pixelLines the same in CT pixel coordinates, row,column flat
   * @param closed whether each line is closed
   */
  public record IsodoseLevel(
      double percent,
      double doseGy,
      List<double[]> lines,
      List<double[]> pixelLines,
      List<Boolean> closed) {}

  /**
   * One ROI checked against one active constraint.
   *
   * @param comparator {@code <}, {@code <=}, {@code >} or {@code >=}
   * @param limit the constraint's limit in {@code unit}
   * @param value the ROI's metric value in {@code unit}; absent when undefined
   * @param passed absent when the value is
   * @param margin positive = room left, negative = excess, in {@code unit}
   * @param dvhSource the DVH used (COMPUTED)
   */
  @CsvColumns({
    "roi_number",
    "roi_name",
    "standard_name",
    "metric",
    "comparator",
    "limit",
    "unit",
    "value",
    "passed",
    "margin"
  })
  public record ConstraintResult(
      int constraintId,
      String roiNumber,
      String roiName,
      String standardName,
      String metric,
      String comparator,
      double limit,
      String unit,
      Double value,
      Boolean passed,
      Double margin,
      String dvhSource,
      String constraintSource,
      String note,
      String description)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      row.accept(
          new String[] {
            roiNumber,
            Csv.text(roiName),
            standardName,
            metric,
            comparator,
            Csv.number(limit),
            unit,
            Csv.number(value),
            passed == null ? "" : passed.toString(),
            Csv.number(margin)
          });
    }
  }

  /**
   * The overlap volume histogram of one PTV–OAR pair.
   *
   * @param ptv the target level
   * @param ptvRoi the target's ROI name
   * @param oar the organ's TG-263 name
   * @param oarRoi the organ's ROI name
   * @param distancesMm signed distances from the PTV surface (mm, negative inside)
   * @param fractions fraction of the organ within each distance
   * @param overlapMm3 organ volume inside the PTV (mm³)
   * @param overlapFraction the same as a fraction of the organ
   * @param oarVolumeCc the organ's volume (cc)
   * @param rvMm r_v: the distance within which v % of the organ lies (mm), v = 10, 20, … 100
   * @param r50Mm r_50 (mm)
   */
  @CsvColumns({"ptv", "ptv_roi", "oar", "oar_roi", "distance_mm", "fraction"})
  public record OvhView(
      String ptv,
      String ptvRoi,
      String oar,
      String oarRoi,
      double[] distancesMm,
      double[] fractions,
      Integer overlapMm3,
      Double overlapFraction,
      Double oarVolumeCc,
      double[] rvMm,
      double r50Mm,
      double meanMm,
      double medianMm,
      double minMm,
      double maxMm,
      double sdMm,
      double skewness)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (int k = 0; k < distancesMm.length; k++) {
        row.accept(
            new String[] {
              ptv,
              Csv.text(ptvRoi),
              oar,
              Csv.text(oarRoi),
              Csv.number(distancesMm[k]),
              Csv.number(fractions[k])
            });
      }
    }
  }

  /**
   * The spatial target signature of one PTV–OAR pair: the fraction of the PTV volume in each
   * (elevation, distance, azimuth) bin seen from the organ's centroid.
   *
   * @param elevationEdgesDeg bin edges (deg)
   * @param distanceEdgesMm bin edges (mm)
   * @param azimuthEdgesDeg bin edges (deg)
   * @param amounts fractions, in the order of {@link StsBins#index}
   */
  @CsvColumns({
    "ptv",
    "ptv_roi",
    "oar",
    "oar_roi",
    "elevation_from_deg",
    "distance_from_mm",
    "azimuth_from_deg",
    "fraction"
  })
  public record StsView(
      String ptv,
      String ptvRoi,
      String oar,
      String oarRoi,
      double[] elevationEdgesDeg,
      double[] distanceEdgesMm,
      double[] azimuthEdgesDeg,
      double[] amounts)
      implements CsvRows {
    /** Writes the non-empty bins. */
    @Override
    public void csvRows(Consumer<String[]> row) {
      int n = elevationEdgesDeg.length - 1;
      for (int e = 0; e < n; e++) {
        for (int d = 0; d < n; d++) {
          for (int a = 0; a < n; a++) {
            double amount = amounts[StsBins.index(e, d, a)];
            if (amount > 0) {
              row.accept(
                  new String[] {
                    ptv,
                    Csv.text(ptvRoi),
                    oar,
                    Csv.text(oarRoi),
                    Csv.number(elevationEdgesDeg[e]),
                    Csv.number(distanceEdgesMm[d]),
                    Csv.number(azimuthEdgesDeg[a]),
                    Csv.number(amount)
                  });
            }
          }
        }
      }
    }
  }

  /**
   * A similar historical study.
   *
   * @param rank 1 = most similar
   * @param studyInstanceUid present only when the caller may see the study identifiably
   * @param studyKey the UID, or the stable de-identified key ({@code KB-…}) for a study of another
   *     hospital
   * @param identifiable whether the caller may see its identity
   * @param patientId present only when identifiable
   * @param prescriptionGy its prescription (Gy)
   * @param score similarity score (dimensionless, lower = more similar)
   * @param targetDoseDiffGy query − historical prescription (Gy)
   * @param oars per matched (target level, organ): OVH and STS distances (mm) and the doses the
   *     historical plan achieved (Gy)
   */
  @CsvColumns({
    "rank",
    "study_key",
    "identifiable",
    "score",
    "target_dose_diff_gy",
    "ptv",
    "oar",
    "ovh_emd_mm",
    "sts_emd_mm",
    "achieved_dmean_gy",
    "achieved_d50_gy"
  })
  public record SimilarView(
      int rank,
      String studyInstanceUid,
      String studyKey,
      boolean identifiable,
      String patientId,
      Double prescriptionGy,
      double score,
      double targetDoseDiffGy,
      List<OarMatch> oars)
      implements CsvRows {
    /** One row per matched pair. */
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (OarMatch m : oars) {
        row.accept(
            new String[] {
              String.valueOf(rank),
              studyKey,
              String.valueOf(identifiable),
              Csv.number(score),
              Csv.number(targetDoseDiffGy),
              m.ptv(),
              m.oar(),
              Csv.number(m.ovhEmdMm()),
              Csv.number(m.stsEmdMm()),
              Csv.number(m.achievedDmeanGy()),
              Csv.number(m.achievedD50Gy())
            });
      }
    }
  }

  /**
   * One matched (target level, organ) pair of a similar study.
   *
   * @param ovhEmdMm Earth Mover's Distance of the OVHs (mm)
   * @param stsEmdMm Earth Mover's Distance of the STSs (mm)
   * @param achievedDmeanGy the similar plan's mean dose to the organ (Gy), absent when unknown
   * @param achievedD50Gy its D50% (Gy), absent when unknown
   */
  public record OarMatch(
      String ptv,
      String oar,
      double ovhEmdMm,
      double stsEmdMm,
      Double achievedDmeanGy,
      Double achievedD50Gy) {}

  /**
   * A historical study as the caller may see it.
   *
   * @param studyKey its StudyInstanceUID when identifiable, else its de-identified key
   * @param studyInstanceUid absent unless identifiable
   * @param patientId absent unless identifiable
   * @param prescriptionGy its prescription (Gy), absent when unknown
   */
  public record StudyRef(
      String studyKey,
      boolean identifiable,
      String studyInstanceUid,
      String patientId,
      Double prescriptionGy) {}

  /**
   * One organ's achievable-dose check.
   *
   * @param ptv the target level of r50 (ALL: the union of the targets)
   * @param oar TG-263 name
   * @param oarRoi the organ's ROI name in this study
   * @param metric the checked metric (D50%)
   * @param r50Mm this study's r50 (mm)
   * @param achievedGy this plan's dose (Gy)
   * @param achievableGy the lowest dose among plans with harder-or-equal geometry (Gy); absent when
   *     there is none
   * @param toleranceGy tolerance (Gy)
   * @param thresholdGy achievable + tolerance: above it the organ is flagged (Gy)
   * @param excessGy achieved − achievable (Gy)
   * @param flagged whether achievedGy &gt; thresholdGy
   * @param rule the rule and the geometry criterion
   * @param evidence the plans with harder-or-equal geometry (study keys), lowest dose first
   * @param evidenceStudyKey the plan that achieved the achievable dose
   * @param candidates comparable plans with this organ
   * @param topK what the k most similar plans achieved
   */
  @CsvColumns({
    "oar",
    "oar_roi",
    "metric",
    "achieved_gy",
    "achievable_gy",
    "threshold_gy",
    "excess_gy",
    "flagged",
    "evidence_study_key",
    "candidates"
  })
  public record QcView(
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
      String topKRule)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      row.accept(
          new String[] {
            oar,
            Csv.text(oarRoi),
            metric,
            Csv.number(achievedGy),
            Csv.number(achievableGy),
            Csv.number(thresholdGy),
            Csv.number(excessGy),
            String.valueOf(flagged),
            evidenceStudyKey,
            String.valueOf(candidates)
          });
    }
  }

  /**
   * What the k most similar plans achieved for one metric.
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
   * The DVH band of the k most similar plans for one organ, on a common dose grid.
   *
   * @param oar TG-263 name
   * @param studies the plans, most similar first
   * @param doseGy the grid (Gy)
   * @param minimumPercent lowest V(dose) (% of the organ)
   * @param medianPercent median V(dose) (%)
   * @param maximumPercent highest V(dose) (%)
   * @param queryDoseGy this study's own DVH doses (Gy), to overlay
   * @param queryVolumePercent this study's own V(dose) (%)
   * @param rule how the band is formed
   */
  @CsvColumns({"dose_gy", "minimum_percent", "median_percent", "maximum_percent"})
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
      String rule)
      implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (int i = 0; i < doseGy.length; i++) {
        row.accept(
            new String[] {
              Csv.number(doseGy[i]),
              Csv.number(minimumPercent[i]),
              Csv.number(medianPercent[i]),
              Csv.number(maximumPercent[i])
            });
      }
    }
  }

  /**
   * The study's planning CT, for an image viewer (the series the features were computed on).
   *
   * @param seriesInstanceUid the CT series
   * @param rows Rows of every image
   * @param columns Columns of every image
   * @param pixelSpacingMm PixelSpacing: the distance between rows, then between columns (mm)
   * @param orientation ImageOrientationPatient: the row direction x,y,z, then the column direction
   * @param slices the images, ascending along the slice normal (patient z for axial images)
   */
  public record CtView(
      String seriesInstanceUid,
      int rows,
      int columns,
      double[] pixelSpacingMm,
      double[] orientation,
      List<CtSliceView> slices) {}

  /**
   * One image of the planning CT.
   *
   * @param sopInstanceUid its SOP Instance UID: {@code /ct/{ctSopInstanceUid}} gives its pixels
   * @param positionMm ImagePositionPatient: the centre of the first pixel, x,y,z (mm)
   * @param zMm its position along the slice normal (mm)
   */
  public record CtSliceView(String sopInstanceUid, double[] positionMm, double zMm) {}

  /**
   * One CT image's pixels in Hounsfield units.
   *
   * @param sopInstanceUid the image's SOP Instance UID
   * @param rows Rows
   * @param columns Columns
   * @param encoding how {@code hu} is written: always {@code int16le-base64}
   * @param hu rows × columns signed 16-bit little-endian integers in row order, base64: HU = stored
   *     value × RescaleSlope + RescaleIntercept, rounded
   */
  public record CtImageView(
      String sopInstanceUid, int rows, int columns, String encoding, String hu) {}

  /**
   * A ROI's contours as drawn, for an image viewer.
   *
   * @param roiNumber ROI Number (3006,0022)
   * @param name ROI Name as the planning system wrote it
   * @param standardName TG-263 name; absent when not recognised
   * @param role TARGET, OAR, EXTERNAL or OTHER
   * @param color ROI Display Color red, green, blue (0–255); absent when none was given
   * @param contours its contours
   */
  public record RoiOutlineView(
      String roiNumber,
      String name,
      String standardName,
      String role,
      int[] color,
      List<ContourView> contours) {}

  /**
   * One contour.
   *
   * @param zMm its plane's position along the CT's slice normal (mm): the CT image with the nearest
   *     zMm is the one it was drawn on
   * @param closed true for CLOSED_PLANAR, false for an open line or points
   * @param pointsMm its points in patient coordinates (mm), x,y,z flat
   */
  public record ContourView(double zMm, boolean closed, double[] pointsMm) {}

  /**
   * The plan's dose at a point.
   *
   * @param xMm patient x asked for (mm)
   * @param yMm patient y asked for (mm)
   * @param zMm patient z asked for (mm)
   * @param doseGy the dose, trilinearly interpolated in the dose grid (Gy); absent outside the grid
   * @param prescriptionGy the plan's prescription (Gy); absent when the plan gives none
   */
  public record DoseAtView(
      double xMm, double yMm, double zMm, Double doseGy, Double prescriptionGy) {}
}

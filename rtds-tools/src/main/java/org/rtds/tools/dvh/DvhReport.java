package org.rtds.tools.dvh;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.rtds.features.dose.dvh.CumulativeDvh;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.metric.Metric;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.dose.metric.MetricValue;
import org.rtds.tools.cli.Format;
import org.rtds.tools.cli.StudyIds;

/**
 * Per-ROI metrics of one study, and their CSV and JSON forms.
 *
 * <p>CSV: header {@code roi_number,roi_name,metric,value,unit}, one row per ROI (structure-set
 * order) and metric (requested order), values with 4 decimals and '.', an empty value when the
 * metric is undefined (ROI without volume, D_xcc above the ROI volume, …), fields quoted per RFC
 * 4180 when they hold a comma, quote, CR or LF or start or end with a blank; lines end with LF.
 *
 * @param study the study, its RT Structure Set and CT series
 * @param dose how the total dose was made
 * @param prescriptionGy Rx (Gy), empty when unknown
 * @param supersampling "auto" or the fixed factor (with "+z" when the dose is also subsampled in z)
 * @param binWidthGy bin width of the cumulative curves
 * @param rois per ROI results
 * @param notes study-level remarks
 */
public record DvhReport(
    StudyIds study,
    String dose,
    OptionalDouble prescriptionGy,
    String supersampling,
    double binWidthGy,
    List<RoiReport> rois,
    List<String> notes) {

  /** CSV header line (without line end). */
  public static final String CSV_HEADER = "roi_number,roi_name,metric,value,unit";

  /** The CSV header of a cohort (several study folders): the study folder as given, first. */
  public static final String COHORT_CSV_HEADER = "study," + CSV_HEADER;

  /** Copies the lists. */
  public DvhReport {
    rois = List.copyOf(rois);
    notes = List.copyOf(notes);
  }

  /**
   * One ROI.
   *
   * @param roiNumber ROINumber
   * @param roiName ROIName
   * @param metrics the values, in requested order
   * @param notes remarks (volume outside the dose grid, contours skipped, no volume)
   * @param dvh the cumulative DVH in cc
   */
  public record RoiReport(
      int roiNumber,
      String roiName,
      List<MetricValue> metrics,
      List<String> notes,
      CumulativeDvh dvh) {
    /** Copies the lists. */
    public RoiReport {
      metrics = List.copyOf(metrics);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Computes the DVH of every ROI and evaluates the metrics. Dose metrics come from the exact voxel
   * dose list; {@code Volume} is the stacked-prism volume of the contours, {@code DvhVolume} the
   * volume of the voxels the DVH was computed on; V-metrics in % are relative to the DVH volume.
   * The isodose volume of CI/GI is counted on the dose grid.
   *
   * @param inputs the calculator inputs
   * @param metrics what to report
   * @param options DVH options
   * @return one {@link RoiReport} per ROI
   */
  public static List<RoiReport> compute(
      StudyInputs inputs, MetricList metrics, DvhOptions options) {
    List<DvhResult> results =
        DvhCalculator.computeAll(inputs.rois(), inputs.ct(), inputs.dose(), options);
    List<RoiReport> out = new ArrayList<>(results.size());
    for (DvhResult r : results) {
      MetricContext context =
          MetricContext.of(r.samples()).withIsodoseVolume(inputs.dose()::volumeAtLeastCc);
      if (inputs.prescriptionGy().isPresent()) {
        context = context.withPrescription(inputs.prescriptionGy().getAsDouble());
      }
      List<MetricValue> values = new ArrayList<>(metrics.metrics().size());
      for (Metric m : metrics.metrics()) {
        if (m == null) {
          values.add(
              new MetricValue(MetricList.DVH_VOLUME, OptionalDouble.of(r.volumeCc()), "cc", ""));
        } else if (m instanceof Metric.TotalVolume) {
          values.add(
              new MetricValue(
                  m.canonicalName(), OptionalDouble.of(r.prismVolumeCc()), m.unit(), ""));
        } else {
          try {
            values.add(MetricEvaluator.evaluate(m, context));
          } catch (MetricException e) {
            values.add(
                new MetricValue(
                    m.canonicalName(), OptionalDouble.empty(), m.unit(), e.getMessage()));
          }
        }
      }
      List<String> notes = new ArrayList<>(r.notes());
      r.skipped()
          .forEach(s -> notes.add("contour " + s.contourIndex() + " skipped: " + s.reason()));
      out.add(new RoiReport(r.roiNumber(), r.roiName(), values, notes, r.dvh()));
    }
    return out;
  }

  /**
   * @return the CSV document (header and rows, LF line ends)
   */
  public String toCsv() {
    return CSV_HEADER + "\n" + csvRows(null);
  }

  /**
   * The rows of the CSV document without its header, for a cohort: each row then starts with the
   * study column ({@link #COHORT_CSV_HEADER}).
   *
   * @param studyColumn the study folder as given, or null for the rows of a single study
   * @return the rows (LF line ends)
   */
  public String csvRows(String studyColumn) {
    StringBuilder sb = new StringBuilder(64 * (1 + rois.size() * 12));
    String study = studyColumn == null ? "" : csv(studyColumn) + ",";
    for (RoiReport roi : rois) {
      for (MetricValue v : roi.metrics()) {
        sb.append(study)
            .append(roi.roiNumber())
            .append(',')
            .append(csv(roi.roiName()))
            .append(',')
            .append(csv(v.metric()))
            .append(',')
            .append(v.value().isPresent() ? number(v.value().getAsDouble()) : "")
            .append(',')
            .append(csv(v.unit()))
            .append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * @param withCurves include each ROI's cumulative DVH ({@code doseGy}: lower bin edges, {@code
   *     volumeCc}: V(≥ dose))
   * @return the JSON document
   */
  public String toJson(boolean withCurves) {
    StringBuilder sb = new StringBuilder(256 + rois.size() * 1024);
    sb.append("{\n");
    study.appendJson(sb);
    sb.append("  \"dose\": ").append(json(dose)).append(",\n");
    sb.append("  \"prescriptionGy\": ")
        .append(prescriptionGy.isPresent() ? number(prescriptionGy.getAsDouble()) : "null")
        .append(",\n");
    sb.append("  \"supersampling\": ").append(json(supersampling)).append(",\n");
    sb.append("  \"binWidthGy\": ").append(number(binWidthGy)).append(",\n");
    sb.append("  \"volumeMethod\": ")
        .append(
            json(
                "Volume = stacked-prism volume of the contours (end planes: full prism);"
                    + " DvhVolume = volume of the CT (sub)voxels inside the contours"))
        .append(",\n");
    sb.append("  \"notes\": ").append(Format.jsonStrings(notes)).append(",\n");
    sb.append("  \"rois\": [");
    for (int i = 0; i < rois.size(); i++) {
      RoiReport roi = rois.get(i);
      sb.append(i == 0 ? "\n" : ",\n");
      sb.append("    {\"roiNumber\": ")
          .append(roi.roiNumber())
          .append(", \"roiName\": ")
          .append(json(roi.roiName()))
          .append(",\n     \"metrics\": [");
      for (int k = 0; k < roi.metrics().size(); k++) {
        MetricValue v = roi.metrics().get(k);
        sb.append(k == 0 ? "\n" : ",\n");
        sb.append("       {\"metric\": ")
            .append(json(v.metric()))
            .append(", \"value\": ")
            .append(v.value().isPresent() ? number(v.value().getAsDouble()) : "null")
            .append(", \"unit\": ")
            .append(json(v.unit()));
        if (!v.note().isEmpty()) {
          sb.append(", \"note\": ").append(json(v.note()));
        }
        sb.append('}');
      }
      sb.append("],\n     \"notes\": ").append(Format.jsonStrings(roi.notes()));
      if (withCurves) {
        CumulativeDvh c = roi.dvh().toCc(0);
        sb.append(",\n     \"dvh\": {\"doseGy\": ");
        Format.jsonNumbers(sb, c.lowerEdgesGy(), Format::number);
        sb.append(", \"volumeCc\": ");
        Format.jsonNumbers(sb, c.volumes(), Format::number);
        sb.append('}');
      }
      sb.append('}');
    }
    sb.append(rois.isEmpty() ? "]\n" : "\n  ]\n");
    sb.append("}\n");
    return sb.toString();
  }

  /**
   * @param value a finite number
   * @return {@link Format#number}
   */
  public static String number(double value) {
    return Format.number(value);
  }

  /**
   * @param field a CSV field
   * @return {@link Format#csv}
   */
  public static String csv(String field) {
    return Format.csv(field);
  }

  /**
   * @param s a string, or null
   * @return {@link Format#json}
   */
  public static String json(String s) {
    return Format.json(s);
  }
}

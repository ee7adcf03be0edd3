package org.rtds.tools.ovh;

import static org.rtds.tools.cli.Format.csv;
import static org.rtds.tools.cli.Format.json;
import static org.rtds.tools.cli.Format.jsonStrings;
import static org.rtds.tools.cli.Format.number;

import java.util.ArrayList;
import java.util.List;
import org.rtds.features.knowledge.StudyGeometryFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.PairFeatures;
import org.rtds.features.knowledge.ovh.DistanceStatistics;
import org.rtds.features.knowledge.ovh.OvhResult;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.features.knowledge.sts.StsCalculator;
import org.rtds.features.knowledge.sts.StsResult;
import org.rtds.tools.cli.Format;
import org.rtds.tools.cli.StudyIds;
import org.rtds.tools.ovh.OvhInputs.Structure;

/**
 * The OVH, r_v values and STS of every (PTV, OAR) pair of one study, and their CSV and JSON forms
 * (format: {@link OvhCommand#HELP}).
 *
 * @param study the study, its RT Structure Set and CT series
 * @param inputs the PTVs and OARs
 * @param pairs one entry per (PTV, OAR), PTV-major
 */
public record OvhReport(StudyIds study, OvhInputs inputs, List<Pair> pairs) {

  /** CSV header line (without line end). */
  public static final String CSV_HEADER =
      "ptv,ptv_standard_name,oar,oar_standard_name,quantity,at_mm,value,unit,note";

  /** Copies the list. */
  public OvhReport {
    pairs = List.copyOf(pairs);
  }

  /**
   * @param studyInstanceUid the study
   * @param structureSetUid the RT Structure Set used
   * @param structureSetLabel its label
   * @param ctSeriesUid the CT series used
   * @param ctSlices its number of slices
   * @param inputs the PTVs and OARs
   * @param pairs one entry per (PTV, OAR), PTV-major
   */
  public OvhReport(
      String studyInstanceUid,
      String structureSetUid,
      String structureSetLabel,
      String ctSeriesUid,
      int ctSlices,
      OvhInputs inputs,
      List<Pair> pairs) {
    this(
        new StudyIds(studyInstanceUid, structureSetUid, structureSetLabel, ctSeriesUid, ctSlices),
        inputs,
        pairs);
  }

  /**
   * One (PTV, OAR) pair.
   *
   * @param ptv the PTV
   * @param oar the OAR
   * @param ovh its OVH (null when skipped)
   * @param sts its STS (null when skipped)
   * @param ptvCentroidMm the PTV's volume-weighted centroid {x, y, z} (LPS mm; null when skipped)
   * @param skipReason why it was not computed (null when computed)
   */
  public record Pair(
      Structure ptv,
      Structure oar,
      OvhResult ovh,
      StsResult sts,
      double[] ptvCentroidMm,
      String skipReason) {

    /**
     * @return the vector from the OAR centroid to the PTV centroid (mm)
     */
    double[] direction() {
      double[] c = sts.oarCentroidMm();
      return new double[] {
        ptvCentroidMm[0] - c[0], ptvCentroidMm[1] - c[1], ptvCentroidMm[2] - c[2]
      };
    }

    /**
     * @return distance between the centroids (mm)
     */
    double centroidDistanceMm() {
      double[] u = direction();
      return Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    }

    /**
     * @return azimuth of the PTV centroid seen from the OAR centroid, atan2(y, x) (degrees, STS
     *     convention)
     */
    double centroidAzimuthDeg() {
      double[] u = direction();
      return u[0] == 0 && u[1] == 0 ? 0 : Math.toDegrees(Math.atan2(u[1], u[0]));
    }

    /**
     * @return elevation of the PTV centroid seen from the OAR centroid, asin(z/ρ) (degrees)
     */
    double centroidElevationDeg() {
      double rho = centroidDistanceMm();
      return rho == 0 ? 0 : Math.toDegrees(Math.asin(direction()[2] / rho));
    }

    /**
     * @return fraction of the PTV volume in each STS distance bin (summed over elevation and
     *     azimuth)
     */
    double[] distanceFractions() {
      double[] f = new double[StsBins.BINS];
      for (int e = 0; e < StsBins.BINS; e++) {
        for (int r = 0; r < StsBins.BINS; r++) {
          for (int a = 0; a < StsBins.BINS; a++) {
            f[r] += sts.amount(e, r, a);
          }
        }
      }
      return f;
    }
  }

  /**
   * Computes the OVH and STS of every pair ({@link StudyGeometryFeatures}, default grid, one
   * distance map per PTV, parallel).
   *
   * @param inputs the PTVs and OARs
   * @return the pairs, PTV-major in the order of {@code inputs}
   */
  public static List<Pair> compute(OvhInputs inputs) {
    List<StudyGeometryFeatures.Structure> ptvs = structures(inputs.ptvs());
    List<StudyGeometryFeatures.Structure> oars = structures(inputs.oars());
    List<PairFeatures> features =
        StudyGeometryFeatures.compute(
            inputs.lattice(), ptvs, oars, StudyGeometryFeatures.Options.DEFAULT);
    List<Pair> out = new ArrayList<>(features.size());
    int n = inputs.oars().size();
    for (int pi = 0; pi < inputs.ptvs().size(); pi++) {
      Structure ptv = inputs.ptvs().get(pi);
      double[] centroid =
          ptv.mask().isEmpty() ? null : StsCalculator.centroidMm(inputs.lattice(), ptv.mask());
      for (int oi = 0; oi < n; oi++) {
        Structure oar = inputs.oars().get(oi);
        PairFeatures f = features.get(pi * n + oi);
        if (f.skipped()) {
          out.add(new Pair(ptv, oar, null, null, null, reason(f.skipReason(), ptv, oar)));
        } else {
          out.add(new Pair(ptv, oar, f.ovh(), f.sts(), centroid, null));
        }
      }
    }
    return out;
  }

  private static List<StudyGeometryFeatures.Structure> structures(List<Structure> list) {
    return list.stream()
        .map(s -> new StudyGeometryFeatures.Structure(s.roiNumber(), s.name(), s.mask()))
        .toList();
  }

  private static String reason(String reason, Structure ptv, Structure oar) {
    Structure empty = ptv.mask().isEmpty() ? ptv : oar;
    return empty.notes().isEmpty()
        ? reason
        : reason + " (" + String.join("; ", empty.notes()) + ")";
  }

  /**
   * @return number of pairs computed (not skipped)
   */
  public long computedCount() {
    return pairs.stream().filter(p -> p.skipReason() == null).count();
  }

  /**
   * @return the CSV document (header and rows, LF line ends)
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(64 + pairs.size() * 260 * 48);
    sb.append(CSV_HEADER).append('\n');
    for (Pair p : pairs) {
      String key =
          csv(p.ptv().name())
              + ','
              + csv(p.ptv().standardName())
              + ','
              + csv(p.oar().name())
              + ','
              + csv(p.oar().standardName())
              + ',';
      if (p.skipReason() != null) {
        sb.append(key).append("skipped,,,,").append(csv(p.skipReason())).append('\n');
        continue;
      }
      OvhResult o = p.ovh();
      row(sb, key, "overlap_volume", "", number(o.overlapVolumeMm3()), "mm3");
      row(sb, key, "overlap_fraction", "", fraction(o.overlapFraction()), "fraction");
      row(sb, key, "oar_volume", "", number(o.oarVolumeMm3() / 1000.0), "cc");
      row(sb, key, "ptv_volume", "", number(p.sts().ptvVolumeMm3() / 1000.0), "cc");
      for (int i = 0; i < o.rvFractions().length; i++) {
        row(sb, key, rvName(o.rvFractions()[i]), "", number(o.rvExactMm()[i]), "mm");
      }
      DistanceStatistics s = o.statistics();
      row(sb, key, "distance_mean", "", number(s.meanMm()), "mm");
      row(sb, key, "distance_median", "", number(s.medianMm()), "mm");
      row(sb, key, "distance_min", "", number(s.minMm()), "mm");
      row(sb, key, "distance_max", "", number(s.maxMm()), "mm");
      row(sb, key, "distance_sd", "", number(s.sdMm()), "mm");
      row(sb, key, "distance_skewness", "", number(s.skewness()), "");
      row(sb, key, "sts_centroid_distance", "", number(p.centroidDistanceMm()), "mm");
      row(sb, key, "sts_centroid_azimuth", "", number(p.centroidAzimuthDeg()), "deg");
      row(sb, key, "sts_centroid_elevation", "", number(p.centroidElevationDeg()), "deg");
      double[] edges = StsBins.distanceEdgesMm();
      double[] f = p.distanceFractions();
      for (int r = 0; r < f.length; r++) {
        row(sb, key, "sts_distance_fraction", compact(edges[r], 4), fraction(f[r]), "fraction");
      }
      for (int k = 0; k < o.gridMm().length; k++) {
        row(
            sb,
            key,
            "ovh_at",
            compact(o.gridMm()[k], 4),
            fraction(o.cumulativeFraction()[k]),
            "fraction");
      }
    }
    return sb.toString();
  }

  private static void row(
      StringBuilder sb, String key, String quantity, String at, String value, String unit) {
    sb.append(key)
        .append(quantity)
        .append(',')
        .append(at)
        .append(',')
        .append(value)
        .append(',')
        .append(unit)
        .append(",\n");
  }

  private static String rvName(double v) {
    return "r" + Math.round(v * 100);
  }

  /**
   * @return the JSON document
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(1024 + pairs.size() * 12_000);
    sb.append("{\n");
    study.appendJson(sb);
    sb.append("  \"method\": {\"mask\": ")
        .append(json("CT voxels whose centres lie inside the contours"))
        .append(", \"ovh\": ")
        .append(
            json(
                "cumulative fraction of the OAR volume at signed distance <= t from the PTV"
                    + " boundary (negative inside the PTV)"))
        .append(", \"rv\": ")
        .append(json("exact, from the voxel distances"))
        .append(", \"stsDirection\": ")
        .append(json(StsCalculator.DIRECTION))
        .append("},\n");
    sb.append("  \"notes\": ").append(jsonStrings(inputs.notes())).append(",\n");
    sb.append("  \"ptvs\": ");
    structures(sb, inputs.ptvs());
    sb.append(",\n  \"oars\": ");
    structures(sb, inputs.oars());
    sb.append(",\n  \"notUsed\": ").append(jsonStrings(inputs.others())).append(",\n");
    sb.append("  \"pairs\": [");
    for (int i = 0; i < pairs.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n");
      pair(sb, pairs.get(i));
    }
    sb.append(pairs.isEmpty() ? "]\n" : "\n  ]\n");
    sb.append("}\n");
    return sb.toString();
  }

  private static void structures(StringBuilder sb, List<Structure> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      Structure s = list.get(i);
      Members m =
          new Members(sb, (i == 0 ? "\n" : ",\n") + "    {")
              .integer("roiNumber", s.roiNumber())
              .string("name", s.name())
              .string("standardName", s.standardName().isEmpty() ? null : s.standardName())
              .number("volumeCc", s.volumeCc());
      if (!s.members().isEmpty()) {
        m.strings("members", s.members());
      }
      m.strings("notes", s.notes());
      sb.append('}');
    }
    sb.append(list.isEmpty() ? "]" : "\n  ]");
  }

  private static void pair(StringBuilder sb, Pair p) {
    Members m = new Members(sb, "    {");
    identify(m, "ptv", p.ptv());
    identify(m, "oar", p.oar());
    m.then(",\n     ").string("skipped", p.skipReason());
    if (p.skipReason() != null) {
      sb.append('}');
      return;
    }
    OvhResult o = p.ovh();
    DistanceStatistics s = o.statistics();
    StsResult sts = p.sts();
    m.then(",\n     ")
        .number("overlapMm3", o.overlapVolumeMm3())
        .fraction("overlapFraction", o.overlapFraction())
        .number("oarVolumeCc", o.oarVolumeMm3() / 1000.0)
        .number("ptvVolumeCc", sts.ptvVolumeMm3() / 1000.0)
        .then(",\n     ");
    for (int i = 0; i < o.rvFractions().length; i++) {
      m.number(rvName(o.rvFractions()[i]) + "Mm", o.rvExactMm()[i]);
    }
    m.then(", \n     ")
        .number("meanMm", s.meanMm())
        .number("medianMm", s.medianMm())
        .number("minMm", s.minMm())
        .number("maxMm", s.maxMm())
        .number("sdMm", s.sdMm())
        .number("skewness", s.skewness())
        .then(",\n     ")
        .array("distancesMm", o.gridMm(), 4)
        .then(",\n     ")
        .array("fractions", o.cumulativeFraction(), 6)
        .then(",\n     \"sts\": {")
        .array("elevationEdgesDeg", StsBins.elevationEdgesDeg(), 4)
        .array("distanceEdgesMm", StsBins.distanceEdgesMm(), 4)
        .array("azimuthEdgesDeg", StsBins.azimuthEdgesDeg(), 4)
        .then(",\n       ")
        .array("oarCentroidMm", sts.oarCentroidMm(), 4)
        .array("ptvCentroidMm", p.ptvCentroidMm(), 4)
        .number("centroidDistanceMm", p.centroidDistanceMm())
        .number("centroidAzimuthDeg", p.centroidAzimuthDeg())
        .number("centroidElevationDeg", p.centroidElevationDeg())
        .then(",\n       ")
        .array("distanceFractions", p.distanceFractions(), 6)
        .then(",\n       ")
        .array("amounts", sts.amounts(), 6);
    sb.append("}}");
  }

  private static void identify(Members m, String role, Structure s) {
    m.string(role, s.name())
        .string(role + "StandardName", s.standardName().isEmpty() ? null : s.standardName())
        .integer(role + "RoiNumber", s.roiNumber());
  }

  /**
   * Appends JSON members {@code "name": value} to a document: the first after the lead, the others
   * after ", " unless {@link #then} sets another separator for the next one.
   */
  private static final class Members {
    private final StringBuilder sb;
    private String separator;

    Members(StringBuilder sb, String lead) {
      this.sb = sb;
      this.separator = lead;
    }

    Members then(String nextSeparator) {
      separator = nextSeparator;
      return this;
    }

    private Members member(String name) {
      sb.append(separator).append('"').append(name).append("\": ");
      separator = ", ";
      return this;
    }

    Members string(String name, String value) {
      member(name);
      sb.append(Format.json(value));
      return this;
    }

    Members strings(String name, List<String> values) {
      member(name);
      sb.append(jsonStrings(values));
      return this;
    }

    Members integer(String name, long value) {
      member(name);
      sb.append(value);
      return this;
    }

    Members number(String name, double value) {
      member(name);
      sb.append(Format.number(value));
      return this;
    }

    Members fraction(String name, double value) {
      member(name);
      sb.append(Format.fraction(value));
      return this;
    }

    Members array(String name, double[] values, int scale) {
      member(name);
      Format.jsonNumbers(sb, values, v -> compact(v, scale));
      return this;
    }
  }

  /**
   * @param value a fraction
   * @return {@link Format#fraction}
   */
  static String fraction(double value) {
    return Format.fraction(value);
  }

  /**
   * @param value a number
   * @param scale decimals to round to
   * @return {@link Format#compact}
   */
  static String compact(double value, int scale) {
    return Format.compact(value, scale);
  }
}

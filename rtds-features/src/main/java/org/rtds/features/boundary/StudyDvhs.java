package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.rtds.domain.rt.PlanQueries;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.rt.RtRoi;
import org.rtds.features.control.DoseFeatureWriter;
import org.rtds.features.dose.dvh.CumulativeDvh;
import org.rtds.features.dose.dvh.DoseVolumeSamples;
import org.rtds.features.dose.dvh.DvhDataCodec;
import org.rtds.features.dose.dvh.DvhType;
import org.rtds.features.dose.dvh.VolumeUnit;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.metric.MetricParser;
import org.rtds.features.dose.metric.MetricValue;

/**
 * Reads a study's stored ROIs and DVHs (computed by RTDS and embedded by the planning system) and
 * evaluates dose metrics on them, for the API and the screens. Read-only, no transaction of its
 * own.
 *
 * <p>Metrics are evaluated on the stored cumulative curve: doses at the bins' lower edges (0.01 Gy
 * bins for computed DVHs, so D<sub>x</sub> is exact to within one bin), except Dmean, Dmin and
 * Dmax, which come exactly from the voxel dose list stored with the row.
 */
@ApplicationScoped
public class StudyDvhs {

  @PersistenceContext EntityManager em;

  /** Metrics when the caller names none. */
  public static final List<String> DEFAULT_METRICS =
      List.of("Dmean", "Dmin", "Dmax", "D98%", "D95%", "D50%", "D2%", "D0.03cc", "V20Gy");

  /**
   * One ROI of the study's structure set(s).
   *
   * @param roiNumber ROI Number as sent
   * @param name ROI Name as sent
   * @param standardName TG-263 name, or null when the name is not recognised
   * @param role PTV, CTV, GTV, OAR, EXTERNAL or OTHER
   * @param volumeCc stacked-prism volume (cc), null until computed
   * @param displayColor ROI Display Color (3006,002A) as {@code r\\g\\b} (0–255 each), null when
   *     not sent
   */
  public record Roi(
      int roiId,
      String roiNumber,
      String name,
      String standardName,
      String role,
      String interpretedType,
      Double volumeCc,
      String displayColor) {}

  /**
   * One DVH.
   *
   * @param source COMPUTED or TPS_EMBEDDED
   * @param doseGy dose at each point (Gy): the bins' lower edges
   * @param volumeCc V(≥ dose) in cc, or null when the curve is in percent and the ROI volume
   *     unknown
   * @param volumePercent V(≥ dose) in % of the ROI volume
   * @param metrics evaluated metrics
   */
  public record Dvh(
      Roi roi,
      String source,
      String doseSopInstanceUid,
      double[] doseGy,
      double[] volumeCc,
      double[] volumePercent,
      Double minGy,
      Double maxGy,
      Double meanGy,
      List<MetricValue> metrics) {}

  /** The ROIs of a study, in structure-set and ROI order. */
  public List<Roi> rois(int studyId) {
    List<Roi> result = new ArrayList<>();
    for (RtRoi roi :
        em.createQuery(
                "select r from RtRoi r left join fetch r.standardStructure where r.study.id = :id"
                    + " order by r.structureSet.id, r.id",
                RtRoi.class)
            .setParameter("id", studyId)
            .getResultList()) {
      result.add(roi(roi));
    }
    return result;
  }

  private static Roi roi(RtRoi roi) {
    return new Roi(
        roi.getId(),
        roi.getRoiNumber(),
        roi.getRoiName(),
        roi.getStandardStructure() == null ? null : roi.getStandardStructure().getRoiName(),
        roi.getRole(),
        roi.getInterpretedType(),
        roi.getVolumeCc(),
        roi.getDisplayColor());
  }

  /**
   * The study's DVHs with metrics.
   *
   * @param roiNumber only this ROI's, or null for all
   * @param metrics metric expressions (see {@link MetricParser}); a malformed one throws {@link
   *     org.rtds.features.dose.metric.MetricException} naming it
   */
  public List<Dvh> dvhs(int studyId, String roiNumber, List<String> metrics) {
    metrics.forEach(MetricParser::parse); // fail fast, before reading anything
    return dvhs(studyId, rois(studyId), roiNumber, metrics);
  }

  /**
   * The DVHs of every ROI of the study with metrics, for a caller that has read the ROIs already.
   *
   * @param rois the study's ROIs ({@link #rois})
   * @param metrics metric expressions (see {@link MetricParser}); a malformed one throws {@link
   *     org.rtds.features.dose.metric.MetricException} naming it
   */
  public List<Dvh> dvhs(int studyId, List<Roi> rois, List<String> metrics) {
    metrics.forEach(MetricParser::parse); // fail fast, before reading anything
    return dvhs(studyId, rois, null, metrics);
  }

  private List<Dvh> dvhs(int studyId, List<Roi> rois, String roiNumber, List<String> metrics) {
    Map<String, Roi> byId = new HashMap<>();
    Map<String, Roi> byNumber = new HashMap<>();
    for (Roi roi : rois) {
      byId.put(String.valueOf(roi.roiId()), roi);
      byNumber.putIfAbsent(roi.roiNumber(), roi);
    }
    OptionalDouble rx = prescriptionGy(studyId);
    List<Dvh> result = new ArrayList<>();
    for (RtDvh row :
        em.createQuery(
                "select d from RtDvh d join fetch d.dose where d.study.id = :id order by d.id",
                RtDvh.class)
            .setParameter("id", studyId)
            .getResultList()) {
      boolean computed = DoseFeatureWriter.COMPUTED.equals(row.getSource());
      Roi roi = computed ? byId.get(row.getReferencedRoi()) : byNumber.get(row.getReferencedRoi());
      if (roi == null || (roiNumber != null && !roiNumber.equals(roi.roiNumber()))) {
        continue;
      }
      result.add(dvh(row, roi, computed, rx, metrics));
    }
    return result;
  }

  /**
   * The DVHs RTDS computed for the given ROIs, of any studies (for the knowledge base: the organs
   * of similar plans), with metrics that need no prescription.
   *
   * @param roiIds {@code rt_rois.id}s
   * @param metrics metric expressions without a prescription reference (e.g. Dmean, D50%, D0.03cc)
   * @return by ROI id; a ROI without a computed DVH is absent
   */
  public Map<Integer, Dvh> computedByRoi(Collection<Integer> roiIds, List<String> metrics) {
    Map<Integer, Dvh> out = new HashMap<>();
    if (roiIds.isEmpty()) {
      return out;
    }
    Map<String, Roi> rois = new HashMap<>();
    Set<Integer> studies = new HashSet<>();
    for (RtRoi roi :
        em.createQuery(
                "select r from RtRoi r left join fetch r.standardStructure where r.id in :ids",
                RtRoi.class)
            .setParameter("ids", roiIds)
            .getResultList()) {
      rois.put(String.valueOf(roi.getId()), roi(roi));
      studies.add(roi.getStudy().getId());
    }
    if (rois.isEmpty()) {
      return out;
    }
    // by study first (indexed; the range keeps MariaDB on the index for long lists):
    // DVHReferencedROI has no index
    for (RtDvh row :
        em.createQuery(
                "select d from RtDvh d join fetch d.dose where d.study.id between :lo and :hi"
                    + " and d.study.id in :studies and d.source = :computed"
                    + " and d.referencedRoi in :ids order by d.id",
                RtDvh.class)
            .setParameter("lo", Collections.min(studies))
            .setParameter("hi", Collections.max(studies))
            .setParameter("studies", studies)
            .setParameter("computed", DoseFeatureWriter.COMPUTED)
            .setParameter("ids", rois.keySet())
            .getResultList()) {
      Roi roi = rois.get(row.getReferencedRoi());
      out.put(roi.roiId(), dvh(row, roi, true, OptionalDouble.empty(), metrics));
    }
    return out;
  }

  private Dvh dvh(RtDvh row, Roi roi, boolean computed, OptionalDouble rx, List<String> metrics) {
    CumulativeDvh curve =
        DvhDataCodec.decode(
            row.getDvhData(),
            parse(row.getDoseScaling(), 1.0),
            DvhType.fromDicom(Optional.ofNullable(row.getDvhType()).orElse("CUMULATIVE")),
            VolumeUnit.fromDicom(Optional.ofNullable(row.getVolumeUnits()).orElse("CM3")));
    double[] edges = curve.lowerEdgesGy();
    double[] cc = null;
    double[] percent;
    if (curve.unit() == VolumeUnit.CM3) {
      cc = curve.volumes();
      percent = curve.toPercent().volumes();
    } else {
      percent = curve.volumes();
      if (roi.volumeCc() != null) {
        cc = curve.toCc(roi.volumeCc()).volumes();
      }
    }
    List<MetricValue> values = List.of();
    if (cc != null && cc.length > 0 && cc[0] > 0) {
      double[] differential = new double[cc.length];
      for (int k = 0; k < cc.length; k++) {
        differential[k] = cc[k] - (k + 1 < cc.length ? cc[k + 1] : 0);
      }
      MetricContext context = MetricContext.of(DoseVolumeSamples.of(edges, differential));
      if (rx.isPresent()) {
        context = context.withPrescription(rx.getAsDouble());
      }
      values = new ArrayList<>();
      for (MetricValue value : MetricEvaluator.evaluateAll(metrics, context)) {
        values.add(exact(value, row));
      }
    }
    return new Dvh(
        roi,
        computed
            ? DoseFeatureWriter.COMPUTED
            : Optional.ofNullable(row.getSource()).orElse("LEGACY"),
        row.getDose().getSopInstanceUid(),
        edges,
        cc,
        percent,
        row.getMinimumDose(),
        row.getMaximumDose(),
        row.getMeanDose(),
        values);
  }

  /** Dmean, Dmin and Dmax from the row (exact voxel statistics) rather than from the curve. */
  private static MetricValue exact(MetricValue value, RtDvh row) {
    Double exact =
        switch (value.metric()) {
          case "Dmean" -> row.getMeanDose();
          case "Dmin" -> row.getMinimumDose();
          case "Dmax" -> row.getMaximumDose();
          default -> null;
        };
    return exact == null
        ? value
        : new MetricValue(value.metric(), OptionalDouble.of(exact), value.unit(), "");
  }

  /**
   * The prescription of the plan the dose features used (one rule: {@link PlanQueries}).
   *
   * @param studyId the study
   * @return its prescribed dose (Gy), empty when the plan states none or the study has no plan
   */
  public OptionalDouble prescriptionGy(int studyId) {
    return PlanQueries.newest(em, studyId)
        .flatMap(PlanQueries::prescriptionGy)
        .map(OptionalDouble::of)
        .orElse(OptionalDouble.empty());
  }

  private static double parse(String text, double fallback) {
    try {
      return text == null ? fallback : Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

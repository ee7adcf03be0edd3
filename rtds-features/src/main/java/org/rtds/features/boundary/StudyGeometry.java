package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.rtds.domain.feature.Ovh;
import org.rtds.domain.feature.Sts;
import org.rtds.domain.feature.TargetOarHistogram;
import org.rtds.features.control.GeometryFeatureWriter;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.sts.StsBins;
import org.rtds.features.knowledge.sts.StsCodec;

/**
 * Reads a study's stored geometry features (the OVH and STS of every PTV–OAR pair RTDS computed),
 * for the API and the screens. Read-only, no transaction of its own. Legacy rows (without the exact
 * ROIs) are not shown: their bins are data-adaptive pixel units that cannot be compared.
 */
@ApplicationScoped
public class StudyGeometry {

  @PersistenceContext EntityManager em;

  /**
   * An overlap volume histogram.
   *
   * @param ptv the target level ({@code PTV_High}, {@code PTV_Mid}, {@code PTV_Low}, {@code
   *     PTV_All})
   * @param ptvRoi the PTV's ROI name; null for the union of the study's PTVs
   * @param oar the organ's TG-263 standard name
   * @param oarRoi the organ's ROI name as written
   * @param distancesMm the grid t (mm; negative inside the PTV)
   * @param fractions OVH(t): fraction of the OAR volume within t of the PTV surface, in [0, 1]
   * @param overlapMm3 OAR volume inside the PTV (mm³)
   * @param overlapFraction OVH(0)
   * @param oarVolumeCc the OAR's volume on the CT grid (cc)
   * @param rvMm exact r_v (mm) for v = 5 %, 10 %, …, 100 %
   * @param r50Mm exact r_50 (mm)
   * @param meanMm mean signed distance (mm)
   * @param medianMm median signed distance (mm; equals r50Mm)
   * @param minMm smallest signed distance (mm)
   * @param maxMm largest signed distance (mm)
   * @param sdMm standard deviation of the distances (mm)
   * @param skewness skewness of the distances (the field names are those of {@code ./rtds ovh
   *     --json})
   */
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
      double skewness) {}

  /**
   * A spatial target signature.
   *
   * @param ptv the target level
   * @param ptvRoi the PTV's ROI name; null for the union of the study's PTVs
   * @param oar the organ's TG-263 standard name
   * @param oarRoi the organ's ROI name as written
   * @param elevationEdgesDeg the 11 elevation bin edges (degrees)
   * @param distanceEdgesMm the 11 distance bin edges (mm; the last bin is open-ended)
   * @param azimuthEdgesDeg the 11 azimuth bin edges (degrees)
   * @param amounts the 1000 fractions of the PTV volume, flattened (elevation, distance, azimuth)
   */
  public record StsView(
      String ptv,
      String ptvRoi,
      String oar,
      String oarRoi,
      double[] elevationEdgesDeg,
      double[] distanceEdgesMm,
      double[] azimuthEdgesDeg,
      double[] amounts) {}

  /**
   * @param studyId the study
   * @return its OVHs, by target level and organ
   */
  public List<OvhView> ovh(int studyId) {
    List<OvhView> out = new ArrayList<>();
    for (Ovh row : rows(Ovh.class, studyId)) {
      OvhCurve curve = OvhCodec.decode(row.getBinValues(), row.getBinAmounts());
      double[] rv =
          NumberLists.parse(
              NumberLists.stripMarker(row.getRvMm(), GeometryFeatureWriter.RV_FORMAT, "ovh.RvMm"),
              "ovh.RvMm");
      double[] stats =
          NumberLists.parse(
              NumberLists.stripMarker(
                  row.getDistanceStats(), GeometryFeatureWriter.STATS_FORMAT, "ovh.DistanceStats"),
              "ovh.DistanceStats");
      out.add(
          new OvhView(
              row.getPtv().getRoiName(),
              ptvRoi(row),
              row.getOar().getRoiName(),
              row.getOarRoi().getRoiName(),
              curve.gridMm(),
              curve.cumulativeFraction(),
              row.getOverlapVolumeMm3(),
              row.getOverlapFraction(),
              row.getOarVolumeCc(),
              rv,
              stats[1],
              stats[0],
              stats[1],
              stats[2],
              stats[3],
              stats[4],
              stats[5]));
    }
    return out;
  }

  /**
   * @param studyId the study
   * @return its STSs, by target level and organ
   */
  public List<StsView> sts(int studyId) {
    List<StsView> out = new ArrayList<>();
    for (Sts row : rows(Sts.class, studyId)) {
      double[] amounts =
          StsCodec.decode(
              new StsCodec.StsRow(
                  row.getElevationBins(),
                  row.getDistanceBins(),
                  row.getAzimuthBins(),
                  row.getAmounts()));
      out.add(
          new StsView(
              row.getPtv().getRoiName(),
              ptvRoi(row),
              row.getOar().getRoiName(),
              row.getOarRoi().getRoiName(),
              StsBins.elevationEdgesDeg(),
              StsBins.distanceEdgesMm(),
              StsBins.azimuthEdgesDeg(),
              amounts));
    }
    return out;
  }

  private <T extends TargetOarHistogram> List<T> rows(Class<T> type, int studyId) {
    return em.createQuery(
            "select h from "
                + type.getSimpleName()
                + " h join fetch h.ptv join fetch h.oar join fetch h.oarRoi left join fetch h.ptvRoi"
                + " where h.study.id = :id order by h.ptv.roiName, h.oar.roiName, h.id",
            type)
        .setParameter("id", studyId)
        .getResultList();
  }

  private static String ptvRoi(TargetOarHistogram row) {
    return row.getPtvRoi() == null ? null : row.getPtvRoi().getRoiName();
  }
}

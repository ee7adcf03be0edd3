package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.feature.Ovh;
import org.rtds.domain.feature.Sts;
import org.rtds.domain.feature.TargetOarHistogram;
import org.rtds.domain.rt.RtRoi;
import org.rtds.features.control.StudyDoseInputs.Inputs;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.knowledge.StudyGeometryFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.PairFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.Structure;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.DistanceStatistics;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhResult;
import org.rtds.features.knowledge.sts.StsCodec;
import org.rtds.features.knowledge.voxel.VoxelLattice;

/**
 * Computes a study's geometry features for the knowledge base and stores them in the caller's
 * transaction, replacing what a previous run stored (running it twice leaves the same rows): one
 * {@code ovh} and one {@code sts} row per (PTV, OAR) pair, for every PTV and, with two or more, for
 * their union ({@value TargetLevels#ALL}).
 *
 * <p>The pairs: PTVs are the ROIs whose role is {@code PTV}; organs at risk are the ROIs whose role
 * is {@code OAR} and that have a TG-263 standard name (only those can be matched with other
 * studies). {@code ptv_id} names the PTV's dose level ({@link TargetLevels}, ranked by the mean
 * dose of this plan's DVH), {@code OAR_id} the organ's standard name; both are {@code
 * oar_dictionary} rows. The exact ROIs are kept in {@code fk_ptv_roi_id} / {@code fk_oar_roi_id}.
 * Masks are the CT voxels whose centres lie inside the contours (no supersampling:
 * docs/knowledge-base.md).
 */
public final class GeometryFeatureWriter {

  /** {@code rt_rois.Role} of targets whose geometry is measured. */
  public static final String PTV_ROLE = "PTV";

  /** {@code rt_rois.Role} of organs at risk. */
  public static final String OAR_ROLE = "OAR";

  /** Marker of {@code ovh.RvMm}. */
  public static final String RV_FORMAT = "rtds-rv-v1";

  /** Marker of {@code ovh.DistanceStats}. */
  public static final String STATS_FORMAT = "rtds-dstat-v1";

  private final EntityManager em;
  private final StudyGeometryFeatures.Options options;

  public GeometryFeatureWriter(EntityManager em, StudyGeometryFeatures.Options options) {
    this.em = Objects.requireNonNull(em, "em");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * @param inputs the study's inputs
   * @param dvhs the DVH of every ROI in {@link Inputs#roiRows()} order (PTV mean doses rank them)
   * @return a summary for the job's detail
   */
  public String store(Inputs inputs, List<DvhResult> dvhs) {
    int studyId = inputs.structureSet().getStudy().getId();
    for (String entity : List.of("Ovh", "Sts")) {
      em.createQuery("delete from " + entity + " h where h.study.id = :id and h.oarRoi is not null")
          .setParameter("id", studyId)
          .executeUpdate();
    }
    VoxelLattice lattice = VoxelLattice.of(inputs.grid());
    List<Integer> ptvIndex = new ArrayList<>();
    List<Integer> oarIndex = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    for (int i = 0; i < inputs.roiRows().size(); i++) {
      RtRoi roi = inputs.roiRows().get(i);
      if (PTV_ROLE.equals(roi.getRole()) && dvhs.get(i).hasVolume()) {
        ptvIndex.add(i);
      } else if (OAR_ROLE.equals(roi.getRole())) {
        if (roi.getStandardStructure() == null) {
          unnamed.add(roi.getRoiName());
        } else {
          oarIndex.add(i);
        }
      }
    }
    if (ptvIndex.isEmpty() || oarIndex.isEmpty()) {
      return ptvIndex.isEmpty()
          ? "no OVH/STS: the structure set has no PTV with a volume"
          : "no OVH/STS: no organ at risk with a TG-263 name";
    }
    double[] means = ptvIndex.stream().mapToDouble(i -> dvhs.get(i).samples().meanGy()).toArray();
    List<String> levels = new ArrayList<>(TargetLevels.names(means));
    List<Structure> ptvs = new ArrayList<>();
    List<RtRoi> ptvRows = new ArrayList<>();
    for (int i : ptvIndex) {
      ptvs.add(structure(inputs, i, lattice));
      ptvRows.add(inputs.roiRows().get(i));
    }
    if (ptvs.size() > 1) {
      ptvs.add(
          new Structure(
              0,
              TargetLevels.ALL,
              TargetLevels.union(ptvs.stream().map(Structure::mask).toList())));
      ptvRows.add(null);
      levels.add(TargetLevels.ALL);
    }
    List<Structure> oars = new ArrayList<>();
    for (int i : oarIndex) {
      oars.add(structure(inputs, i, lattice));
    }
    List<PairFeatures> pairs = StudyGeometryFeatures.compute(lattice, ptvs, oars, options);
    int stored = 0;
    List<String> skipped = new ArrayList<>();
    for (int p = 0; p < ptvs.size(); p++) {
      OarDictionaryEntry level = targetEntry(levels.get(p));
      for (int o = 0; o < oars.size(); o++) {
        PairFeatures pair = pairs.get(p * oars.size() + o);
        RtRoi oarRow = inputs.roiRows().get(oarIndex.get(o));
        if (pair.skipped()) {
          skipped.add(pair.skipReason());
          continue;
        }
        Ovh ovh = new Ovh();
        OvhCodec.OvhRow encoded = OvhCodec.encode(pair.ovh());
        ovh.setBinValues(encoded.binValue());
        ovh.setBinAmounts(encoded.binAmount());
        ovh.setOverlapVolumeMm3(encoded.overlapArea());
        OvhResult r = pair.ovh();
        ovh.setOarVolumeCc(r.oarVolumeMm3() / 1000.0);
        ovh.setOverlapFraction(r.overlapFraction());
        ovh.setRvMm(RV_FORMAT + ":" + NumberLists.join(r.rvExactMm(), 6));
        DistanceStatistics d = r.statistics();
        ovh.setDistanceStats(
            STATS_FORMAT
                + ":"
                + NumberLists.join(
                    new double[] {
                      d.meanMm(), d.medianMm(), d.minMm(), d.maxMm(), d.sdMm(), d.skewness()
                    },
                    6));
        em.persist(scoped(ovh, level, oarRow, ptvRows.get(p)));
        StsCodec.StsRow sts = StsCodec.encode(pair.sts());
        Sts row = new Sts();
        row.setElevationBins(sts.elevationBins());
        row.setDistanceBins(sts.distanceBins());
        row.setAzimuthBins(sts.azimuthBins());
        row.setAmounts(sts.amounts());
        em.persist(scoped(row, level, oarRow, ptvRows.get(p)));
        stored++;
      }
    }
    StringBuilder summary =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "OVH and STS of %d pairs (%d PTV%s × %d OARs",
                stored,
                ptvIndex.size(),
                ptvs.size() > ptvIndex.size() ? " and their union" : "",
                oars.size()));
    summary.append("; ");
    for (int p = 0; p < ptvIndex.size(); p++) {
      summary.append(p == 0 ? "" : ", ").append(levels.get(p)).append(" = ");
      summary.append(ptvs.get(p).name());
    }
    summary.append(')');
    if (!unnamed.isEmpty()) {
      summary
          .append("; organs without a TG-263 name left out: ")
          .append(String.join(", ", unnamed));
    }
    if (!skipped.isEmpty()) {
      summary.append("; skipped: ").append(String.join("; ", skipped));
    }
    return summary.toString();
  }

  private static Structure structure(Inputs inputs, int index, VoxelLattice lattice) {
    return Structure.of(
        RoiRasterizer.rasterize(inputs.rois().get(index), inputs.grid(), RasterOptions.fixed(1)),
        lattice);
  }

  private <T extends TargetOarHistogram> T scoped(
      T row, OarDictionaryEntry level, RtRoi oar, RtRoi ptv) {
    row.setPtv(level);
    row.setOar(oar.getStandardStructure());
    row.setStudy(oar.getStudy());
    row.setOarRoi(oar);
    row.setPtvRoi(ptv);
    return row;
  }

  /** The dictionary entry of a target level (seeded by migration V6; created if missing). */
  private OarDictionaryEntry targetEntry(String name) {
    return em.createNamedQuery(OarDictionaryEntry.FIND_BY_ROI_NAME, OarDictionaryEntry.class)
        .setParameter("roiName", name)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              OarDictionaryEntry entry = new OarDictionaryEntry();
              entry.setRoiName(name);
              entry.setRole(PTV_ROLE);
              em.persist(entry);
              return entry;
            });
  }
}

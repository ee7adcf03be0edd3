package org.rtds.features.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.rt.RtIsodose;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtRows;
import org.rtds.features.control.StudyDoseInputs.Inputs;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhDataCodec;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.isodose.IsodoseCalculator;
import org.rtds.features.dose.isodose.IsodoseLevel;
import org.rtds.features.dose.isodose.IsodoseOptions;
import org.rtds.features.dose.isodose.SliceIsodose;

/**
 * Computes a study's dose features and stores them, in the caller's transaction, replacing what a
 * previous run stored (so running it twice leaves the same rows): ROI volumes ({@code
 * rt_rois.Volume}, stacked prisms, cc), one computed cumulative DVH per ROI ({@code rt_dvh}, {@code
 * Source = COMPUTED}, {@code DVHReferencedROI} = the {@code rt_rois} id, as docs/algorithms.md
 * §4.4.8 says), and isodose lines on every CT image ({@code rt_isdose}, legacy boundary-pixel form,
 * levels in % of the prescription or, without one, of the maximum dose).
 */
public final class DoseFeatureWriter {

  /** {@code rt_dvh.Source} of rows RTDS computed. */
  public static final String COMPUTED = "COMPUTED";

  private final EntityManager em;
  private final DvhOptions options;

  public DoseFeatureWriter(EntityManager em, DvhOptions options) {
    this.em = Objects.requireNonNull(em, "em");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * What was stored.
   *
   * @param summary a summary for the job's detail
   * @param dvhs one DVH result per ROI, in {@link Inputs#roiRows()} order
   */
  public record Stored(String summary, List<DvhResult> dvhs) {}

  /**
   * Computes and stores the dose features of one study's inputs.
   *
   * @param inputs the study's inputs ({@link StudyDoseInputs#load})
   * @return the summary and the DVHs
   */
  public Stored store(Inputs inputs) {
    int studyId = inputs.structureSet().getStudy().getId();
    List<DvhResult> results =
        DvhCalculator.computeAll(inputs.rois(), inputs.grid(), inputs.dose(), options);

    em.createQuery("delete from RtDvh d where d.study.id = :id and d.source = :source")
        .setParameter("id", studyId)
        .setParameter("source", COMPUTED)
        .executeUpdate();
    List<String> empty = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      DvhResult result = results.get(i);
      RtRoi roi = inputs.roiRows().get(i);
      roi.setVolumeCc(result.prismVolumeCc() > 0 ? round(result.prismVolumeCc(), 4) : null);
      if (!result.hasVolume()) {
        empty.add(roi.getRoiName());
        continue;
      }
      if (result.volumeOutsideDoseGridCc() > 0.0005) {
        outside.add(
            String.format(
                Locale.ROOT, "%s %.3f cc", roi.getRoiName(), result.volumeOutsideDoseGridCc()));
      }
      em.persist(dvhRow(result, roi, inputs.doseRow()));
    }

    int slicesWithLines = storeIsodoses(inputs);
    StringBuilder summary =
        new StringBuilder()
            .append("DVHs of ")
            .append(results.size() - empty.size())
            .append(" ROIs")
            .append(" from ")
            .append(inputs.doseDescription());
    if (!empty.isEmpty()) {
      summary.append("; no volume on the CT grid: ").append(String.join(", ", empty));
    }
    if (!outside.isEmpty()) {
      summary.append("; volume outside the dose grid (counted at 0 Gy): ");
      summary.append(String.join(", ", outside));
    }
    summary
        .append("; isodoses on ")
        .append(slicesWithLines)
        .append(" CT images, % of ")
        .append(
            inputs
                .prescriptionGy()
                .map(rx -> String.format(Locale.ROOT, "prescription %.2f Gy", rx))
                .orElse("maximum dose (no prescription)"));
    return new Stored(summary.toString(), results);
  }

  private static RtDvh dvhRow(DvhResult result, RtRoi roi, RtDose dose) {
    RtDvh row = new RtDvh();
    row.setSource(COMPUTED);
    row.setReferencedRoi(String.valueOf(roi.getId()));
    row.setDvhType("CUMULATIVE");
    row.setDoseUnits("GY");
    row.setDoseType("PHYSICAL");
    row.setVolumeUnits("CM3");
    row.setDoseScaling("1");
    row.setNumberOfBins((double) result.dvh().binCount());
    row.setDvhData(DvhDataCodec.encode(result.dvh()));
    row.setMinimumDose(result.samples().minGy());
    row.setMaximumDose(result.samples().maxGy());
    row.setMeanDose(result.samples().meanGy());
    row.setDose(dose);
    row.setPatient(dose.getPatient());
    row.setSeries(dose.getSeries());
    row.setStudy(dose.getStudy());
    row.setUser(dose.getUser());
    return row;
  }

  private int storeIsodoses(Inputs inputs) {
    em.createQuery("delete from RtIsodose i where i.dose.id = :id")
        .setParameter("id", inputs.doseRow().getId())
        .executeUpdate();
    IsodoseOptions isodoseOptions = inputs.isodoseOptions();
    // the slices are independent: computed on every processor (as the DVHs are), written in order
    List<SliceIsodose> slices =
        IntStream.range(0, inputs.ctImages().size())
            .parallel()
            .mapToObj(
                i -> IsodoseCalculator.boundaries(inputs.grid(), i, inputs.dose(), isodoseOptions))
            .toList();
    List<RtIsodose> rows = new ArrayList<>();
    int slicesWithLines = 0;
    for (int i = 0; i < slices.size(); i++) {
      CtImage image = inputs.ctImages().get(i);
      SliceIsodose slice = slices.get(i);
      boolean any = false;
      for (IsodoseLevel level : slice.levels()) {
        if (level.boundary().size() == 0) {
          continue;
        }
        any = true;
        RtIsodose row = new RtIsodose();
        row.setRowPositions(level.boundary().rowPositions());
        row.setColumnPositions(level.boundary().columnPositions());
        row.setIsodoseLevel((int) Math.round(level.percent()));
        row.setCtImage(image);
        row.setDose(inputs.doseRow());
        row.setPatient(image.getPatient());
        row.setSeries(image.getSeries());
        row.setStudy(image.getStudy());
        rows.add(row);
      }
      if (any) {
        slicesWithLines++;
      }
    }
    // about 1,400 lines on a clinical study: many rows per statement, not one round trip each
    RtRows.ISODOSES.insert(em, rows);
    return slicesWithLines;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}

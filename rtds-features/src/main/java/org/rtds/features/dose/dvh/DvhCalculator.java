package org.rtds.features.dose.dvh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.PixelTransform;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.dose.raster.SliceRuns;

/**
 * DVH calculation (§4.4, recommended algorithm): rasterise the ROI on the CT grid ({@link
 * RoiRasterizer}), sample the dose trilinearly at every (sub-)voxel centre in patient coordinates
 * on the dose grid's real geometry, and build the exact voxel dose list and the cumulative DVH.
 * Samples outside the dose grid get 0 Gy and their volume is reported separately.
 *
 * <p>The dose grid must be in Gy: RELATIVE doses are converted by the caller, BEAM doses summed
 * with {@link DoseGrid#sum}. Stateless and thread-safe; with {@link DvhOptions#parallel()} the ROIs
 * and slices run on the common ForkJoin pool.
 */
public final class DvhCalculator {
  private DvhCalculator() {}

  /**
   * @param roi the ROI's contours
   * @param grid CT sampling grid
   * @param dose dose grid (Gy)
   * @param options options
   * @return the DVH; {@link DvhResult#hasVolume()} is false when the ROI has no valid volume
   */
  public static DvhResult compute(
      RoiContours roi, SamplingGrid grid, DoseGrid dose, DvhOptions options) {
    return fromMask(RoiRasterizer.rasterize(roi, grid, options.raster()), grid, dose, options);
  }

  /**
   * @param rois ROIs of one structure set
   * @param grid CT sampling grid
   * @param dose dose grid (Gy)
   * @param options options
   * @return one result per ROI, same order
   */
  public static List<DvhResult> computeAll(
      List<RoiContours> rois, SamplingGrid grid, DoseGrid dose, DvhOptions options) {
    IntStream idx = IntStream.range(0, rois.size());
    if (options.parallel()) {
      idx = idx.parallel();
    }
    return idx.mapToObj(i -> compute(rois.get(i), grid, dose, options)).toList();
  }

  /**
   * @param mask a rasterised ROI on {@code grid}
   * @param grid the CT sampling grid the mask was made on
   * @param dose dose grid (Gy)
   * @param options options
   * @return the DVH of the mask
   */
  public static DvhResult fromMask(
      RoiMask mask, SamplingGrid grid, DoseGrid dose, DvhOptions options) {
    List<SliceRuns> slices = mask.slices();
    long total = mask.sampleCount();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("ROI " + mask.roiName() + " has too many samples");
    }
    int[] offsets = new int[slices.size() + 1];
    for (int i = 0; i < slices.size(); i++) {
      offsets[i + 1] = offsets[i] + (int) slices.get(i).sampleCount();
    }
    float[] doses = new float[(int) total];
    float[] volumes = new float[(int) total];
    double[] outsideMm3 = new double[slices.size()];
    IntStream idx = IntStream.range(0, slices.size());
    if (options.parallel() && total > 200_000) {
      idx = idx.parallel();
    }
    idx.forEach(
        i -> outsideMm3[i] = sampleSlice(slices.get(i), grid, dose, doses, volumes, offsets[i]));
    double outsideCc = 0;
    for (double v : outsideMm3) {
      outsideCc += v / 1000.0;
    }
    DoseVolumeSamples samples = new DoseVolumeSamples(doses, volumes);
    List<String> notes = new ArrayList<>(mask.notes());
    if (outsideCc > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%.4f cc of %.4f cc lie outside the dose grid and are counted at 0 Gy",
              outsideCc,
              samples.totalVolumeCc()));
    }
    return new DvhResult(
        mask.roiNumber(),
        mask.roiName(),
        samples,
        samples.cumulativeDvh(options.binWidthGy()),
        samples.totalVolumeCc(),
        outsideCc,
        mask.prismVolumeCc(),
        mask.factor(),
        mask.skipped(),
        notes);
  }

  private static double sampleSlice(
      SliceRuns s, SamplingGrid grid, DoseGrid dose, float[] doses, float[] vols, int offset) {
    PixelTransform t = grid.slices().get(s.sliceIndex()).transform();
    float vol = (float) s.sampleVolumeMm3();
    double dx = t.dxPerCol() / s.factor();
    double dy = t.dyPerCol() / s.factor();
    int[] runs = s.runs();
    int k = offset;
    long outside = 0;
    for (int w = 0; w < s.zSamples(); w++) {
      DoseGrid.DosePlane plane = dose.planeAt(s.sampleZ(w));
      for (int i = 0; i < runs.length; i += 3) {
        double r = s.row(runs[i]);
        double c = s.col(runs[i + 1]);
        int n = runs[i + 2] - runs[i + 1];
        if (plane == null) {
          outside += n;
        } else {
          outside += plane.sampleLine(t.x(r, c), t.y(r, c), dx, dy, n, doses, k);
        }
        Arrays.fill(vols, k, k + n, vol);
        k += n;
      }
    }
    return outside * s.sampleVolumeMm3();
  }
}

package org.rtds.features.dose.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtds.features.dose.contour.ContourPlane;
import org.rtds.features.dose.contour.ContourPlanes;
import org.rtds.features.dose.contour.PlaneSet;
import org.rtds.features.dose.contour.PrismVolume;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.contour.RoiVolumeCalculator;
import org.rtds.features.dose.geometry.PixelTransform;
import org.rtds.features.dose.geometry.SamplingGrid;

/**
 * Rasterises an ROI on the CT sampling grid (§4.4 steps 1–3).
 *
 * <ul>
 *   <li>Planes: valid closed contours grouped by z ({@link ContourPlanes}); invalid ones are
 *       skipped with a reason.
 *   <li>Slabs: each plane covers [z − t_lo, z + t_hi) ({@link PlaneSet#slabs}); a CT slice belongs
 *       to the plane whose slab contains its z (±1e-6 mm). A single-plane ROI uses the thickness of
 *       the nearest CT slice. CT slices between sparse contour planes therefore take the nearest
 *       plane's shape; planes with no CT slice in their slab contribute nothing (noted).
 *   <li>In-plane: a (sub-)pixel centre is inside when its even-odd crossing count over all contours
 *       of the plane is odd (XOR: holes, keyholes and islands); orientation is ignored.
 *   <li>Volume per sample: Δrow·Δcol·(CT slice thickness)/s² (divided by s again when the dose is
 *       also subsampled along z, {@link RasterOptions#supersampleZ()}).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class RoiRasterizer {
  private static final double Z_EPS = 1e-6;

  private RoiRasterizer() {}

  /**
   * @param roi the ROI's contours (LPS mm)
   * @param grid the CT sampling grid
   * @param options supersampling options
   * @return the mask; {@link RoiMask#isEmpty()} with notes when there is no valid volume
   */
  public static RoiMask rasterize(RoiContours roi, SamplingGrid grid, RasterOptions options) {
    PlaneSet planeSet = ContourPlanes.group(roi);
    List<String> notes = new ArrayList<>();
    if (planeSet.isEmpty()) {
      notes.add("ROI has no valid closed planar contour: no volume");
      return new RoiMask(roi.roiNumber(), roi.name(), 1, List.of(), 0, planeSet.skipped(), notes);
    }
    double singleThickness = grid.nearestSlice(planeSet.planes().get(0).zMm()).thicknessMm();
    PrismVolume prism = RoiVolumeCalculator.prismVolume(planeSet, singleThickness);
    int s = options.factorFor(prism.volumeCc());
    int zSamples = options.supersampleZ() ? s : 1;
    List<PlaneSet.Slab> slabs = planeSet.slabs(singleThickness);
    List<SliceRuns> slices = new ArrayList<>();
    double sampleArea = grid.rowSpacingMm() * grid.colSpacingMm() / ((double) s * s);
    int planesWithoutSlice = 0;
    for (int i = 0; i < slabs.size(); i++) {
      PlaneSet.Slab slab = slabs.get(i);
      ContourPlane plane = planeSet.planes().get(i);
      int k = grid.firstRankAtOrAbove(slab.zLoMm() - Z_EPS);
      boolean any = false;
      for (; k < grid.sliceCount() && grid.sliceByZRank(k).zMm() < slab.zHiMm() - Z_EPS; k++) {
        any = true;
        SamplingGrid.Slice slice = grid.sliceByZRank(k);
        int[] runs =
            ScanlineFiller.fill(toPixel(plane, slice.transform()), grid.rows(), grid.columns(), s);
        if (runs.length > 0) {
          slices.add(
              new SliceRuns(
                  slice.index(),
                  slice.zMm(),
                  slice.thicknessMm(),
                  s,
                  zSamples,
                  sampleArea * slice.thicknessMm() / zSamples,
                  runs));
        }
      }
      if (!any) {
        planesWithoutSlice++;
      }
    }
    if (planesWithoutSlice > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%d of %d contour planes contain no CT slice centre in their slab",
              planesWithoutSlice,
              slabs.size()));
    }
    RoiMask mask =
        new RoiMask(
            roi.roiNumber(), roi.name(), s, slices, prism.volumeCc(), planeSet.skipped(), notes);
    if (mask.isEmpty()) {
      List<String> more = new ArrayList<>(notes);
      more.add("no CT voxel centre lies inside the ROI: no volume");
      return new RoiMask(
          roi.roiNumber(), roi.name(), s, slices, prism.volumeCc(), planeSet.skipped(), more);
    }
    return mask;
  }

  private static List<double[]> toPixel(ContourPlane plane, PixelTransform t) {
    List<double[]> out = new ArrayList<>(plane.polygonsXy().size());
    for (double[] xy : plane.polygonsXy()) {
      double[] rc = new double[xy.length];
      for (int i = 0; i < xy.length; i += 2) {
        rc[i] = t.row(xy[i], xy[i + 1]);
        rc[i + 1] = t.col(xy[i], xy[i + 1]);
      }
      out.add(rc);
    }
    return out;
  }
}

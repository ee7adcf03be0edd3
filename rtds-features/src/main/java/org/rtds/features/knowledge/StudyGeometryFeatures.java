package org.rtds.features.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.knowledge.distance.DistanceMapWorkspace;
import org.rtds.features.knowledge.distance.SignedDistanceMap;
import org.rtds.features.knowledge.distance.SignedDistanceTransform;
import org.rtds.features.knowledge.ovh.OvhCalculator;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.ovh.OvhResult;
import org.rtds.features.knowledge.sts.StsCalculator;
import org.rtds.features.knowledge.sts.StsResult;
import org.rtds.features.knowledge.voxel.Box;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * OVH and STS of every (PTV, OAR) pair of one study (spec §1, §2): the entry point for the feature
 * job. Pure Java; stateless and thread-safe.
 *
 * <p>Default strategy ({@link MapScope#PER_TARGET}): one signed distance map per PTV over the
 * bounding box of the PTV and all OARs, shared by all its OARs; each OAR's OVH is then a weighted
 * histogram of the map over its voxels. {@link MapScope#PER_PAIR} computes one map per pair over
 * the pair's bounding box instead (the benchmark compares both). With {@code parallel}, PTVs and
 * then OARs are processed with parallel streams (run the call inside a {@code ForkJoinPool} of your
 * own to choose the threads); one distance-map workspace per concurrently processed PTV.
 *
 * <p>Pairs with an empty PTV or OAR are returned as skipped, with the reason; nothing divides by
 * zero.
 */
public final class StudyGeometryFeatures {
  private StudyGeometryFeatures() {}

  /** Where distance maps are computed. */
  public enum MapScope {
    /** One map per PTV over the box of the PTV and all OARs. */
    PER_TARGET,
    /** One map per (PTV, OAR) pair over the pair's box. */
    PER_PAIR
  }

  /**
   * Options.
   *
   * @param ovh the OVH grid
   * @param scope map strategy
   * @param parallel use parallel streams
   */
  public record Options(OvhOptions ovh, MapScope scope, boolean parallel) {
    /** Default grid, one map per PTV, parallel. */
    public static final Options DEFAULT =
        new Options(OvhOptions.DEFAULT, MapScope.PER_TARGET, true);
  }

  /**
   * A structure of the study.
   *
   * @param roiNumber ROINumber
   * @param name ROIName
   * @param mask its CT-voxel mask
   */
  public record Structure(int roiNumber, String name, VoxelMask mask) {

    /**
     * @param mask a rasterised ROI
     * @param lattice the CT lattice
     * @return the structure
     */
    public static Structure of(RoiMask mask, VoxelLattice lattice) {
      return new Structure(mask.roiNumber(), mask.roiName(), VoxelMask.fromRoiMask(mask, lattice));
    }
  }

  /**
   * The features of one pair.
   *
   * @param ptvRoiNumber the PTV's ROINumber
   * @param ptvName the PTV's ROIName
   * @param oarRoiNumber the OAR's ROINumber
   * @param oarName the OAR's ROIName
   * @param ovh the OVH (null when skipped)
   * @param sts the STS (null when skipped)
   * @param skipReason why the pair was skipped (null when computed)
   */
  public record PairFeatures(
      int ptvRoiNumber,
      String ptvName,
      int oarRoiNumber,
      String oarName,
      OvhResult ovh,
      StsResult sts,
      String skipReason) {

    /**
     * @return true when the pair was not computed
     */
    public boolean skipped() {
      return skipReason != null;
    }
  }

  /**
   * @param grid the CT sampling grid
   * @param ptvs rasterised PTVs (RasterOptions.fixed(1) recommended)
   * @param oars rasterised OARs
   * @param options options
   * @return one entry per (PTV, OAR), PTV-major in the given orders
   */
  public static List<PairFeatures> compute(
      SamplingGrid grid, List<RoiMask> ptvs, List<RoiMask> oars, Options options) {
    VoxelLattice lattice = VoxelLattice.of(grid);
    Stream<RoiMask> p = options.parallel() ? ptvs.parallelStream() : ptvs.stream();
    Stream<RoiMask> o = options.parallel() ? oars.parallelStream() : oars.stream();
    return compute(
        lattice,
        p.map(m -> Structure.of(m, lattice)).toList(),
        o.map(m -> Structure.of(m, lattice)).toList(),
        options);
  }

  /**
   * @param lattice the CT lattice
   * @param ptvs PTV structures
   * @param oars OAR structures
   * @param options options
   * @return one entry per (PTV, OAR), PTV-major in the given orders
   */
  public static List<PairFeatures> compute(
      VoxelLattice lattice, List<Structure> ptvs, List<Structure> oars, Options options) {
    lattice.requireStackedSlices();
    ConcurrentLinkedQueue<DistanceMapWorkspace> pool = new ConcurrentLinkedQueue<>();
    double[][] centroids =
        range(oars.size(), options.parallel())
            .mapToObj(
                i ->
                    oars.get(i).mask().isEmpty()
                        ? null
                        : StsCalculator.centroidMm(lattice, oars.get(i).mask()))
            .toArray(double[][]::new);
    List<VoxelMask> nonEmptyOars = new ArrayList<>();
    for (Structure s : oars) {
      if (!s.mask().isEmpty()) {
        nonEmptyOars.add(s.mask());
      }
    }
    List<List<PairFeatures>> perPtv =
        range(ptvs.size(), options.parallel())
            .mapToObj(
                pi ->
                    forTarget(lattice, ptvs.get(pi), oars, nonEmptyOars, centroids, options, pool))
            .toList();
    List<PairFeatures> out = new ArrayList<>();
    perPtv.forEach(out::addAll);
    return out;
  }

  private static IntStream range(int n, boolean parallel) {
    IntStream s = IntStream.range(0, n);
    return parallel ? s.parallel() : s;
  }

  private static List<PairFeatures> forTarget(
      VoxelLattice lattice,
      Structure ptv,
      List<Structure> oars,
      List<VoxelMask> nonEmptyOars,
      double[][] centroids,
      Options options,
      ConcurrentLinkedQueue<DistanceMapWorkspace> pool) {
    if (ptv.mask().isEmpty()) {
      List<PairFeatures> out = new ArrayList<>();
      for (Structure oar : oars) {
        out.add(skip(ptv, oar, "PTV " + ptv.name() + " has no voxel on the CT grid"));
      }
      return out;
    }
    if (options.scope() == MapScope.PER_PAIR) {
      return range(oars.size(), options.parallel())
          .mapToObj(
              oi -> {
                Structure oar = oars.get(oi);
                if (oar.mask().isEmpty()) {
                  return skip(ptv, oar, "OAR " + oar.name() + " has no voxel on the CT grid");
                }
                DistanceMapWorkspace ws = take(pool);
                try {
                  Box box = ptv.mask().box().union(oar.mask().box());
                  SignedDistanceMap map =
                      SignedDistanceTransform.compute(
                          lattice, ptv.mask(), box, List.of(oar.mask()), ws);
                  return pair(lattice, ptv, oar, map, centroids[oi], options);
                } finally {
                  pool.add(ws);
                }
              })
          .toList();
    }
    Box box = ptv.mask().box();
    for (VoxelMask m : nonEmptyOars) {
      box = box.union(m.box());
    }
    DistanceMapWorkspace ws = take(pool);
    try {
      SignedDistanceMap map =
          SignedDistanceTransform.compute(lattice, ptv.mask(), box, nonEmptyOars, ws);
      return range(oars.size(), options.parallel())
          .mapToObj(
              oi -> {
                Structure oar = oars.get(oi);
                if (oar.mask().isEmpty()) {
                  return skip(ptv, oar, "OAR " + oar.name() + " has no voxel on the CT grid");
                }
                return pair(lattice, ptv, oar, map, centroids[oi], options);
              })
          .toList();
    } finally {
      pool.add(ws);
    }
  }

  private static DistanceMapWorkspace take(ConcurrentLinkedQueue<DistanceMapWorkspace> pool) {
    DistanceMapWorkspace ws = pool.poll();
    return ws != null ? ws : new DistanceMapWorkspace();
  }

  private static PairFeatures pair(
      VoxelLattice lattice,
      Structure ptv,
      Structure oar,
      SignedDistanceMap map,
      double[] centroid,
      Options options) {
    OvhResult ovh = OvhCalculator.compute(lattice, map, oar.mask(), options.ovh());
    StsResult sts = StsCalculator.compute(lattice, ptv.mask(), centroid);
    return new PairFeatures(
        ptv.roiNumber(), ptv.name(), oar.roiNumber(), oar.name(), ovh, sts, null);
  }

  private static PairFeatures skip(Structure ptv, Structure oar, String reason) {
    return new PairFeatures(
        ptv.roiNumber(), ptv.name(), oar.roiNumber(), oar.name(), null, null, reason);
  }
}

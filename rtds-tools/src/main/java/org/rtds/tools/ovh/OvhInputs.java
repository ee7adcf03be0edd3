package org.rtds.tools.ovh;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.RoiClassification;
import org.rtds.ingest.control.RoiNameNormalizer;
import org.rtds.ingest.control.RoiRole;
import org.rtds.tools.cli.StudySelection;
import org.rtds.tools.dvh.StudyInputs;

/**
 * The structures of one study that take part in the OVH and STS, as CT-voxel masks.
 *
 * <ul>
 *   <li>PTVs: ROIs that {@link RoiNameNormalizer} gives the role {@link RoiRole#PTV}, in
 *       structure-set order, followed by {@value #UNION_NAME}, the union (voxel OR) of their masks,
 *       when there are two or more.
 *   <li>OARs: ROIs with the role {@link RoiRole#OAR} (organs, PRVs, organ minus target). The body
 *       outline, CTV/GTV/ITV, support structures and planning helpers take no part.
 *   <li>Masks: CT voxels whose centres lie inside the contours ({@link RoiRasterizer}, {@link
 *       RasterOptions#fixed(int) fixed(1)}, as {@code StudyGeometryFeatures} recommends).
 * </ul>
 *
 * @param lattice the CT voxel lattice (stacked slices)
 * @param ptvs the PTVs (the union last)
 * @param oars the OARs
 * @param others the ROIs that take no part, with their role
 * @param notes remarks (contours dropped, names that cannot be classified)
 */
public record OvhInputs(
    VoxelLattice lattice,
    List<Structure> ptvs,
    List<Structure> oars,
    List<String> others,
    List<String> notes) {

  /** The name of the union of the PTVs. */
  public static final String UNION_NAME = "PTV (union)";

  /** Copies the lists. */
  public OvhInputs {
    ptvs = List.copyOf(ptvs);
    oars = List.copyOf(oars);
    others = List.copyOf(others);
    notes = List.copyOf(notes);
  }

  /**
   * One PTV or OAR.
   *
   * @param roiNumber ROINumber (0 for the union of the PTVs)
   * @param name ROIName as written
   * @param standardName TG-263 standard name, "" when it has none
   * @param members for the union: the names of the PTVs it joins; empty otherwise
   * @param mask its CT voxels
   * @param volumeCc the volume of its voxels (cc)
   * @param notes why it may have no voxel (no valid contour, outside the CT, …)
   */
  public record Structure(
      int roiNumber,
      String name,
      String standardName,
      List<String> members,
      VoxelMask mask,
      double volumeCc,
      List<String> notes) {
    /** Copies the lists. */
    public Structure {
      members = List.copyOf(members);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Classifies the ROIs of the selected study and rasterises its PTVs and OARs.
   *
   * @param selection the structure set and its CT series (no dose needed)
   * @return the structures
   * @throws StudyInputException ({@link Kind#INCOMPLETE}) without a PTV or without an OAR, ({@link
   *     Kind#UNSUPPORTED}) on an unsupported CT geometry or ROI number
   */
  public static OvhInputs from(StudySelection selection) throws StudyInputException {
    List<String> notes = new ArrayList<>(selection.notes());
    SamplingGrid grid = StudyInputs.samplingGrid(selection.ctSlices());
    VoxelLattice lattice;
    try {
      lattice = VoxelLattice.of(grid).requireStackedSlices();
    } catch (UnsupportedGeometryException e) {
      throw new StudyInputException(Kind.UNSUPPORTED, e.getMessage(), e);
    }
    List<Roi> parsed = selection.structureSet().rois();
    List<RoiContours> contours = StudyInputs.roiContours(selection.structureSet(), notes);
    RoiNameNormalizer names = RoiNameNormalizer.standard();
    List<Integer> ptvIndex = new ArrayList<>();
    List<Integer> oarIndex = new ArrayList<>();
    List<String> others = new ArrayList<>();
    RoiClassification[] classes = new RoiClassification[parsed.size()];
    for (int i = 0; i < parsed.size(); i++) {
      Roi roi = parsed.get(i);
      try {
        classes[i] = names.classify(roi.name(), roi.interpretedType());
      } catch (IllegalArgumentException e) {
        notes.add("ROI " + roi.number() + ": " + e.getMessage() + "; not used");
        continue;
      }
      switch (classes[i].role()) {
        case PTV -> ptvIndex.add(i);
        case OAR -> oarIndex.add(i);
        default -> others.add(roi.name() + " (" + classes[i].role() + ")");
      }
    }
    if (ptvIndex.isEmpty()) {
      throw none("PTV", "a planning target volume", parsed.size(), selection, others);
    }
    if (oarIndex.isEmpty()) {
      throw none("OAR", "an organ at risk", parsed.size(), selection, others);
    }
    List<Integer> all = new ArrayList<>(ptvIndex);
    all.addAll(oarIndex);
    Structure[] rasterised = new Structure[parsed.size()];
    IntStream.range(0, all.size())
        .parallel()
        .forEach(
            k -> {
              int i = all.get(k);
              rasterised[i] = structure(contours.get(i), classes[i], grid, lattice);
            });
    List<Structure> ptvs = new ArrayList<>();
    ptvIndex.forEach(i -> ptvs.add(rasterised[i]));
    if (ptvs.size() >= 2) {
      ptvs.add(union(ptvs, lattice));
    }
    List<Structure> oars = new ArrayList<>();
    oarIndex.forEach(i -> oars.add(rasterised[i]));
    return new OvhInputs(lattice, ptvs, oars, others, notes);
  }

  private static StudyInputException none(
      String kind, String description, int rois, StudySelection selection, List<String> others) {
    return new StudyInputException(
        Kind.INCOMPLETE,
        "no "
            + kind
            + ": none of the "
            + rois
            + " ROIs of structure set '"
            + selection.structureSet().label()
            + "' is "
            + description
            + " (ROIs not used: "
            + String.join(", ", others)
            + ")");
  }

  private static Structure structure(
      RoiContours roi, RoiClassification c, SamplingGrid grid, VoxelLattice lattice) {
    RoiMask raster = RoiRasterizer.rasterize(roi, grid, RasterOptions.fixed(1));
    VoxelMask mask = VoxelMask.fromRoiMask(raster, lattice);
    List<String> notes = new ArrayList<>(raster.notes());
    raster
        .skipped()
        .forEach(s -> notes.add("contour " + s.contourIndex() + " skipped: " + s.reason()));
    return new Structure(
        roi.roiNumber(),
        roi.name(),
        c.standardName().orElse(""),
        List.of(),
        mask,
        mask.volumeMm3(lattice) / 1000.0,
        notes);
  }

  private static Structure union(List<Structure> ptvs, VoxelLattice lattice) {
    VoxelMask mask = TargetLevels.union(ptvs.stream().map(Structure::mask).toList());
    return new Structure(
        0,
        UNION_NAME,
        "",
        ptvs.stream().map(Structure::name).toList(),
        mask,
        mask.volumeMm3(lattice) / 1000.0,
        mask.isEmpty() ? List.of("none of the PTVs has a voxel on the CT grid") : List.of());
  }
}

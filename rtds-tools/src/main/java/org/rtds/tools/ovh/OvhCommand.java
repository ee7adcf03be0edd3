package org.rtds.tools.ovh;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.tools.cli.CommandLine;
import org.rtds.tools.cli.FolderCommand;
import org.rtds.tools.cli.Stopwatch;
import org.rtds.tools.cli.StudyIds;
import org.rtds.tools.cli.StudySelection;
import org.rtds.tools.cli.UsageException;

/**
 * {@code ./rtds ovh DIR}: the overlap volume histogram, r_v values and spatial target signature of
 * every (PTV, OAR) pair of one study read from files, without a server or database. {@link #main}
 * exits with the status of {@link #run}; tests call {@link #run} directly.
 */
public final class OvhCommand extends FolderCommand<OvhCommand.Arguments> {

  /** Exit status: features written. */
  public static final int OK = FolderCommand.OK;

  /** Exit status: the study could not be computed. */
  public static final int FAILED = FolderCommand.FAILED;

  /** Exit status: usage error. */
  public static final int USAGE = FolderCommand.USAGE;

  static final String HELP =
      """
      Usage: ./rtds ovh DIR [--json] [--timing]
             (or: java -cp rtds-tools/target/rtds-tools.jar org.rtds.tools.ovh.OvhCommand DIR)

      Reads every file under DIR (recursively): one study's CT images and one RT Structure Set (no
      RT Dose or RT Plan needed). Pairs every PTV with every OAR and prints each pair's overlap
      volume histogram (OVH), r_v values, distance statistics and a spatial target signature (STS)
      summary.

      Structures: ROI names are classified as for the server (TG-263 standard names and roles).
        PTVs  ROIs with the PTV role, in structure-set order, plus "PTV (union)", the union of
              their voxels, when there are two or more
        OARs  ROIs with the OAR role (organs, PRVs); the body outline, CTV/GTV/ITV, support and
              planning helper structures are not used
      Masks are the CT voxels whose centres lie inside the contours. Distances d are signed, from
      the PTV boundary (mm, negative inside the PTV), between voxel centres.

      CSV (default): long format, one value per row, header
        ptv,ptv_standard_name,oar,oar_standard_name,quantity,at_mm,value,unit,note
      standard names are empty when there is none; per computed pair the quantities are
        overlap_volume (mm3), overlap_fraction (fraction of the OAR inside the PTV),
        oar_volume, ptv_volume (cc),
        r5, r10, ..., r100 (mm): smallest d such that the OAR volume with distance <= d is at
                        least 5 %, 10 %, ..., 100 % (exact, from the voxel distances)
        distance_mean, distance_median, distance_min, distance_max, distance_sd (mm),
        distance_skewness (no unit): volume-weighted statistics of the OAR's distances,
        sts_centroid_distance (mm), sts_centroid_azimuth, sts_centroid_elevation (deg): where the
                        PTV's centroid lies seen from the OAR's centroid (LPS: azimuth
                        atan2(y, x), 0 = patient left, 90 = posterior; elevation +90 = superior)
        sts_distance_fraction (fraction) at at_mm = 0, 20, ..., 180: fraction of the PTV volume
                        at [at_mm, at_mm + 20) mm from the OAR centroid (the last bin open)
        ovh_at (fraction) at at_mm = t = -50, -49, ..., 150: OVH(t), the fraction of the OAR
                        volume with d <= t (distances below -50 count as -50; OVH(150) = 1)
      A pair that cannot be computed (PTV or OAR without a voxel on the CT grid) has one row with
      quantity "skipped", no value and the reason in the note column; at_mm is empty for the
      other quantities, note for computed pairs. Values: '.' decimals, 4 for mm/cc/deg, 6 for
      fractions; fields are quoted per RFC 4180 when needed; lines end with LF.

      JSON (--json): study, notes, the PTVs and OARs used (name, standardName, volumeCc), the
      ROIs not used with their role, and a list "pairs", one object per pair: ptv,
      ptvStandardName, ptvRoiNumber (0 for the union), oar, oarStandardName, oarRoiNumber,
      skipped (null, or the reason and then nothing else), overlapMm3, overlapFraction,
      oarVolumeCc, ptvVolumeCc, r5Mm ... r100Mm, meanMm, medianMm, minMm, maxMm, sdMm, skewness,
      distancesMm[] and fractions[] (the OVH curve), and sts: elevationEdgesDeg[],
      distanceEdgesMm[], azimuthEdgesDeg[], amounts[] (1000 fractions of the PTV volume, index
      (elevation bin * 10 + distance bin) * 10 + azimuth bin), oarCentroidMm, ptvCentroidMm,
      centroidDistanceMm, centroidAzimuthDeg, centroidElevationDeg, distanceFractions[].

      Options:
        --json      one JSON document instead of CSV
        --timing    print the time (wall and CPU) spent reading, rasterising and computing on
                    stderr
        -h, --help  this text

      Unreadable or unsupported files are skipped and listed on stderr with the reason.

      Exit status:
        0  features written
        1  the study could not be computed: no CT or RTSTRUCT, several candidates, no PTV, no
           OAR, no pair with voxels on both sides (the report is still written), unsupported
           geometry, an unexpected error
        2  usage error: unknown option, DIR missing or not a folder
      """;

  private static final OvhCommand COMMAND = new OvhCommand();

  private OvhCommand() {
    super("ovh", HELP, StudySelection.Needs.GEOMETRY);
  }

  /**
   * Entry point.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    COMMAND.runAndExit(args);
  }

  /**
   * Parsed command line.
   *
   * @param dir the study folder
   * @param json JSON instead of CSV
   * @param timing whether timings are printed
   */
  record Arguments(Path dir, boolean json, boolean timing) implements FolderCommand.Arguments {}

  /**
   * Runs the command.
   *
   * @param args command-line arguments (DIR and options)
   * @param out receives the CSV or JSON document (or the help)
   * @param err receives skipped files, notes, timings and errors
   * @return the exit status ({@link #OK}, {@link #FAILED}, {@link #USAGE}); every problem of the
   *     study is {@link #FAILED}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return COMMAND.execute(args, out, err);
  }

  @Override
  protected Arguments parse(String[] args) throws UsageException {
    CommandLine line = CommandLine.parse(args, Set.of("--json", "--timing"), Map.of());
    return new Arguments(line.dir(), line.has("--json"), line.has("--timing"));
  }

  @Override
  protected int compute(Arguments a, StudySelection selection, Session session)
      throws StudyInputException {
    try {
      return computeGeometry(a, selection, session);
    } catch (UnsupportedGeometryException e) {
      throw new StudyInputException(Kind.UNSUPPORTED, e.getMessage(), e);
    }
  }

  private static int computeGeometry(Arguments a, StudySelection selection, Session session)
      throws StudyInputException {
    OvhInputs inputs = OvhInputs.from(selection);
    Stopwatch clock = session.clock();
    int prepared = clock.mark();
    List<OvhReport.Pair> pairs = OvhReport.compute(inputs);
    int computed = clock.mark();
    OvhReport report = new OvhReport(StudyIds.of(selection), inputs, pairs);
    inputs.notes().forEach(session::note);
    for (OvhReport.Pair p : pairs) {
      if (p.skipReason() != null) {
        session.say(
            "skipped pair " + p.ptv().name() + " / " + p.oar().name() + ": " + p.skipReason());
      }
    }
    session.out().print(a.json() ? report.toJson() : report.toCsv());
    session.out().flush();
    int written = clock.mark();
    if (a.timing()) {
      session.timing(
          "timing (wall/CPU ms): read %d files %.0f/%.0f, select+rasterise %d PTVs and %d OARs"
              + " %.0f/%.0f, OVH+STS of %d pairs %.0f/%.0f, output %.0f/%.0f; total %.0f/%.0f;"
              + " %s%n",
          session.fileCount(),
          clock.wallMs(0, 1),
          clock.cpuMs(0, 1),
          inputs.ptvs().size(),
          inputs.oars().size(),
          clock.wallMs(1, prepared),
          clock.cpuMs(1, prepared),
          pairs.size(),
          clock.wallMs(prepared, computed),
          clock.cpuMs(prepared, computed),
          clock.wallMs(computed, written),
          clock.cpuMs(computed, written),
          clock.wallMs(0, written),
          clock.cpuMs(0, written),
          Stopwatch.jvm());
    }
    if (report.computedCount() == 0) {
      session.say(
          a.dir() + ": no (PTV, OAR) pair could be computed: every pair lacks voxels on one side");
      return FAILED;
    }
    return OK;
  }
}

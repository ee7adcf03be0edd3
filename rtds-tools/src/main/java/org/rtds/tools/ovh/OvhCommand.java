package org.rtds.tools.ovh;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rtds.features.dose.geometry.UnsupportedGeometryException;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.tools.dvh.StudyFolder;
import org.rtds.tools.dvh.StudySelection;

/**
 * {@code ./rtds ovh DIR}: the overlap volume histogram, r_v values and spatial target signature of
 * every (PTV, OAR) pair of one study read from files, without a server or database. {@link #main}
 * exits with the status of {@link #run}; tests call {@link #run} directly.
 */
public final class OvhCommand {

  /** Exit status: features written. */
  public static final int OK = 0;

  /** Exit status: the study could not be computed. */
  public static final int FAILED = 1;

  /** Exit status: usage error. */
  public static final int USAGE = 2;

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

  private OvhCommand() {}

  /**
   * Entry point.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    // PixelMed logs through SLF4J → java.util.logging; keep its chatter off the console
    Logger.getLogger("com.pixelmed").setLevel(Level.SEVERE);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    System.exit(status);
  }

  /** Parsed command line. */
  record Arguments(Path dir, boolean json, boolean timing) {}

  /**
   * Runs the command.
   *
   * @param args command-line arguments (DIR and options)
   * @param out receives the CSV or JSON document (or the help)
   * @param err receives skipped files, notes, timings and errors
   * @return the exit status ({@link #OK}, {@link #FAILED}, {@link #USAGE})
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(HELP);
      return OK;
    }
    Arguments a;
    try {
      a = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("rtds ovh: " + e.getMessage());
      err.println("rtds ovh: see './rtds ovh --help'");
      return USAGE;
    }
    try {
      StudyFolder.Contents contents = StudyFolder.read(a.dir());
      for (StudyFolder.Skipped s : contents.skipped()) {
        err.println("rtds ovh: skipped " + s.file() + ": " + s.reason());
      }
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      StudySelection selection =
          StudySelection.select(contents.instances(), StudySelection.Needs.GEOMETRY);
      OvhInputs inputs = OvhInputs.from(selection);
      long t2 = System.nanoTime();
      long c2 = cpuNanos();
      List<OvhReport.Pair> pairs = OvhReport.compute(inputs);
      long t3 = System.nanoTime();
      long c3 = cpuNanos();
      OvhReport report =
          new OvhReport(
              selection.structureSet().header().study().studyInstanceUid(),
              selection.structureSet().header().sopInstanceUid(),
              selection.structureSet().label(),
              selection.ctSlices().get(0).header().series().seriesInstanceUid(),
              selection.ctSlices().size(),
              inputs,
              pairs);
      for (String n : inputs.notes()) {
        err.println("rtds ovh: note: " + n);
      }
      for (OvhReport.Pair p : pairs) {
        if (p.skipReason() != null) {
          err.println(
              "rtds ovh: skipped pair "
                  + p.ptv().name()
                  + " / "
                  + p.oar().name()
                  + ": "
                  + p.skipReason());
        }
      }
      out.print(a.json() ? report.toJson() : report.toCsv());
      out.flush();
      long t4 = System.nanoTime();
      long c4 = cpuNanos();
      if (a.timing()) {
        err.printf(
            Locale.ROOT,
            "rtds ovh: timing (wall/CPU ms): read %d files %.0f/%.0f, select+rasterise %d PTVs and"
                + " %d OARs %.0f/%.0f, OVH+STS of %d pairs %.0f/%.0f, output %.0f/%.0f; total"
                + " %.0f/%.0f; JVM uptime %d ms; %d processors%n",
            contents.fileCount(),
            (t1 - t0) / 1e6,
            (c1 - c0) / 1e6,
            inputs.ptvs().size(),
            inputs.oars().size(),
            (t2 - t1) / 1e6,
            (c2 - c1) / 1e6,
            pairs.size(),
            (t3 - t2) / 1e6,
            (c3 - c2) / 1e6,
            (t4 - t3) / 1e6,
            (c4 - c3) / 1e6,
            (t4 - t0) / 1e6,
            (c4 - c0) / 1e6,
            ManagementFactory.getRuntimeMXBean().getUptime(),
            Runtime.getRuntime().availableProcessors());
      }
      if (report.computedCount() == 0) {
        err.println(
            "rtds ovh: "
                + a.dir()
                + ": no (PTV, OAR) pair could be computed: every pair lacks voxels on one side");
        return FAILED;
      }
      return OK;
    } catch (StudyInputException e) {
      err.println("rtds ovh: " + a.dir() + ": " + e.getMessage());
      return FAILED;
    } catch (UnsupportedGeometryException e) {
      err.println("rtds ovh: " + a.dir() + ": " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("rtds ovh: cannot read " + a.dir() + ": " + e);
      return FAILED;
    } catch (RuntimeException | OutOfMemoryError e) {
      err.println("rtds ovh: unexpected error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  /** CPU time of the whole process (all threads, ns); 0 when the JVM does not tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  static Arguments parse(String[] args) {
    Path dir = null;
    boolean json = false;
    boolean timing = false;
    for (String arg : args) {
      switch (arg) {
        case "--json" -> json = true;
        case "--timing" -> timing = true;
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          if (dir != null) {
            throw new IllegalArgumentException(
                "one folder only; got '" + dir + "' and '" + arg + "'");
          }
          dir = Path.of(arg);
        }
      }
    }
    if (dir == null) {
      throw new IllegalArgumentException("the study folder DIR is missing");
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder");
    }
    return new Arguments(dir, json, timing);
  }
}

package org.rtds.tools.dvh;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.dose.raster.RasterOptions;

/**
 * {@code ./rtds dvh DIR}: per-ROI volume and dose metrics of one study read from files, without a
 * server or database (docs/interfaces.md). {@link #main} exits with the status of {@link #run};
 * tests call {@link #run} directly.
 */
public final class DvhCommand {

  /** Exit status: metrics written. */
  public static final int OK = 0;

  /** Exit status: the study was found but could not be computed. */
  public static final int FAILED = 1;

  /** Exit status: usage error or incomplete input. */
  public static final int USAGE = 2;

  static final String HELP =
      """
      Usage: ./rtds dvh DIR [--metrics LIST] [--json [--curve]] [--supersample N] [--supersample-z]
                            [--bin-width GY] [--timing]
             (or: java -jar rtds-tools/target/rtds-tools.jar DIR [options])

      Reads every file under DIR (recursively): one study's CT images, one RT Structure Set, its
      RT Dose(s) and, optionally, its RT Plan. Computes each ROI's DVH and prints one row per ROI
      and metric as CSV with the header
        roi_number,roi_name,metric,value,unit
      Values have 4 decimals and '.'; a value is empty when it is undefined (ROI without volume,
      D_xcc larger than the ROI); names are quoted per RFC 4180 when needed.

      Options:
        --metrics LIST    comma-separated metrics (case-insensitive), default
                          "Volume,Dmean,Dmin,Dmax,D98%,D95%,D50%,D2%,D0.03cc,V20Gy":
                            Dmean Dmax Dmin         Gy
                            D<x>%  D<x>cc           Gy, dose to the hottest x % / x cc (step rule)
                            V<x>Gy V<x>cGy V<x>%Rx  % of the ROI's DVH volume; add [cc] for cc
                            Dmean[%Rx] D95%[%Rx]    % of the prescription
                            HI CI_RTOG CI_Paddick GI Coverage   indices (all but HI need Rx)
                          Metrics in % of Rx need an RT Plan with a TargetPrescriptionDose.
        --json            one JSON document instead of CSV (same values, plus study notes)
        --curve           with --json: add each ROI's cumulative DVH (doseGy, volumeCc)
        --supersample N   split each CT pixel into N×N sub-pixels for every ROI (1-16);
                          default: automatic, ×4 for ROIs under 5 cc, ×1 otherwise
        --supersample-z   also sample the dose at N z positions across each CT slice (N = the
                          in-plane factor of the ROI; removes the ±gradient·slice/2 error)
        --bin-width GY    bin width of the cumulative DVH (default 0.01); metrics are computed
                          from the exact voxel dose list and do not depend on it
        --timing          print the time spent reading, preparing and computing on stderr
        -h, --help        this text

      Volumes: every ROI gets two rows whether asked for or not:
        Volume     the stacked-prism volume of the contours (cc): nested shoelace area of each
                   plane × half the gaps to its neighbouring planes; end planes get a full prism
                   of their single neighbour gap (no half end caps, unlike dicompyler-core)
        DvhVolume  the volume the DVH was computed on (cc): CT (sub)voxels whose centres lie
                   inside the contours (even-odd rule, holes subtracted)
      Dose: trilinear interpolation of the RT Dose at every CT (sub)voxel centre; voxels outside
      the dose grid count as 0 Gy (noted on stderr). BEAM doses of one plan are summed; a FRACTION
      dose is multiplied by the plan's NumberOfFractionsPlanned; a RELATIVE dose is taken as
      percent of the plan's prescription (refused without an RT Plan).

      Unreadable or unsupported files are skipped and listed on stderr with the reason.

      Exit status:
        0  metrics written
        1  the study was found but could not be computed (oblique or inconsistent geometry, dose
           grids that cannot be summed, an unexpected error)
        2  usage error or incomplete input: unknown option, malformed metric, DIR not a folder,
           no CT / RTSTRUCT / RTDOSE, several candidates, RELATIVE or FRACTION dose without the
           RT Plan it needs, a %Rx metric without a prescription
      """;

  private DvhCommand() {}

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
  record Arguments(
      Path dir,
      MetricList metrics,
      boolean json,
      boolean curve,
      int supersample,
      boolean supersampleZ,
      double binWidthGy,
      boolean timing) {}

  /** A usage error with its message. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

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
    Arguments a;
    try {
      if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
        out.print(HELP);
        return OK;
      }
      a = parse(args);
    } catch (UsageException e) {
      err.println("rtds dvh: " + e.getMessage());
      err.println("rtds dvh: see './rtds dvh --help'");
      return USAGE;
    } catch (MetricException e) {
      err.println("rtds dvh: " + e.getMessage());
      return USAGE;
    }
    try {
      StudyFolder.Contents contents = StudyFolder.read(a.dir());
      for (StudyFolder.Skipped s : contents.skipped()) {
        err.println("rtds dvh: skipped " + s.file() + ": " + s.reason());
      }
      long t1 = System.nanoTime();
      StudySelection selection = StudySelection.select(contents.instances());
      StudyInputs inputs = StudyInputs.from(selection);
      if (inputs.prescriptionGy().isEmpty() && a.metrics().needsPrescription()) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            String.join(", ", a.metrics().namesNeedingPrescription())
                + " need(s) the prescription dose, and no RT Plan with a TargetPrescriptionDose"
                + " was found");
      }
      long t2 = System.nanoTime();
      DvhOptions options = options(a);
      List<DvhReport.RoiReport> rois = DvhReport.compute(inputs, a.metrics(), options);
      long t3 = System.nanoTime();
      List<String> notes = new ArrayList<>(selection.notes());
      notes.addAll(inputs.notes());
      DvhReport report =
          new DvhReport(
              selection.structureSet().header().study().studyInstanceUid(),
              selection.structureSet().header().sopInstanceUid(),
              selection.structureSet().label(),
              selection.ctSlices().get(0).header().series().seriesInstanceUid(),
              selection.ctSlices().size(),
              inputs.doseDescription(),
              inputs.prescriptionGy(),
              a.supersample() == 0
                  ? "auto" + (a.supersampleZ() ? "+z" : "")
                  : a.supersample() + (a.supersampleZ() ? "+z" : ""),
              a.binWidthGy(),
              rois,
              notes);
      for (String n : notes) {
        err.println("rtds dvh: note: " + n);
      }
      for (DvhReport.RoiReport r : rois) {
        for (String n : r.notes()) {
          err.println("rtds dvh: ROI " + r.roiNumber() + " (" + r.roiName() + "): " + n);
        }
      }
      out.print(a.json() ? report.toJson(a.curve()) : report.toCsv());
      out.flush();
      long t4 = System.nanoTime();
      if (a.timing()) {
        err.printf(
            Locale.ROOT,
            "rtds dvh: timing: read %d files %.0f ms, inputs %.0f ms, DVH+metrics of %d ROIs %.0f"
                + " ms, output %.0f ms; compute total %.0f ms; JVM uptime %d ms; %d processors%n",
            contents.fileCount(),
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6,
            rois.size(),
            (t3 - t2) / 1e6,
            (t4 - t3) / 1e6,
            (t4 - t0) / 1e6,
            ManagementFactory.getRuntimeMXBean().getUptime(),
            Runtime.getRuntime().availableProcessors());
      }
      return OK;
    } catch (StudyInputException e) {
      err.println("rtds dvh: " + a.dir() + ": " + e.getMessage());
      return e.kind() == Kind.INCOMPLETE ? USAGE : FAILED;
    } catch (IOException e) {
      err.println("rtds dvh: cannot read " + a.dir() + ": " + e);
      return FAILED;
    } catch (RuntimeException | OutOfMemoryError e) {
      err.println("rtds dvh: unexpected error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  static DvhOptions options(Arguments a) {
    RasterOptions raster =
        a.supersample() == 0 ? RasterOptions.DEFAULT : RasterOptions.fixed(a.supersample());
    if (a.supersampleZ()) {
      raster = raster.withSupersampleZ();
    }
    return new DvhOptions(a.binWidthGy(), raster, true);
  }

  static Arguments parse(String[] args) throws UsageException {
    Path dir = null;
    String metrics = null;
    boolean json = false;
    boolean curve = false;
    int supersample = 0;
    boolean supersampleZ = false;
    double bin = DvhOptions.DEFAULT.binWidthGy();
    boolean timing = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--json" -> json = true;
        case "--curve" -> curve = true;
        case "--timing" -> timing = true;
        case "--supersample-z" -> supersampleZ = true;
        case "--metrics", "--supersample", "--bin-width" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException(arg + " needs a value");
            }
            value = args[++i];
          }
          switch (arg) {
            case "--metrics" -> metrics = value;
            case "--supersample" -> {
              supersample = integer(arg, value);
              if (supersample < 1 || supersample > 16) {
                throw new UsageException("--supersample must be between 1 and 16: " + value);
              }
            }
            default -> {
              bin = decimal(arg, value);
              if (!(bin > 0) || bin > 100) {
                throw new UsageException("--bin-width must be a positive dose in Gy: " + value);
              }
            }
          }
        }
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("unknown option " + args[i]);
          }
          if (dir != null) {
            throw new UsageException("one folder only; got '" + dir + "' and '" + arg + "'");
          }
          dir = Path.of(arg);
        }
      }
    }
    if (dir == null) {
      throw new UsageException("the study folder DIR is missing");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + " is not a folder");
    }
    if (curve && !json) {
      throw new UsageException("--curve needs --json");
    }
    MetricList list = MetricList.parse(metrics == null ? MetricList.DEFAULT : metrics);
    return new Arguments(dir, list, json, curve, supersample, supersampleZ, bin, timing);
  }

  private static int integer(String option, String value) throws UsageException {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs an integer: " + value);
    }
  }

  private static double decimal(String option, String value) throws UsageException {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number: " + value);
    }
  }
}

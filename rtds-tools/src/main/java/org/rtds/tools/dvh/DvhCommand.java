package org.rtds.tools.dvh;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.tools.cli.CommandLine;
import org.rtds.tools.cli.FolderCommand;
import org.rtds.tools.cli.Stopwatch;
import org.rtds.tools.cli.StudyIds;
import org.rtds.tools.cli.StudySelection;
import org.rtds.tools.cli.UsageException;

/**
 * {@code ./rtds dvh DIR}: per-ROI volume and dose metrics of one study read from files, without a
 * server or database (docs/interfaces.md). {@link #main} exits with the status of {@link #run};
 * tests call {@link #run} directly.
 */
public final class DvhCommand extends FolderCommand<DvhCommand.Arguments> {

  /** Exit status: metrics written. */
  public static final int OK = FolderCommand.OK;

  /** Exit status: the study was found but could not be computed. */
  public static final int FAILED = FolderCommand.FAILED;

  /** Exit status: usage error or incomplete input. */
  public static final int USAGE = FolderCommand.USAGE;

  static final String HELP =
      """
      Usage: ./rtds dvh DIR [--metrics LIST] [--json [--curve]] [--supersample N] [--supersample-z]
                            [--bin-width GY] [--timing]
             ./rtds dvh DIR1 DIR2 ... [options but --json]      (a cohort: one study per folder)
             (or: java -jar rtds-tools/target/rtds-tools.jar DIR [options])

      Reads every file under DIR (recursively): one study's CT images, one RT Structure Set, its
      RT Dose(s) and, optionally, its RT Plan. Computes each ROI's DVH and prints one row per ROI
      and metric as CSV with the header
        roi_number,roi_name,metric,value,unit
      Values have 4 decimals and '.'; a value is empty when it is undefined (ROI without volume,
      D_xcc larger than the ROI); names are quoted per RFC 4180 when needed.

      Several folders (e.g. ./rtds dvh studies/*/) are computed one after the other in one
      process, which pays the Java start-up and warm-up once: the CSV then has the header
        study,roi_number,roi_name,metric,value,unit
      with each folder as given in the study column. A folder that cannot be computed is reported
      on stderr and the others go on.

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

      Exit status (of a cohort: 0 when every study was computed, else 1):
        0  metrics written
        1  the study was found but could not be computed (oblique or inconsistent geometry, dose
           grids that cannot be summed, an unexpected error)
        2  usage error or incomplete input: unknown option, malformed metric, DIR not a folder,
           no CT / RTSTRUCT / RTDOSE, several candidates, RELATIVE or FRACTION dose without the
           RT Plan it needs, a %Rx metric without a prescription
      """;

  private static final DvhCommand COMMAND = new DvhCommand();

  private DvhCommand() {
    super("dvh", HELP, StudySelection.Needs.DOSE);
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
   * @param dirs the study folders (one, or several for a cohort)
   * @param metrics what to report
   * @param json JSON instead of CSV
   * @param curve with JSON, the cumulative DVHs too
   * @param supersample fixed in-plane factor, 0 for automatic
   * @param supersampleZ whether the dose is also sampled in z
   * @param binWidthGy bin width of the cumulative DVH
   * @param timing whether timings are printed
   */
  record Arguments(
      List<Path> dirs,
      MetricList metrics,
      boolean json,
      boolean curve,
      int supersample,
      boolean supersampleZ,
      double binWidthGy,
      boolean timing)
      implements FolderCommand.Arguments {

    @Override
    public Path dir() {
      return dirs.get(0);
    }
  }

  @Override
  protected String cohortHeader(Arguments a) {
    return DvhReport.COHORT_CSV_HEADER;
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
    return COMMAND.execute(args, out, err);
  }

  @Override
  protected int compute(Arguments a, StudySelection selection, Session session)
      throws StudyInputException {
    StudyInputs inputs = StudyInputs.from(selection);
    if (inputs.prescriptionGy().isEmpty() && a.metrics().needsPrescription()) {
      throw new StudyInputException(
          Kind.INCOMPLETE,
          String.join(", ", a.metrics().namesNeedingPrescription())
              + " need(s) the prescription dose, and no RT Plan with a TargetPrescriptionDose"
              + " was found");
    }
    int prepared = session.clock().mark();
    DvhOptions options = options(a);
    List<DvhReport.RoiReport> rois = DvhReport.compute(inputs, a.metrics(), options);
    int computed = session.clock().mark();
    List<String> notes = new ArrayList<>(selection.notes());
    notes.addAll(inputs.notes());
    DvhReport report =
        new DvhReport(
            StudyIds.of(selection),
            inputs.doseDescription(),
            inputs.prescriptionGy(),
            a.supersample() == 0
                ? "auto" + (a.supersampleZ() ? "+z" : "")
                : a.supersample() + (a.supersampleZ() ? "+z" : ""),
            a.binWidthGy(),
            rois,
            notes);
    notes.forEach(session::note);
    for (DvhReport.RoiReport r : rois) {
      for (String n : r.notes()) {
        session.say("ROI " + r.roiNumber() + " (" + r.roiName() + "): " + n);
      }
    }
    session
        .out()
        .print(
            a.json()
                ? report.toJson(a.curve())
                : session.study() == null ? report.toCsv() : report.csvRows(session.study()));
    session.out().flush();
    int written = session.clock().mark();
    if (a.timing()) {
      session.timing(
          "timing: %sread %d files %.0f ms, inputs %.0f ms, DVH+metrics of %d ROIs %.0f ms, output"
              + " %.0f ms; compute total %.0f ms; %s%n",
          session.study() == null ? "" : session.study() + ": ",
          session.fileCount(),
          session.clock().wallMs(0, 1),
          session.clock().wallMs(1, prepared),
          rois.size(),
          session.clock().wallMs(prepared, computed),
          session.clock().wallMs(computed, written),
          session.clock().wallMs(0, written),
          Stopwatch.jvm());
    }
    return OK;
  }

  /** Incomplete inputs are a usage error (exit 2); inputs that cannot be used are exit 1. */
  @Override
  protected int status(StudyInputException e) {
    return e.kind() == Kind.INCOMPLETE ? USAGE : FAILED;
  }

  static DvhOptions options(Arguments a) {
    RasterOptions raster =
        a.supersample() == 0 ? RasterOptions.DEFAULT : RasterOptions.fixed(a.supersample());
    if (a.supersampleZ()) {
      raster = raster.withSupersampleZ();
    }
    return new DvhOptions(a.binWidthGy(), raster, true);
  }

  @Override
  protected Arguments parse(String[] args) throws UsageException {
    CommandLine line =
        CommandLine.parse(
            args,
            Set.of("--json", "--curve", "--timing", "--supersample-z"),
            Map.of(
                "--metrics", (option, value) -> value,
                "--supersample", DvhCommand::supersample,
                "--bin-width", DvhCommand::binWidth),
            true);
    if (line.has("--curve") && !line.has("--json")) {
      throw new UsageException("--curve needs --json");
    }
    if (line.has("--json") && line.dirs().size() > 1) {
      throw new UsageException(
          "--json takes one study folder; for several, use the CSV output (a study column)");
    }
    MetricList list;
    try {
      list = MetricList.parse(line.value("--metrics", MetricList.DEFAULT));
    } catch (MetricException e) {
      throw new UsageException(e.getMessage(), false);
    }
    return new Arguments(
        line.dirs(),
        list,
        line.has("--json"),
        line.has("--curve"),
        line.value("--supersample", 0),
        line.has("--supersample-z"),
        line.value("--bin-width", DvhOptions.DEFAULT.binWidthGy()),
        line.has("--timing"));
  }

  private static Integer supersample(String option, String value) throws UsageException {
    int n = CommandLine.integer(option, value);
    if (n < 1 || n > 16) {
      throw new UsageException("--supersample must be between 1 and 16: " + value);
    }
    return n;
  }

  private static Double binWidth(String option, String value) throws UsageException {
    double bin = CommandLine.decimal(option, value);
    if (!(bin > 0) || bin > 100) {
      throw new UsageException("--bin-width must be a positive dose in Gy: " + value);
    }
    return bin;
  }
}

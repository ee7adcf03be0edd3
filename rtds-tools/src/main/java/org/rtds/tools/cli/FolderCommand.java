package org.rtds.tools.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rtds.features.dose.inputs.StudyInputException;

/**
 * The command-line plumbing of a command that reads one study folder ({@code ./rtds dvh DIR},
 * {@code ./rtds ovh DIR}): the help, the parsing of the arguments and usage errors, reading the
 * folder (skipped files are listed), selecting the study, and the exit status and message of every
 * error. Messages on stderr start with "rtds NAME: ".
 *
 * <p>A command that overrides {@link #cohortHeader} also takes several folders, one study each (a
 * cohort, {@code ./rtds dvh DIR1 DIR2 ...}): they are computed one after the other in this process,
 * so the JVM's start and warm-up are paid once; the output is the header, then each study's rows. A
 * study that cannot be computed is reported on stderr and the others go on.
 *
 * @param <A> the command's parsed arguments
 */
public abstract class FolderCommand<A extends FolderCommand.Arguments> {

  /** Exit status: the output was written. */
  public static final int OK = 0;

  /** Exit status: the study could not be computed. */
  public static final int FAILED = 1;

  /** Exit status: usage error (or, for some commands, incomplete input). */
  public static final int USAGE = 2;

  /** Exit status of a cohort: some studies could not be computed (the others were written). */
  public static final int SOME_FAILED = FAILED;

  /** What every command's arguments hold. */
  public interface Arguments {
    /**
     * @return the study folder (the first one of a cohort)
     */
    Path dir();

    /**
     * @return every study folder given, in order: one unless the command takes a cohort
     */
    default List<Path> dirs() {
      return List.of(dir());
    }
  }

  private final String name;
  private final String help;
  private final StudySelection.Needs needs;

  /**
   * @param name the command's name ("dvh")
   * @param help its help text
   * @param needs what it needs of the study besides the structure set and its CT series
   */
  protected FolderCommand(String name, String help, StudySelection.Needs needs) {
    this.name = name;
    this.help = help;
    this.needs = needs;
  }

  /**
   * @param args the command-line arguments (never with --help or -h)
   * @return the parsed arguments
   * @throws UsageException on a usage error
   */
  protected abstract A parse(String[] args) throws UsageException;

  /**
   * Computes and writes the output of the selected study.
   *
   * @param a the arguments
   * @param selection the selected study
   * @param session the output streams, the messages and the stopwatch
   * @return the exit status
   * @throws StudyInputException when the study cannot be turned into inputs
   */
  protected abstract int compute(A a, StudySelection selection, Session session)
      throws StudyInputException;

  /**
   * The first line of a cohort's output, when several study folders are given; each study's output
   * ({@link Session#study()} set) then follows without a header of its own.
   *
   * @param a the arguments
   * @return the header line (without line end); null (the default) when the command takes one study
   *     folder only
   */
  protected String cohortHeader(A a) {
    return null;
  }

  /**
   * @param e why the inputs cannot be built
   * @return the exit status for it; {@link #FAILED} unless overridden
   */
  protected int status(StudyInputException e) {
    return FAILED;
  }

  /**
   * What a command writes to and measures while it runs.
   *
   * @param out receives the document
   * @param err receives the messages
   * @param clock mark 0 at the start, mark 1 after the folder was read
   * @param fileCount number of regular files in the folder
   * @param prefix "rtds NAME: "
   * @param study the study folder as given when it is one of a cohort, null for a single study
   */
  public record Session(
      PrintStream out,
      PrintStream err,
      Stopwatch clock,
      int fileCount,
      String prefix,
      String study) {

    /**
     * @param message a line for stderr, after the prefix
     */
    public void say(String message) {
      err.println(prefix + message);
    }

    /**
     * @param note a remark for stderr, as "note: ..." after the prefix
     */
    public void note(String note) {
      say("note: " + note);
    }

    /**
     * @param format the timing line after the prefix (with its line end)
     * @param args its arguments ({@link Locale#ROOT})
     */
    public void timing(String format, Object... args) {
      err.printf(Locale.ROOT, prefix + format, args);
    }
  }

  /**
   * The entry point of a command: quiets the DICOM library's logging, writes UTF-8 and exits with
   * the status of {@link #execute}.
   *
   * @param args command-line arguments
   */
  public final void runAndExit(String[] args) {
    // PixelMed logs through SLF4J → java.util.logging; keep its chatter off the console
    Logger.getLogger("com.pixelmed").setLevel(Level.SEVERE);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = execute(args, out, err);
    out.flush();
    System.exit(status);
  }

  /**
   * Runs the command.
   *
   * @param args command-line arguments (DIR and options)
   * @param out receives the document (or the help)
   * @param err receives skipped files, notes, timings and errors
   * @return the exit status ({@link #OK}, {@link #FAILED}, {@link #USAGE})
   */
  public final int execute(String[] args, PrintStream out, PrintStream err) {
    Stopwatch clock = Stopwatch.start();
    String prefix = "rtds " + name + ": ";
    if (CommandLine.asksForHelp(args)) {
      out.print(help);
      return OK;
    }
    A a;
    try {
      a = parse(args);
    } catch (UsageException e) {
      err.println(prefix + e.getMessage());
      if (e.helpHint()) {
        err.println(prefix + "see './rtds " + name + " --help'");
      }
      return USAGE;
    }
    List<Path> dirs = a.dirs();
    if (dirs.size() == 1) {
      return study(a, dirs.get(0), null, clock, out, err, prefix);
    }
    out.print(cohortHeader(a) + "\n");
    int failed = 0;
    for (Path dir : dirs) {
      if (study(a, dir, dir.toString(), Stopwatch.start(), out, err, prefix) != OK) {
        failed++;
      }
    }
    out.flush();
    if (failed > 0) {
      err.println(
          prefix + failed + " of " + dirs.size() + " studies could not be computed (above)");
      return SOME_FAILED;
    }
    return OK;
  }

  /** Reads, selects and computes one study folder; returns its exit status. */
  private int study(
      A a,
      Path dir,
      String study,
      Stopwatch clock,
      PrintStream out,
      PrintStream err,
      String prefix) {
    try {
      StudyFolder.Contents contents = StudyFolder.read(dir);
      for (StudyFolder.Skipped s : contents.skipped()) {
        err.println(prefix + "skipped " + s.file() + ": " + s.reason());
      }
      clock.mark();
      StudySelection selection = StudySelection.select(contents.instances(), needs);
      return compute(
          a, selection, new Session(out, err, clock, contents.fileCount(), prefix, study));
    } catch (StudyInputException e) {
      err.println(prefix + dir + ": " + e.getMessage());
      return status(e);
    } catch (IOException e) {
      err.println(prefix + "cannot read " + dir + ": " + e);
      return FAILED;
    } catch (RuntimeException | OutOfMemoryError e) {
      err.println(prefix + (study == null ? "" : dir + ": ") + "unexpected error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }
}

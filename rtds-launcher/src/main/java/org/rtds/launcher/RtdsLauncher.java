package org.rtds.launcher;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code ./rtds} subcommands that run Java (docs: docs/interfaces.md, "Launcher").
 */
public final class RtdsLauncher {

  static final String USAGE =
      "Usage: ./rtds run          (see ./rtds run --help for its settings)\n"
          + "       ./rtds import DIR   (see ./rtds import --help)\n"
          + "       ./rtds demo         (see ./rtds demo --help)\n";

  private RtdsLauncher() {}

  public static void main(String[] args) {
    // the embedded database's own chatter goes to its log; only its warnings reach the console
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    PrintStream out = System.out;
    int exit;
    try {
      exit = run(args, out);
    } catch (LauncherException e) {
      System.err.println("rtds: " + e.getMessage());
      exit = 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = 130;
    } catch (Exception e) {
      System.err.println("rtds: unexpected failure: " + e);
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  static int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0) {
      out.print(USAGE);
      return 2;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "--help", "-h", "help" -> {
        out.print(USAGE);
        return 0;
      }
      case "import" -> {
        return ImportCommand.main(rest, System.getenv(), out, System.err);
      }
      case "demo" -> {
        return DemoCommand.main(rest, System.getenv(), out, System.err);
      }
      case "run" -> {
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
          out.print(USAGE);
          return 0;
        }
        if (rest.length > 0) {
          throw new LauncherException(
              "'run' takes no arguments (got "
                  + String.join(" ", args)
                  + "); configure it "
                  + "with environment variables, see ./rtds run --help");
        }
        return new RunCommand(
                LauncherSettings.from(System.getenv()), RuntimeArtifacts.besideLauncher(), out)
            .execute();
      }
      default ->
          throw new LauncherException("unknown command '" + command + "'; see ./rtds --help");
    }
  }
}

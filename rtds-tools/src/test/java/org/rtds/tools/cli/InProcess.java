package org.rtds.tools.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs a command's {@code run(args, out, err)} in-process and captures what it writes. */
public final class InProcess {
  private InProcess() {}

  /** A command's {@code run} method. */
  @FunctionalInterface
  public interface Command {
    /**
     * @param args command-line arguments
     * @param out receives the document
     * @param err receives the messages
     * @return the exit status
     */
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /**
   * What a run gave.
   *
   * @param status the exit status
   * @param out stdout (UTF-8)
   * @param err stderr (UTF-8)
   */
  public record Captured(int status, String out, String err) {}

  /**
   * @param dir the first argument
   * @param options the others
   * @return all arguments
   */
  public static String[] args(Path dir, String... options) {
    return Stream.concat(Stream.of(dir.toString()), Stream.of(options)).toArray(String[]::new);
  }

  /**
   * @param command the command
   * @param args its arguments
   * @return its exit status and output
   */
  public static Captured run(Command command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = command.run(args, o, e);
    }
    return new Captured(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

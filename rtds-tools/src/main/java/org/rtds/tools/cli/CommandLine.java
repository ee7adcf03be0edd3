package org.rtds.tools.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a command that reads study folders: one folder DIR (or, for a command that
 * takes a cohort, several) and options, either flags ({@code --json}) or options with a value
 * ({@code --metrics LIST}, or {@code --metrics=LIST}). {@code --name=value} is recognised only by
 * commands that have options with a value; a value given to a flag that way is ignored. Option
 * values are read (and checked) in the order they are given, before DIR is checked.
 *
 * @param dirs the study folders in the order given (each exists and is a folder; at least one)
 * @param flags the flags given
 * @param values the options given with their value as read (the last one wins)
 */
public record CommandLine(List<Path> dirs, Set<String> flags, Map<String, Object> values) {

  /** Reads the value of an option. */
  @FunctionalInterface
  public interface Value {
    /**
     * @param option the option
     * @param value its value as given
     * @return the value read (not null)
     * @throws UsageException when the value is not valid
     */
    Object read(String option, String value) throws UsageException;
  }

  /** Copies the collections. */
  public CommandLine {
    dirs = List.copyOf(dirs);
    flags = Set.copyOf(flags);
    values = Map.copyOf(values);
  }

  /**
   * @return the (first) study folder
   */
  public Path dir() {
    return dirs.get(0);
  }

  /**
   * @param args the arguments
   * @return whether they ask for the help ({@code --help} or {@code -h} anywhere)
   */
  public static boolean asksForHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /**
   * Parses the command line of a command that takes one study folder.
   *
   * @param args the arguments
   * @param flags the flags the command knows
   * @param valued the options with a value the command knows, with how to read the value
   * @return the parsed command line
   * @throws UsageException on an unknown option, a missing or invalid value, no or two folders, or
   *     a DIR that is not a folder
   */
  public static CommandLine parse(String[] args, Set<String> flags, Map<String, Value> valued)
      throws UsageException {
    return parse(args, flags, valued, false);
  }

  /**
   * @param args the arguments
   * @param flags the flags the command knows
   * @param valued the options with a value the command knows, with how to read the value
   * @param cohort whether several folders may be given (one study each)
   * @return the parsed command line
   * @throws UsageException on an unknown option, a missing or invalid value, no folder (or two when
   *     not a cohort), or a DIR that is not a folder
   */
  public static CommandLine parse(
      String[] args, Set<String> flags, Map<String, Value> valued, boolean cohort)
      throws UsageException {
    List<Path> dirs = new ArrayList<>();
    Set<String> given = new HashSet<>();
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (!valued.isEmpty() && arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (flags.contains(arg)) {
        given.add(arg);
      } else if (valued.containsKey(arg)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value");
          }
          value = args[++i];
        }
        values.put(arg, valued.get(arg).read(arg, value));
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("unknown option " + args[i]);
      } else if (!dirs.isEmpty() && !cohort) {
        throw new UsageException("one folder only; got '" + dirs.get(0) + "' and '" + arg + "'");
      } else {
        try {
          dirs.add(Path.of(arg));
        } catch (InvalidPathException e) {
          throw new UsageException(e.getMessage());
        }
      }
    }
    if (dirs.isEmpty()) {
      throw new UsageException("the study folder DIR is missing");
    }
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new UsageException(dir + " is not a folder");
      }
    }
    return new CommandLine(dirs, given, values);
  }

  /**
   * @param flag a flag
   * @return whether it was given
   */
  public boolean has(String flag) {
    return flags.contains(flag);
  }

  /**
   * @param <T> the type the option's {@link Value} reads
   * @param option an option with a value
   * @param otherwise the value when the option is not given
   * @return its value as read
   */
  @SuppressWarnings("unchecked")
  public <T> T value(String option, T otherwise) {
    Object v = values.get(option);
    return v == null ? otherwise : (T) v;
  }

  /**
   * @param option an option
   * @param value its value
   * @return the value as an integer
   * @throws UsageException when it is not one
   */
  public static int integer(String option, String value) throws UsageException {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs an integer: " + value);
    }
  }

  /**
   * @param option an option
   * @param value its value
   * @return the value as a number
   * @throws UsageException when it is not one
   */
  public static double decimal(String option, String value) throws UsageException {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number: " + value);
    }
  }
}

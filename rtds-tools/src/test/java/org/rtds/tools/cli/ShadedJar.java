package org.rtds.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded jar {@code target/rtds-tools.jar} as a separate java process, nothing else on the
 * class path (for the ITs, after package).
 */
public final class ShadedJar {
  /** The shaded jar. */
  public static final Path JAR = Path.of("target", "rtds-tools.jar");

  private ShadedJar() {}

  /**
   * What a run gave.
   *
   * @param status the exit status
   * @param out stdout (UTF-8)
   * @param err stderr (UTF-8)
   */
  public record Run(int status, String out, String err) {}

  /**
   * {@code java -jar rtds-tools.jar ARGS} (the jar's main class).
   *
   * @param tmp a folder for the captured output
   * @param args the arguments
   * @return what the run gave
   */
  public static Run jar(Path tmp, String... args) throws IOException, InterruptedException {
    return java(tmp, List.of("-jar", JAR.toAbsolutePath().toString()), args);
  }

  /**
   * {@code java -cp rtds-tools.jar MAIN ARGS}.
   *
   * @param tmp a folder for the captured output
   * @param main the main class
   * @param args the arguments
   * @return what the run gave
   */
  public static Run main(Path tmp, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return java(tmp, List.of("-cp", JAR.toAbsolutePath().toString(), main.getName()), args);
  }

  private static Run java(Path tmp, List<String> launch, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch);
    command.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

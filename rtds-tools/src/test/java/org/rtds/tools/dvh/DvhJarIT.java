package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.Fixtures;

/**
 * The shaded jar {@code target/rtds-tools.jar} runs on its own ({@code java -jar}, nothing else on
 * the class path: no server, no Jakarta EE APIs, no database driver) on the nelms-like study.
 */
class DvhJarIT {
  private static final Path JAR = Path.of("target", "rtds-tools.jar");

  private record Run(int status, String out, String err) {}

  private static Run java(Path tmp, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
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

  @Test
  void theShadedJarRunsStandalone(@TempDir Path tmp) throws Exception {
    assertThat(JAR).exists();
    Path study = Fixtures.nelmsLike();
    Run ok = java(tmp, study.toString(), "--metrics", "Dmean,D95%", "--timing");
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("roi_number,roi_name,metric,value,unit\n");
    assertThat(ok.out()).contains("\n2,PTV,Dmean,16.0000,Gy\n");
    assertThat(ok.err()).contains("timing:");
    assertThat(ok.err()).doesNotContain("SLF4J").doesNotContain("Exception");

    Run bad = java(tmp, study.toString(), "--metrics", "D95");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("metric 'D95' needs a unit");

    Run help = java(tmp, "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("Exit status");
  }
}

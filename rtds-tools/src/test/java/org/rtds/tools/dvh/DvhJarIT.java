package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtds.tools.cli.ShadedJar.JAR;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.Fixtures;
import org.rtds.tools.cli.ShadedJar;
import org.rtds.tools.cli.ShadedJar.Run;

/**
 * The shaded jar {@code target/rtds-tools.jar} runs on its own ({@code java -jar}, nothing else on
 * the class path: no server, no Jakarta EE APIs, no database driver) on the nelms-like study.
 */
class DvhJarIT {
  private static Run java(Path tmp, String... args) throws Exception {
    return ShadedJar.jar(tmp, args);
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

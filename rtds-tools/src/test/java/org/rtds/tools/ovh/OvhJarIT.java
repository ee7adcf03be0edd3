package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rtds.tools.cli.ShadedJar.JAR;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.tools.cli.ShadedJar;
import org.rtds.tools.cli.ShadedJar.Run;

/**
 * {@code ./rtds ovh} as the launcher runs it: the shaded jar {@code target/rtds-tools.jar} with
 * {@link OvhCommand} as main class, nothing else on the class path (the TG-263 synonym table must
 * be in the jar), on a generated phantom.
 */
class OvhJarIT {
  private static Run java(Path tmp, String... args) throws Exception {
    return ShadedJar.main(tmp, OvhCommand.class, args);
  }

  @Test
  void theShadedJarRunsOvh(@TempDir Path tmp) throws Exception {
    assertThat(JAR).exists();
    Path study = Files.createDirectories(tmp.resolve("study"));
    PhantomStudy.write(
        study, PhantomStudy.Options.defaults().withShapes(Shape.SPHERE, Shape.CYLINDER_PARALLEL));
    Run ok = java(tmp, study.toString(), "--timing");
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith(OvhReport.CSV_HEADER + "\n");
    assertThat(ok.out()).contains("\nPTV,PTV,Cyl_Par,,overlap_volume,,0.0000,mm3,\n");
    assertThat(ok.err()).contains("timing").doesNotContain("SLF4J").doesNotContain("Exception");

    Run json = java(tmp, study.toString(), "--json");
    assertThat(json.status()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"ptvStandardName\": \"PTV\"").contains("\"r50Mm\": ");

    Run bad = java(tmp, study.toString(), "--curve");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown option --curve");
  }
}

package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Shape;

/**
 * {@code ./rtds dvh DIR1 DIR2 ...}: one process, one CSV with a study column, every study's rows
 * exactly those of its own run, and a study that cannot be computed reported without stopping the
 * others.
 */
class CohortTest {
  @TempDir Path root;

  private Path study(String name, PhantomStudy.Options options) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    PhantomStudy.write(dir, options);
    return dir;
  }

  @Test
  void everyStudysRowsAreThoseOfItsOwnRunBehindItsFolder() throws IOException {
    Path sphere = study("sphere", PhantomStudy.Options.defaults().withShapes(Shape.SPHERE));
    Path rx = study("with, comma", PhantomStudy.Options.defaults().withPrescription(28, 4));
    String[] metrics = {"--metrics", "Dmean,D95%,V20Gy"};

    Cli.Result cohort = Cli.runArgs(sphere.toString(), rx.toString(), metrics[0], metrics[1]);

    assertThat(cohort.status()).as(cohort.err()).isZero();
    assertThat(cohort.out()).startsWith("study,roi_number,roi_name,metric,value,unit\n");
    List<List<String>> expected = new ArrayList<>();
    for (Path dir : List.of(sphere, rx)) {
      Cli.Result single = Cli.run(dir, metrics);
      assertThat(single.status()).as(single.err()).isZero();
      for (List<String> row : single.rows()) {
        List<String> withStudy = new ArrayList<>(row);
        withStudy.add(0, dir.toString());
        expected.add(withStudy);
      }
    }
    assertThat(cohort.rows()).isNotEmpty().containsExactlyElementsOf(expected);
    assertThat(cohort.out()).contains("\"" + rx + "\",");
  }

  @Test
  void aStudyThatCannotBeComputedIsNamedAndTheOthersAreWritten() throws IOException {
    Path good = study("good", PhantomStudy.Options.defaults().withShapes(Shape.SPHERE));
    Path noDose = study("no-dose", PhantomStudy.Options.defaults().withShapes(Shape.SPHERE));
    for (Path f : Files.list(noDose).toList()) {
      if (f.getFileName().toString().startsWith("RD")) {
        Files.delete(f);
      }
    }
    Cli.Result r = Cli.runArgs(noDose.toString(), good.toString(), "--metrics", "Dmean");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains(noDose + ": ")
        .contains("no RT Dose (RTDOSE) found")
        .contains("1 of 2 studies could not be computed");
    assertThat(r.rows())
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.get(0)).isEqualTo(good.toString()));
  }

  @Test
  void jsonTakesOneStudyAndAMissingFolderIsAUsageError() throws IOException {
    Path a = study("a", PhantomStudy.Options.defaults().withShapes(Shape.SPHERE));
    Cli.Result json = Cli.runArgs(a.toString(), a.toString(), "--json");
    assertThat(json.status()).isEqualTo(2);
    assertThat(json.err()).contains("--json takes one study folder");
    Cli.Result missing = Cli.runArgs(a.toString(), root.resolve("nope").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("nope is not a folder");
    assertThat(missing.out()).isEmpty();
  }
}

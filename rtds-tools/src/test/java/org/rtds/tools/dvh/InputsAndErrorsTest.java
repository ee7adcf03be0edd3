package org.rtds.tools.dvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.StudyManifest;

/**
 * How the dose is composed (FRACTION × fractions, RELATIVE × Rx) and the errors: missing objects,
 * malformed metrics, RELATIVE dose without a plan, unreadable files, usage errors; exit codes.
 */
class InputsAndErrorsTest {
  @TempDir Path dir;

  private StudyManifest sphere(PhantomStudy.Options o) throws IOException {
    return PhantomStudy.write(dir, o.withShapes(Shape.SPHERE));
  }

  private StudyManifest sphere() throws IOException {
    return sphere(PhantomStudy.Options.defaults());
  }

  @Test
  void fractionDoseIsMultipliedByTheFractionsOfThePlan() throws IOException {
    StudyManifest m = sphere(PhantomStudy.Options.defaults().withPrescription(28, 4));
    DicomPatch.replace(m.doses().get(0).path(), 0x3004, 0x000A, "PLAN", "FRACTION");
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean,Dmax");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.value("PTV", "Dmean")).isCloseTo(4 * 16.0, within(0.05));
    assertThat(r.err()).contains("FRACTION dose multiplied by 4 fractions");
    Files.delete(m.plan().path());
    Cli.Result noPlan = Cli.run(dir);
    assertThat(noPlan.status()).isEqualTo(2);
    assertThat(noPlan.err()).contains("FRACTION").contains("NumberOfFractionsPlanned");
  }

  @Test
  void relativeDoseIsPercentOfThePrescription() throws IOException {
    StudyManifest m = sphere();
    DicomPatch.replace(m.doses().get(0).path(), 0x3004, 0x0002, "GY", "RELATIVE");
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean");
    assertThat(r.status()).as(r.err()).isZero();
    // stored 16 "percent" of Rx 28 Gy
    assertThat(r.value("PTV", "Dmean")).isCloseTo(0.16 * 28, within(0.01));
    assertThat(r.err()).contains("RELATIVE").contains("28.0000 Gy");
  }

  @Test
  void relativeDoseWithoutPlanIsRefused() throws IOException {
    StudyManifest m = sphere();
    DicomPatch.replace(m.doses().get(0).path(), 0x3004, 0x0002, "GY", "RELATIVE");
    Files.delete(m.plan().path());
    Cli.Result r = Cli.run(dir);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("DoseUnits RELATIVE").contains("prescription").contains("RT Plan");
  }

  @Test
  void missingRtDoseIsExitTwo() throws IOException {
    StudyManifest m = sphere();
    for (DicomFile d : m.doses()) {
      Files.delete(d.path());
    }
    Cli.Result r = Cli.run(dir);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no RT Dose (RTDOSE) found");
  }

  @Test
  void missingCtIsExitTwo() throws IOException {
    StudyManifest m = sphere();
    for (DicomFile d : m.ctImages()) {
      Files.delete(d.path());
    }
    Cli.Result r = Cli.run(dir);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no CT images found");
  }

  @Test
  void missingStructureSetIsExitTwo() throws IOException {
    StudyManifest m = sphere();
    Files.delete(m.structureSet().path());
    Cli.Result r = Cli.run(dir);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no RT Structure Set (RTSTRUCT) found");
  }

  @Test
  void malformedMetricIsNamedBeforeAnyFileIsRead() throws IOException {
    sphere();
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean,D95");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("metric 'D95' needs a unit: D95% or D95cc");
    assertThat(Cli.run(dir, "--metrics", "Dfoo").err()).contains("unknown metric 'Dfoo'");
    assertThat(Cli.run(dir, "--metrics", "V20").err()).contains("V20Gy");
    assertThat(Cli.run(dir, "--metrics", " ").status()).isEqualTo(2);
  }

  @Test
  void prescriptionMetricWithoutPlanIsRefused() throws IOException {
    StudyManifest m = sphere();
    Files.delete(m.plan().path());
    assertThat(Cli.run(dir, "--metrics", "Dmean").status()).isZero();
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean,V95%Rx");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("V95%Rx").contains("prescription");
  }

  @Test
  void unreadableFilesAreListedAndSkipped() throws IOException {
    sphere();
    Files.writeString(dir.resolve("notes.txt"), "not DICOM");
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.write(sub.resolve("truncated.dcm"), new byte[] {0, 1, 2});
    Cli.Result r = Cli.run(dir, "--metrics", "Dmean");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("skipped " + dir.resolve("notes.txt") + ": ");
    assertThat(r.err()).contains("skipped " + sub.resolve("truncated.dcm") + ": ");
    assertThat(r.values()).containsKeys("BODY", "PTV");
  }

  @Test
  void usageErrors() throws IOException {
    sphere();
    assertThat(Cli.runArgs().status()).isEqualTo(2);
    assertThat(Cli.runArgs().err()).contains("DIR is missing");
    assertThat(Cli.run(dir, "--frobnicate").err()).contains("unknown option --frobnicate");
    assertThat(Cli.run(dir.resolve("nope")).err()).contains("is not a folder");
    assertThat(Cli.run(dir, "--supersample", "0").status()).isEqualTo(2);
    assertThat(Cli.run(dir, "--bin-width", "x").status()).isEqualTo(2);
    assertThat(Cli.run(dir, "--curve").err()).contains("--curve needs --json");
    assertThat(Cli.run(dir, "--metrics").err()).contains("--metrics needs a value");
    assertThat(Cli.run(dir, "--metrics=Dmean", "--supersample=2").status()).isZero();
  }

  @Test
  void twoStructureSetsAreAmbiguous() throws IOException {
    StudyManifest m = sphere();
    Files.copy(m.structureSet().path(), dir.resolve("RS-copy.dcm"));
    Cli.Result r = Cli.run(dir);
    // same SOP instance twice is still two objects in the folder: refuse rather than guess
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("2 RT Structure Sets found");
  }
}

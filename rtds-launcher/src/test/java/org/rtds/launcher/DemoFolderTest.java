package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.launcher.DemoFolder.Cohort;
import org.rtds.launcher.DemoFolder.Study;

/** The cohort folder: written once with a completion marker, reused, rewritten when incomplete. */
class DemoFolderTest {

  @TempDir Path dataDir;

  private final List<String> written = new ArrayList<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Writes one small file per member and counts the calls. */
  private final DemoFolder.MemberWriter cheap =
      (dir, member, seed) -> {
        written.add(member.patientId());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("CT.1.dcm"), "member " + member.index());
        return "1.2.826.0.1." + seed + "." + member.index();
      };

  @Test
  void aCompleteFolderIsReusedWithoutWritingAnything() throws Exception {
    Cohort first = DemoFolder.prepare(dataDir, 3, 5, cheap, out);

    Path dir = dataDir.resolve("demo").resolve("seed-5-size-3");
    assertThat(first.directory()).isEqualTo(dir);
    assertThat(first.reused()).isFalse();
    assertThat(written).containsExactly("DEMO-001", "DEMO-002", "DEMO-003");
    assertThat(dir.resolve(DemoFolder.MARKER)).isRegularFile();
    assertThat(first.studies())
        .extracting(Study::studyInstanceUid)
        .containsExactly("1.2.826.0.1.5.0", "1.2.826.0.1.5.1", "1.2.826.0.1.5.2");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("rtds: generated DEMO-002 (2/3)")
        .contains("rtds: generated 3 studies");
    // the marker is hidden from ./rtds import
    assertThat(ImportCommand.skip(DemoFolder.MARKER)).isTrue();

    Cohort second = DemoFolder.prepare(dataDir, 3, 5, cheap, out);

    assertThat(second.reused()).isTrue();
    assertThat(written).hasSize(3);
    assertThat(keys(second)).isEqualTo(keys(first));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("rtds: reusing the demo cohort");
  }

  @Test
  void aFolderWithoutItsMarkerIsWrittenAgainFromScratch() throws Exception {
    DemoFolder.prepare(dataDir, 2, 1, cheap, out);
    Path dir = DemoFolder.directory(dataDir, 2, 1);
    Files.delete(dir.resolve(DemoFolder.MARKER)); // as if interrupted before the end
    Files.writeString(dir.resolve("DEMO-002").resolve("half-written.dcm"), "partial");

    Cohort again = DemoFolder.prepare(dataDir, 2, 1, cheap, out);

    assertThat(again.reused()).isFalse();
    assertThat(written).containsExactly("DEMO-001", "DEMO-002", "DEMO-001", "DEMO-002");
    assertThat(dir.resolve("DEMO-002").resolve("half-written.dcm")).doesNotExist();
    assertThat(dir.resolve(DemoFolder.MARKER)).isRegularFile();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("is incomplete");
  }

  @Test
  void aMarkerThatDoesNotMatchTheCohortOrAMissingMemberFolderMeansIncomplete() throws Exception {
    DemoFolder.prepare(dataDir, 2, 1, cheap, out);
    Path dir = DemoFolder.directory(dataDir, 2, 1);
    Path marker = dir.resolve(DemoFolder.MARKER);
    List<String> lines = Files.readAllLines(marker);
    Files.write(marker, lines.subList(0, lines.size() - 1)); // one member short

    DemoFolder.prepare(dataDir, 2, 1, cheap, out);
    assertThat(written).hasSize(4);

    deleteTree(dir.resolve("DEMO-001"));
    DemoFolder.prepare(dataDir, 2, 1, cheap, out);
    assertThat(written).hasSize(6);
    assertThat(DemoFolder.prepare(dataDir, 2, 1, cheap, out).reused()).isTrue();
  }

  @Test
  void theRealGeneratorWritesDicomStudiesWhoseUidsTheMarkerKeeps() throws Exception {
    Cohort cohort = DemoFolder.prepare(dataDir, 2, 1, DemoFolder.DICOM, out);

    assertThat(cohort.studies()).hasSize(2);
    assertThat(cohort.studies())
        .extracting(Study::studyInstanceUid)
        .doesNotHaveDuplicates()
        .allSatisfy(uid -> assertThat(uid).startsWith("2.25."));
    for (Study s : cohort.studies()) {
      try (Stream<Path> files = Files.list(cohort.directory().resolve(s.patientId()))) {
        assertThat(files.count()).as(s.patientId()).isEqualTo(103); // 100 CT + RS + RP + RD
      }
    }
    Cohort reused = DemoFolder.prepare(dataDir, 2, 1, DemoFolder.DICOM, out);
    assertThat(reused.reused()).isTrue();
    assertThat(keys(reused)).isEqualTo(keys(cohort));
  }

  /** PatientID and StudyInstanceUID of every study (members hold arrays: no record equality). */
  private static List<String> keys(Cohort cohort) {
    return cohort.studies().stream().map(s -> s.patientId() + " " + s.studyInstanceUid()).toList();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rtds.launcher.ImportSummary.Result;
import org.rtds.launcher.ImportSummary.Status;

class ImportProgressTest {

  @Test
  void theBarShowsFilesAndThroughput() {
    assertThat(ImportProgress.bar(120, 253, 12_345_678))
        .isEqualTo("[##############----------------] 120/253 files  12.3 MB/s");
    assertThat(ImportProgress.bar(0, 10, 0))
        .isEqualTo("[------------------------------] 0/10 files  0.0 MB/s");
    assertThat(ImportProgress.bar(10, 10, 1_000_000))
        .isEqualTo("[##############################] 10/10 files  1.0 MB/s");
  }

  @Test
  void plainLinesForLogs() {
    assertThat(ImportProgress.line(50, 200, 2_500_000))
        .isEqualTo("rtds: 50/200 files (25%), 2.5 MB/s");
    assertThat(ImportProgress.size(612_400_000)).isEqualTo("612.4 MB");
    assertThat(ImportProgress.size(1_500)).isEqualTo("1.5 kB");
  }

  @Test
  void theSummaryCountsObjectsAndListsEveryRejectionWithItsReason() {
    ImportSummary summary = new ImportSummary();
    summary.add(List.of(new Result("a/CT.1.dcm", "1.2.1", Status.STORED, null, null)), 500_000);
    summary.add(List.of(new Result("a/CT.2.dcm", "1.2.2", Status.DUPLICATE, null, null)), 500_000);
    summary.add(
        List.of(new Result("notes.txt", null, Status.REJECTED, "NOT_DICOM", "not a DICOM file")),
        10);
    assertThat(summary.exitCode()).isEqualTo(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    summary.print(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of("/data/in"), 4, 1, 2.0);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("imported 3 of 4 files (1.0 MB) from /data/in in 2.0 s (1.5 files/s, 0.5 MB/s)")
        .containsPattern("stored +1")
        .containsPattern("duplicate +1")
        .containsPattern("rejected +1")
        .containsPattern("skipped +1")
        .contains("  notes.txt: NOT_DICOM - not a DICOM file");

    ImportSummary clean = new ImportSummary();
    clean.add(List.of(new Result("x", "1", Status.STORED, null, null)), 1);
    assertThat(clean.exitCode()).isZero();
  }

  @Test
  void retryAfterIsHonouredWithinBounds() {
    assertThat(ImportClient.retryAfter(Optional.of("15"))).hasSeconds(15);
    assertThat(ImportClient.retryAfter(Optional.of("3600"))).isEqualTo(ImportClient.MAX_WAIT);
    assertThat(ImportClient.retryAfter(Optional.empty())).isEqualTo(ImportClient.DEFAULT_WAIT);
    assertThat(ImportClient.retryAfter(Optional.of("soon"))).isEqualTo(ImportClient.DEFAULT_WAIT);
    assertThat(ImportClient.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isZero();
  }

  @Test
  void answersAreReadWithTheSmallJsonReader() {
    assertThat(
            ImportClient.results(
                "f",
                "[{\"sopInstanceUid\":\"1.2\",\"status\":\"REJECTED\",\"reason\":\"bad \\\"x\\\" \\u00e9\","
                    + "\"reasonCode\":\"NOT_DICOM\",\"n\":1.5e2,\"ok\":true,\"none\":null}]",
                Status.STORED))
        .hasValueSatisfying(
            list ->
                assertThat(list)
                    .containsExactly(
                        new Result("f", "1.2", Status.REJECTED, "NOT_DICOM", "bad \"x\" é")));
    assertThat(ImportClient.results("f", "<html>", Status.STORED)).isEmpty();
    assertThat(ImportClient.detail("{\"title\":\"Bad\",\"detail\":\"nothing readable\"}"))
        .contains("nothing readable");
  }
}

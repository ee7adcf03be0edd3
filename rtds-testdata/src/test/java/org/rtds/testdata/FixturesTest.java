package org.rtds.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void theNelmsLikeStudyHas41CtSlicesAndOneOfEachRtObject() throws Exception {
    try (Stream<Path> files = Files.list(Fixtures.nelmsLike())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(44)
          .contains("CT.0001.dcm", "CT.0041.dcm", "RS.dcm", "RP.dcm", "RD.dcm")
          .allMatch(name -> name.endsWith(".dcm"));
    }
    // 'DICM' after the 128-byte preamble
    byte[] rd = Files.readAllBytes(Fixtures.nelmsLike("RD.dcm"));
    assertThat(new String(rd, 128, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("DICM");
  }

  @Test
  void theExpectedMetricsHave48AnalyticRows() {
    assertThat(Fixtures.nelmsLikeExpectedRows())
        .filteredOn(row -> row.contains(",analytic,"))
        .hasSize(48);
  }

  @Test
  void thePydicomObjectsComeWithTheirLicence() {
    assertThat(Fixtures.pydicomRt("LICENSE.txt")).content().contains("MIT", "Darcy Mason");
    assertThat(Fixtures.pydicomRt("rtdose_rle.dcm")).isRegularFile();
    assertThat(Fixtures.pydicomRt("rtplan_truncated.dcm")).isRegularFile();
  }

  @Test
  void everyCopyLivesInsideOneTemporaryFolder() {
    assertThat(Fixtures.nelmsLike()).startsWith(Fixtures.folder());
    assertThat(Fixtures.folder().toString()).contains("rtds-fixtures-");
  }
}

package org.rtds.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
    byte[] rd = Files.readAllBytes(Fixtures.nelmsLike("RD.dcm"));
    assertThat(new String(rd, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
    StudyManifest m = Fixtures.nelmsLikeManifest();
    assertThat(m.patientId()).isEqualTo("PH-NELMS-1");
    assertThat(m.rois())
        .extracting(RoiSummary::name)
        .containsExactly("BODY", "PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par");
    assertThat(m.roi("BODY").contourZMm()).hasSize(40);
    for (String name : new String[] {"PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par"}) {
      assertThat(m.roi(name).contourZMm()).as(name).hasSize(24).startsWith(-11.5).endsWith(11.5);
    }
    assertThat(m.roi("PTV").pointsPerContour()).containsOnly(96);
    assertThat(m.roi("Cyl_Perp").pointsPerContour()).containsOnly(4);
    assertThat(m.doseGrid().doseGridScaling()).isEqualTo(8e-9);
    assertThat(m.prescription().fractions()).isEqualTo(35);
  }

  @Test
  void theNelmsLikeDoseIsSixteenGrayPlusOneGrayPerMillimetreAlongZ() throws Exception {
    byte[] rd = Files.readAllBytes(Fixtures.nelmsLike("RD.dcm"));
    int voxels = 59 * 59 * 17;
    ByteBuffer pixels =
        ByteBuffer.wrap(rd, rd.length - 4 * voxels, 4 * voxels).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < voxels; i++) {
      int frame = i / (59 * 59);
      long stored = Integer.toUnsignedLong(pixels.getInt());
      // frame k at z = -16 + 2k: (16 + z) Gy / 8e-9 = k * 250 000 000, up to 4 000 000 000 > 2^31
      assertThat(stored).as("voxel %d", i).isEqualTo(250_000_000L * frame);
    }
  }

  @Test
  void theNelmsLikeCtIsAWaterCylinderOfRadius58InAir() throws Exception {
    byte[] ct = Files.readAllBytes(Fixtures.nelmsLike("CT.0021.dcm"));
    int n = 121 * 121;
    ByteBuffer pixels =
        ByteBuffer.wrap(ct, ct.length - 2 * n, 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    int water = 0;
    for (int i = 0; i < n; i++) {
      int stored = Short.toUnsignedInt(pixels.getShort());
      assertThat(stored).isIn(24, 1024);
      water += stored == 1024 ? 1 : 0;
    }
    assertThat(water).isEqualTo(10557); // pixel centres with x² + y² ≤ 58²
  }

  /**
   * The generator's closed-form truth agrees with the committed expected values (which were
   * obtained by dense quasi-random sampling): well within 0.5 %. Dmin and Dmax are left out: a
   * sampled extreme cannot reach a cone's apex.
   */
  @Test
  void theCommittedAnalyticValuesMatchTheGeneratorsClosedForms() {
    Map<String, DvhMetrics> truth = Fixtures.nelmsLikeManifest().analyticTruth();
    Map<String, ToDoubleFunction<DvhMetrics>> metrics =
        Map.of(
            "Volume", DvhMetrics::volumeCc,
            "Dmean", DvhMetrics::dmeanGy,
            "D99%", DvhMetrics::d99Gy,
            "D95%", DvhMetrics::d95Gy,
            "D50%", DvhMetrics::d50Gy,
            "D5%", DvhMetrics::d5Gy,
            "D1%", DvhMetrics::d1Gy,
            "D0.03cc", DvhMetrics::d003ccGy,
            "V10Gy", DvhMetrics::v10GyPercent,
            "V20Gy", DvhMetrics::v20GyPercent);
    int compared = 0;
    for (String row : Fixtures.nelmsLikeExpectedRows()) {
      String[] f = row.split(",", 7);
      if (!f[5].equals("analytic") || !metrics.containsKey(f[2])) {
        continue;
      }
      double expected = Double.parseDouble(f[3]);
      double exact = metrics.get(f[2]).applyAsDouble(truth.get(f[1]));
      assertThat(exact).as(f[1] + " " + f[2]).isCloseTo(expected, within(0.005 * expected));
      compared++;
    }
    assertThat(compared).isEqualTo(40);
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
  void everythingLivesInsideOneTemporaryFolder() {
    assertThat(Fixtures.nelmsLike()).isEqualTo(Fixtures.folder().resolve("nelms-like"));
    assertThat(Fixtures.pydicomRt()).startsWith(Fixtures.folder());
    assertThat(Fixtures.folder().toString()).contains("rtds-fixtures-");
  }
}

package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;
import org.rtds.tools.ovh.OvhInputs.Structure;

/** Skipped pairs, names that need quoting and number formats, on synthetic masks. */
class OvhReportTest {

  private static OvhReport report() {
    double[] z = new double[12];
    for (int k = 0; k < z.length; k++) {
      z[k] = 2.0 * k;
    }
    VoxelLattice lattice = VoxelLattice.hfs(30, 30, 1, 1, 0, 0, z, 2);
    VoxelMask ptv =
        VoxelMask.fromPredicate(
            lattice, (k, r, c) -> k >= 3 && k < 8 && r >= 5 && r < 12 && c >= 5 && c < 12);
    VoxelMask oar =
        VoxelMask.fromPredicate(
            lattice, (k, r, c) -> k >= 3 && k < 8 && r >= 10 && r < 15 && c >= 18 && c < 22);
    VoxelMask empty = VoxelMask.fromPredicate(lattice, (k, r, c) -> false);
    OvhInputs inputs =
        new OvhInputs(
            lattice,
            List.of(new Structure(3, "PTV, 70", "PTV", List.of(), ptv, 0.49, List.of())),
            List.of(
                new Structure(4, "Cord", "SpinalCord", List.of(), oar, 0.2, List.of()),
                new Structure(
                    5,
                    "Lens \"L\"",
                    "Lens_L",
                    List.of(),
                    empty,
                    0,
                    List.of("ROI has no valid closed planar contour: no volume"))),
            List.of("BODY (EXTERNAL)"),
            List.of());
    return new OvhReport("1.2", "1.2.3", "RS", "1.2.4", 12, inputs, OvhReport.compute(inputs));
  }

  @Test
  void aPairWithoutVoxelsIsSkippedWithItsReasonNeverZeros() {
    OvhReport r = report();
    assertThat(r.computedCount()).isEqualTo(1);
    String csv = r.toCsv();
    List<String> lens = csv.lines().filter(l -> l.contains("Lens")).toList();
    assertThat(lens)
        .containsExactly(
            "\"PTV, 70\",PTV,\"Lens \"\"L\"\"\",Lens_L,skipped,,,,\"OAR Lens \"\"L\"\" has no voxel on"
                + " the CT grid (ROI has no valid closed planar contour: no volume)\"");
    assertThat(csv.lines().filter(l -> l.contains(",Cord,SpinalCord,overlap_volume,,")))
        .containsExactly("\"PTV, 70\",PTV,Cord,SpinalCord,overlap_volume,,0.0000,mm3,");
    assertThat(csv.lines().filter(l -> l.contains(",ovh_at,-50,"))).hasSize(1);

    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(r.toJson()))) {
      doc = reader.readObject();
    }
    JsonArray pairs = doc.getJsonArray("pairs");
    assertThat(pairs).hasSize(2);
    JsonObject skipped = pairs.getJsonObject(1);
    assertThat(skipped.getString("oar")).isEqualTo("Lens \"L\"");
    assertThat(skipped.getString("skipped")).contains("has no voxel on the CT grid");
    assertThat(skipped.containsKey("overlapMm3")).isFalse();
    JsonObject computed = pairs.getJsonObject(0);
    assertThat(computed.isNull("skipped")).isTrue();
    // 6 columns (1 mm) to the right of the PTV, one more voxel centre from its boundary voxels
    assertThat(computed.getJsonNumber("minMm").doubleValue()).isEqualTo(7.0);
    assertThat(computed.getJsonObject("sts").getJsonNumber("centroidAzimuthDeg").doubleValue())
        .isBetween(-180.0, -150.0);
  }

  @Test
  void numberFormats() {
    assertThat(OvhReport.compact(-50, 4)).isEqualTo("-50");
    assertThat(OvhReport.compact(-0.0, 4)).isEqualTo("0");
    assertThat(OvhReport.compact(0.25, 6)).isEqualTo("0.25");
    assertThat(OvhReport.compact(1e-9, 6)).isEqualTo("0");
    assertThat(OvhReport.compact(Double.NaN, 6)).isEmpty();
    assertThat(OvhReport.fraction(1)).isEqualTo("1.000000");
    assertThat(OvhReport.fraction(-1e-12)).isEqualTo("0.000000");
  }
}

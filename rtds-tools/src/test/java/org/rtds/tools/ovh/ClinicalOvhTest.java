package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.ClinicalStudy;

/**
 * {@code ./rtds ovh} on the 30-ROI head-and-neck study of rtds-testdata (40 slices to stay fast):
 * which ROIs are paired, the union of the PTVs, CSV and JSON.
 */
class ClinicalOvhTest {
  @TempDir static Path dir;

  private static OvhCli.Result csv;
  private static OvhCli.Result json;

  @BeforeAll
  static void writeAndRun() throws IOException {
    ClinicalStudy.write(dir, ClinicalStudy.Options.defaults().withSlices(40, 2.5));
    csv = OvhCli.run(dir, "--timing");
    json = OvhCli.run(dir, "--json");
    System.out.print(csv.err());
  }

  private static final List<String> PTVS = List.of("PTV70", "PTV_5600", OvhInputs.UNION_NAME);

  @Test
  void everyPtvIsPairedWithEveryOrganAtRisk() {
    assertThat(csv.status()).as(csv.err()).isZero();
    assertThat(csv.out()).startsWith(OvhReport.CSV_HEADER + "\n");
    Map<String, String> oars = new LinkedHashMap<>();
    Set<String> ptvs = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    for (OvhCli.Row r : csv.rows()) {
      ptvs.add(r.ptv());
      oars.put(r.oar(), r.oarStandardName());
      pairs.add(r.ptv() + "/" + r.oar());
    }
    assertThat(ptvs).containsExactlyElementsOf(PTVS);
    // 23 organs and the cord's PRV; not the outline, the CTVs or the GTV
    assertThat(oars).hasSize(24);
    assertThat(oars)
        .containsEntry("Parotid L", "Parotid_L")
        .containsEntry("R_Parotid", "Parotid_R")
        .containsEntry("SpinalCord_PRV5", "SpinalCord_PRV05")
        .containsEntry("Chiasm", "OpticChiasm")
        .doesNotContainKeys("External", "GTV", "CTV70", "CTV_5600", "PTV70");
    assertThat(pairs).hasSize(3 * 24);
    assertThat(csv.rows())
        .filteredOn(r -> r.ptv().equals("PTV70"))
        .allSatisfy(r -> assertThat(r.ptvStandardName()).isEqualTo("PTV"));
    for (String ptv : PTVS) {
      for (String oar : oars.keySet()) {
        List<OvhCli.Row> rows = csv.rows(ptv, oar);
        assertThat(rows).as(ptv + "/" + oar).isNotEmpty();
        if (!rows.get(0).quantity().equals("skipped")) {
          assertThat(rows).filteredOn(r -> r.quantity().equals("ovh_at")).hasSize(201);
          assertThat(rows).filteredOn(r -> r.quantity().startsWith("r")).hasSize(20);
          assertThat(rows).allSatisfy(r -> assertThat(r.value()).isNotEmpty());
        }
      }
    }
  }

  @Test
  void theUnionIsTheOrOfThePtvs() {
    double ptv70 = csv.value("PTV70", "SpinalCord", "ptv_volume");
    double ptv56 = csv.value("PTV_5600", "SpinalCord", "ptv_volume");
    double union = csv.value(OvhInputs.UNION_NAME, "SpinalCord", "ptv_volume");
    // PTV70 lies inside PTV_5600 except where it reaches beyond it
    assertThat(union).isBetween(Math.max(ptv70, ptv56), ptv70 + ptv56);
    for (String oar : List.of("Parotid L", "R_Parotid", "SpinalCord", "Mandible", "Larynx")) {
      double o70 = csv.value("PTV70", oar, "overlap_volume");
      double o56 = csv.value("PTV_5600", oar, "overlap_volume");
      assertThat(csv.value(OvhInputs.UNION_NAME, oar, "overlap_volume"))
          .as(oar)
          .isGreaterThanOrEqualTo(Math.max(o70, o56) - 1e-3);
      // outside every PTV the distance from the union is the smaller of the two
      double min =
          Math.min(
              csv.value("PTV70", oar, "distance_min"), csv.value("PTV_5600", oar, "distance_min"));
      assertThat(csv.value(OvhInputs.UNION_NAME, oar, "distance_min"))
          .as(oar)
          .isLessThanOrEqualTo(min + 1e-3);
    }
  }

  @Test
  void jsonParsesWithOneObjectPerPair() {
    assertThat(json.status()).as(json.err()).isZero();
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(json.out()))) {
      doc = reader.readObject();
    }
    assertThat(doc.getJsonArray("ptvs")).hasSize(3);
    assertThat(doc.getJsonArray("ptvs").getJsonObject(2).getJsonArray("members")).hasSize(2);
    assertThat(doc.getJsonArray("oars")).hasSize(24);
    assertThat(doc.getJsonArray("notUsed").toString())
        .contains("External (EXTERNAL)")
        .contains("CTV70 (CTV)")
        .contains("GTV (GTV)");
    JsonArray pairs = doc.getJsonArray("pairs");
    assertThat(pairs).hasSize(72);
    for (int i = 0; i < pairs.size(); i++) {
      JsonObject p = pairs.getJsonObject(i);
      assertThat(p.getString("ptv")).isEqualTo(PTVS.get(i / 24));
      if (p.isNull("skipped")) {
        assertThat(p.getJsonArray("distancesMm")).hasSize(201);
        assertThat(p.getJsonArray("fractions")).hasSize(201);
        assertThat(p.getJsonObject("sts").getJsonArray("amounts")).hasSize(1000);
        assertThat(p.containsKey("r50Mm")).isTrue();
        assertThat(p.containsKey("overlapMm3")).isTrue();
      } else {
        assertThat(p.containsKey("fractions")).isFalse();
      }
    }
  }
}

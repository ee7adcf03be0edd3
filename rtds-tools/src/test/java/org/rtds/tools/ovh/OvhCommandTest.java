package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.PhantomStudy;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.StudyManifest;
import org.rtds.tools.dvh.DicomPatch;

/**
 * {@code ./rtds ovh} on phantoms written as real DICOM: distances against the analytic geometry, no
 * dose needed, the errors and their exit codes.
 */
class OvhCommandTest {
  @TempDir Path dir;

  /**
   * The phantom's sphere "PTV" (R 12 mm at x = −22 mm) and its parallel cylinder "Cyl_Par" (R 12
   * mm, height 24 mm, axis at x = +22 mm), 1 mm voxels and contour planes.
   */
  private StudyManifest sphereAndCylinder() throws IOException {
    return PhantomStudy.write(
        dir, PhantomStudy.Options.defaults().withShapes(Shape.SPHERE, Shape.CYLINDER_PARALLEL));
  }

  /** Signed distances from the sphere's surface of a fine sample of the continuous cylinder. */
  private static double[] cylinderDistancesFromSphere() {
    double h = 0.2;
    List<Double> d = new ArrayList<>();
    for (double x = 10 + h / 2; x < 34; x += h) {
      for (double y = -12 + h / 2; y < 12; y += h) {
        if ((x - 22) * (x - 22) + y * y > 144) {
          continue;
        }
        for (double z = -12 + h / 2; z < 12; z += h) {
          d.add(Math.sqrt((x + 22) * (x + 22) + y * y + z * z) - 12);
        }
      }
    }
    return d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  @Test
  void distancesMatchTheAnalyticGeometryWithinAVoxel() throws IOException {
    StudyManifest m = sphereAndCylinder();
    // no RT Dose and no RT Plan needed
    for (DicomFile d : m.doses()) {
      Files.delete(d.path());
    }
    Files.delete(m.plan().path());
    OvhCli.Result r = OvhCli.run(dir);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(OvhReport.CSV_HEADER + "\n");
    // one pair: the body outline is no OAR, one PTV makes no union
    Set<String> pairs = new LinkedHashSet<>();
    r.rows().forEach(x -> pairs.add(x.ptv() + "/" + x.oar()));
    assertThat(pairs).containsExactly("PTV/Cyl_Par");

    double[] truth = cylinderDistancesFromSphere();
    double median = truth[truth.length / 2];
    double r5 = truth[(int) (0.05 * truth.length)];
    double max = Math.sqrt(56 * 56 + 12 * 12) - 12;
    System.out.printf(
        Locale.ROOT,
        "sphere/cylinder: min %.3f/20 r5 %.3f/%.3f r50 %.3f/%.3f median %.3f max %.3f/%.3f"
            + " oar %.3f/%.3f cc%n",
        r.value("PTV", "Cyl_Par", "distance_min"),
        r.value("PTV", "Cyl_Par", "r5"),
        r5,
        r.value("PTV", "Cyl_Par", "r50"),
        median,
        r.value("PTV", "Cyl_Par", "distance_median"),
        r.value("PTV", "Cyl_Par", "distance_max"),
        max,
        r.value("PTV", "Cyl_Par", "oar_volume"),
        Math.PI * 144 * 24 / 1000);
    // distances run between voxel centres, and the boundary voxels of both structures lie up to a
    // voxel inside the true surfaces: within one voxel (1 mm), the nearest distances biased up
    double voxel = 1.0;
    assertThat(r.value("PTV", "Cyl_Par", "distance_min")).isBetween(20 - 0.25, 20 + voxel);
    assertThat(r.value("PTV", "Cyl_Par", "r5")).isCloseTo(r5, within(voxel));
    assertThat(r.value("PTV", "Cyl_Par", "r50")).isCloseTo(median, within(voxel));
    assertThat(r.value("PTV", "Cyl_Par", "distance_median")).isCloseTo(median, within(voxel));
    assertThat(r.value("PTV", "Cyl_Par", "r100")).isCloseTo(max, within(voxel));
    assertThat(r.value("PTV", "Cyl_Par", "distance_max")).isCloseTo(max, within(voxel));
    assertThat(r.value("PTV", "Cyl_Par", "overlap_volume")).isZero();
    assertThat(r.value("PTV", "Cyl_Par", "overlap_fraction")).isZero();
    assertThat(r.value("PTV", "Cyl_Par", "oar_volume"))
        .isCloseTo(Math.PI * 144 * 24 / 1000, within(0.05 * Math.PI * 144 * 24 / 1000));

    // the PTV lies 44 mm to the patient's right (−x) of the cylinder: azimuth 180°, elevation 0°
    assertThat(r.value("PTV", "Cyl_Par", "sts_centroid_distance")).isCloseTo(44, within(0.5));
    assertThat(Math.abs(r.value("PTV", "Cyl_Par", "sts_centroid_azimuth")))
        .isCloseTo(180, within(1.0));
    assertThat(r.value("PTV", "Cyl_Par", "sts_centroid_elevation")).isCloseTo(0, within(1.0));
    // PTV voxels lie 32…56 mm from the cylinder's centroid: STS distance bins [20, 40), [40, 60)
    List<OvhCli.Row> sts =
        r.rows("PTV", "Cyl_Par").stream()
            .filter(x -> x.quantity().equals("sts_distance_fraction"))
            .toList();
    assertThat(sts).extracting(OvhCli.Row::at).startsWith("0", "20", "40").hasSize(10);
    double near = Double.parseDouble(sts.get(1).value());
    double far = Double.parseDouble(sts.get(2).value());
    assertThat(near + far).isCloseTo(1, within(1e-5));
    assertThat(near).isBetween(0.2, 0.8);

    // the OVH curve: 201 points on −50…150 mm, 0 below the minimum distance, 1 at the end
    List<OvhCli.Row> curve =
        r.rows("PTV", "Cyl_Par").stream().filter(x -> x.quantity().equals("ovh_at")).toList();
    assertThat(curve).hasSize(201);
    assertThat(curve.get(0).at()).isEqualTo("-50");
    assertThat(curve.get(200).at()).isEqualTo("150");
    assertThat(curve).allSatisfy(x -> assertThat(x.unit()).isEqualTo("fraction"));
    assertThat(Double.parseDouble(curve.get(50 + 19).value())).isZero(); // t = 19 mm
    assertThat(Double.parseDouble(curve.get(200).value())).isEqualTo(1.0);
    double atMedian = Double.parseDouble(curve.get(50 + (int) Math.ceil(median + 1)).value());
    assertThat(atMedian).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void jsonHasTheApiFieldNames() throws IOException {
    sphereAndCylinder();
    OvhCli.Result r = OvhCli.run(dir, "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(r.out()))) {
      doc = reader.readObject();
    }
    assertThat(doc.getJsonArray("ptvs")).hasSize(1);
    assertThat(doc.getJsonArray("oars").getJsonObject(0).getString("name")).isEqualTo("Cyl_Par");
    JsonArray pairs = doc.getJsonArray("pairs");
    assertThat(pairs).hasSize(1);
    JsonObject p = pairs.getJsonObject(0);
    assertThat(p.getString("ptv")).isEqualTo("PTV");
    assertThat(p.getString("ptvStandardName")).isEqualTo("PTV");
    assertThat(p.getString("oar")).isEqualTo("Cyl_Par");
    assertThat(p.isNull("oarStandardName")).isTrue();
    assertThat(p.isNull("skipped")).isTrue();
    assertThat(p.getJsonArray("distancesMm")).hasSize(201);
    assertThat(p.getJsonArray("fractions")).hasSize(201);
    assertThat(p.getJsonArray("distancesMm").getJsonNumber(0).doubleValue()).isEqualTo(-50);
    assertThat(p.getJsonNumber("overlapMm3").doubleValue()).isZero();
    assertThat(p.getJsonNumber("r50Mm").doubleValue()).isBetween(25.0, 40.0);
    for (String k : List.of("r5Mm", "r100Mm", "meanMm", "medianMm", "minMm", "maxMm", "sdMm")) {
      assertThat(p.containsKey(k)).as(k).isTrue();
    }
    assertThat(p.getJsonNumber("medianMm").doubleValue())
        .isEqualTo(p.getJsonNumber("r50Mm").doubleValue());
    JsonObject sts = p.getJsonObject("sts");
    assertThat(sts.getJsonArray("elevationEdgesDeg")).hasSize(11);
    assertThat(sts.getJsonArray("distanceEdgesMm")).hasSize(11);
    assertThat(sts.getJsonArray("azimuthEdgesDeg")).hasSize(11);
    JsonArray amounts = sts.getJsonArray("amounts");
    assertThat(amounts).hasSize(1000);
    double sum = 0;
    for (JsonValue v : amounts) {
      sum += ((jakarta.json.JsonNumber) v).doubleValue();
    }
    assertThat(sum).isCloseTo(1, within(1e-4));
  }

  @Test
  void folderWithoutStructureSetIsExitOne() throws IOException {
    StudyManifest m = sphereAndCylinder();
    Files.delete(m.structureSet().path());
    OvhCli.Result r = OvhCli.run(dir);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no RT Structure Set (RTSTRUCT) found");
  }

  @Test
  void noPtvIsExitOne() throws IOException {
    StudyManifest m = sphereAndCylinder();
    // "PTV" becomes "Ring", a planning helper whatever its interpreted type says
    DicomPatch.replace(m.structureSet().path(), 0x3006, 0x0026, "PTV", "Ring");
    OvhCli.Result r = OvhCli.run(dir);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no PTV").contains("Ring (OTHER)").contains("BODY (EXTERNAL)");
  }

  @Test
  void noOarIsExitOne() throws IOException {
    PhantomStudy.write(dir, PhantomStudy.Options.defaults().withShapes(Shape.SPHERE));
    OvhCli.Result r = OvhCli.run(dir);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("no OAR");
  }

  @Test
  void usageErrorsAndHelp() throws IOException {
    sphereAndCylinder();
    assertThat(OvhCli.runArgs().status()).isEqualTo(2);
    assertThat(OvhCli.runArgs().err()).contains("DIR is missing");
    OvhCli.Result unknown = OvhCli.run(dir, "--metrics", "Dmean");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option --metrics");
    assertThat(OvhCli.run(dir.resolve("nope")).err()).contains("is not a folder");
    assertThat(OvhCli.run(dir.resolve("nope")).status()).isEqualTo(2);
    assertThat(OvhCli.runArgs(dir.toString(), dir.toString()).status()).isEqualTo(2);
    OvhCli.Result help = OvhCli.runArgs("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains(OvhReport.CSV_HEADER).contains("Exit status");
    assertThat(Arrays.stream(OvhCommand.HELP.split("\n")).mapToInt(String::length).max().orElse(0))
        .isLessThanOrEqualTo(100);
  }
}

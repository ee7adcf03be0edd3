package org.rtds.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.testdata.PhantomStudy.Gradient;
import org.rtds.testdata.PhantomStudy.Options;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.dicom.MiniParser;
import org.rtds.testdata.dicom.Tag;

class PhantomStudyTest {

  @TempDir Path dir;

  @Test
  void analyticTruthMatchesSpecTableF() {
    Options o = Options.defaults();
    // docs/algorithms.md §8 F: V, Dmean, D99, D95, D5, D1, D0.03cc, V20Gy, V10Gy
    check(o, Shape.SPHERE, 7.2382, 16.000, 5.414, 7.248, 24.752, 26.586, 27.097, 25.93, 84.38);
    check(
        o,
        Shape.CYLINDER_PARALLEL,
        10.8573,
        16.000,
        4.240,
        5.200,
        26.800,
        27.760,
        27.934,
        33.33,
        75.00);
    check(
        o,
        Shape.CYLINDER_PERPENDICULAR,
        10.8573,
        16.000,
        4.788,
        6.335,
        25.665,
        27.212,
        27.667,
        29.18,
        80.45);
    check(
        o,
        Shape.CONE_PARALLEL,
        3.6191,
        22.000,
        9.171,
        12.842,
        27.593,
        27.920,
        27.934,
        70.37,
        98.44);
    check(
        o,
        Shape.CONE_PERPENDICULAR,
        3.6191,
        16.000,
        6.211,
        8.296,
        23.704,
        25.789,
        25.952,
        21.25,
        88.99);
    // an AP gradient turns the parallel cylinder perpendicular to it
    assertThat(
            PhantomStudy.analytic(Shape.CYLINDER_PARALLEL, o.withGradient(Gradient.AP))
                .metrics()
                .d95Gy())
        .isCloseTo(6.335, within(0.002));
  }

  private static void check(
      Options o,
      Shape s,
      double v,
      double mean,
      double d99,
      double d95,
      double d5,
      double d1,
      double d003,
      double v20,
      double v10) {
    DvhMetrics m = PhantomStudy.analytic(s, o).metrics();
    assertThat(m.volumeCc()).as(s + " V").isCloseTo(v, within(0.0002));
    assertThat(m.dmeanGy()).as(s + " Dmean").isCloseTo(mean, within(0.001));
    assertThat(m.d99Gy()).as(s + " D99").isCloseTo(d99, within(0.002));
    assertThat(m.d95Gy()).as(s + " D95").isCloseTo(d95, within(0.002));
    assertThat(m.d5Gy()).as(s + " D5").isCloseTo(d5, within(0.002));
    assertThat(m.d1Gy()).as(s + " D1").isCloseTo(d1, within(0.002));
    assertThat(m.d003ccGy()).as(s + " D0.03cc").isCloseTo(d003, within(0.002));
    assertThat(m.v20GyPercent()).as(s + " V20").isCloseTo(v20, within(0.01));
    assertThat(m.v10GyPercent()).as(s + " V10").isCloseTo(v10, within(0.01));
  }

  @Test
  void writesConsistentStudyAndManifest() throws IOException {
    StudyManifest m = PhantomStudy.write(dir, Options.defaults().withEmbeddedDvh(true));
    assertThat(m.ctSliceCount()).isEqualTo(34);
    assertThat(m.rois())
        .extracting(RoiSummary::name)
        .containsExactly("BODY", "PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par", "Cone_Perp");
    RoiSummary ptv = m.roi("PTV");
    assertThat(ptv.interpretedType()).isEqualTo("PTV");
    assertThat(ptv.contourCount()).isEqualTo(24); // planes at ±0.5 … ±11.5 mm
    assertThat(ptv.pointsPerContour()).containsOnly(96);
    assertThat(m.roi("Cyl_Perp").pointsPerContour()).containsOnly(4);
    assertThat(m.prescription().targetPrescriptionDoseGy()).isEqualTo(28);
    assertThat(m.analyticTruth())
        .containsOnlyKeys("PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par", "Cone_Perp");

    for (DicomFile f : m.allFiles()) {
      MiniParser p = new MiniParser(Files.readAllBytes(f.path()));
      MiniParser.checkValues(p);
      assertThat(p.first(Tag.SOPInstanceUID.number()).text()).startsWith(f.sopInstanceUid());
      assertThat(p.first(Tag.StudyInstanceUID.number()).text()).startsWith(m.studyInstanceUid());
    }
    // every contour references the CT slice at its z; contour point counts as in the manifest
    MiniParser rs = new MiniParser(Files.readAllBytes(m.structureSet().path()));
    List<MiniParser.El> counts =
        rs.elements.stream().filter(e -> e.tag() == Tag.NumberOfContourPoints.number()).toList();
    long total = m.rois().stream().mapToLong(RoiSummary::totalPoints).sum();
    assertThat(counts.stream().mapToLong(e -> Long.parseLong(e.text().trim())).sum())
        .isEqualTo(total);
    long refs =
        rs.elements.stream()
            .filter(e -> e.tag() == Tag.ReferencedSOPInstanceUID.number() && e.depth() == 3)
            .count();
    assertThat(refs).isEqualTo(counts.size());
    // dose: D = 16 + z at a voxel
    MiniParser rd = new MiniParser(Files.readAllBytes(m.doses().get(0).path()));
    DoseGrid g = m.doseGrid();
    int[] px = ints(rd.first(Tag.PixelData.number()).value());
    assertThat(px).hasSize(g.voxelCount());
    int k = g.frames() - 1;
    double z = g.z0Mm() + k * g.frameSpacingMm();
    assertThat(Integer.toUnsignedLong(px[k * g.rows() * g.columns()]) * g.doseGridScaling())
        .isCloseTo(16 + z, within(1e-6));
    assertThat(rd.first(Tag.DVHNumberOfBins.number())).isNotNull();
  }

  @Test
  void beamDosesAddUpToThePlanDoseAndRleDecodesToNative() throws IOException {
    Options base =
        Options.defaults().withShapes(Shape.SPHERE).withContourSpacingMm(3).withDoseBits(32);
    StudyManifest plan = PhantomStudy.write(dir.resolve("plan"), base);
    StudyManifest beams = PhantomStudy.write(dir.resolve("beams"), base.withBeams(3).withRle(true));
    assertThat(beams.doses()).hasSize(3);
    assertThat(beams.doseGrid().doseGridScaling()).isEqualTo(plan.doseGrid().doseGridScaling());
    int[] expected =
        ints(
            new MiniParser(Files.readAllBytes(plan.doses().get(0).path()))
                .first(Tag.PixelData.number())
                .value());
    long[] sum = new long[expected.length];
    DoseGrid g = beams.doseGrid();
    for (DicomFile f : beams.doses()) {
      assertThat(f.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.5");
      MiniParser p = new MiniParser(Files.readAllBytes(f.path()));
      assertThat(p.first(Tag.DoseSummationType.number()).text()).isEqualTo("BEAM");
      List<byte[]> frags = p.first(Tag.PixelData.number()).fragments();
      assertThat(frags).hasSize(g.frames() + 1);
      ByteBuffer all = ByteBuffer.allocate(g.voxelCount() * 4);
      for (int i = 1; i < frags.size(); i++) {
        all.put(
            org.rtds.testdata.dicom.RleCodecTestAccess.decode(
                frags.get(i), g.rows(), g.columns(), 4));
      }
      int[] px = ints(all.array());
      for (int i = 0; i < px.length; i++) {
        sum[i] += Integer.toUnsignedLong(px[i]);
      }
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(sum[i]).isEqualTo(Integer.toUnsignedLong(expected[i]));
    }
    assertThat(plan.studyInstanceUid()).isNotEqualTo(beams.studyInstanceUid());
  }

  @Test
  void deterministicForEqualOptions() throws IOException {
    Options o = Options.defaults().withShapes(Shape.CONE_PERPENDICULAR).withContourSpacingMm(2);
    StudyManifest a = PhantomStudy.write(dir.resolve("a"), o);
    StudyManifest b = PhantomStudy.write(dir.resolve("b"), o);
    assertThat(Files.readAllBytes(a.structureSet().path()))
        .isEqualTo(Files.readAllBytes(b.structureSet().path()));
    StudyManifest c = PhantomStudy.write(dir.resolve("c"), o.withSeed(2));
    assertThat(c.patientId()).isNotEqualTo(a.patientId());
    assertThat(c.studyInstanceUid()).isNotEqualTo(a.studyInstanceUid());
  }

  static int[] ints(byte[] b) {
    int[] v = new int[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
    return v;
  }
}

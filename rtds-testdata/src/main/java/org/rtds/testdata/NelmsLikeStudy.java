package org.rtds.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.testdata.PhantomStudy.Options;
import org.rtds.testdata.PhantomStudy.Shape;
import org.rtds.testdata.RtStudyWriter.Contour;
import org.rtds.testdata.RtStudyWriter.Roi;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;

/**
 * The "nelms-like" reference study: one complete synthetic RT study in the style of Nelms et al.
 * (Med Phys 42(8), 2015) with four objects side by side in one linear dose, used by the tests of
 * every module that read, ingest or compute from real DICOM files. Expected metrics: the committed
 * {@code fixtures/nelms-like-expected.csv} ({@link Fixtures#nelmsLikeExpected()}).
 *
 * <ul>
 *   <li>CT: 121 × 121 pixels of 1 mm, 41 slices 1 mm apart from z = −19.5 mm (slices at
 *       half-millimetre positions, so the objects' ends at z = ±12 mm fall halfway between planes);
 *       first pixel centre (−60, −60); a water cylinder of radius 58 mm (0 HU, stored 1024) in air
 *       (−1000 HU).
 *   <li>RT Structure Set: {@code BODY} (1, EXTERNAL; 96-gon of radius 58 mm on the 40 slices from
 *       −19.5 to 19.5 mm), {@code PTV} (2, PTV; sphere centred at (−28, −28, 0)), {@code Cyl_Par}
 *       (3, ORGAN; cylinder along z centred at (28, −28, 0)), {@code Cyl_Perp} (4, ORGAN; cylinder
 *       along x centred at (0, 28, 0), one rectangle per slice) and {@code Cone_Par} (5, ORGAN;
 *       cone along z centred at (−28, 28, 0), apex at −z); radius 12 mm, height 24 mm; round
 *       sections are 96-gons on every slice that cuts the object.
 *   <li>RT Plan: 28 Gy to {@code PTV} in 35 fractions, one beam.
 *   <li>RT Dose (PLAN, GY): 59 × 59 × 17 voxels of 2 mm, first voxel centre (−58, −58, −16), 32-bit
 *       unsigned, DoseGridScaling 8·10⁻⁹; D = 16 Gy + 1 Gy/mm · z, constant in each frame (0 Gy at
 *       z = −16, 32 Gy = 4 000 000 000 stored at z = 16: above 2³¹); 4 → 28 Gy across each object.
 * </ul>
 *
 * <p>Files: {@code CT.0001.dcm} … {@code CT.0041.dcm}, {@code RS.dcm}, {@code RP.dcm}, {@code
 * RD.dcm}, Explicit VR Little Endian. Equal calls write equal files (name-based UIDs).
 */
public final class NelmsLikeStudy {

  /** PatientID of the study. */
  public static final String PATIENT_ID = "PH-NELMS-1";

  /** PatientName of the study. */
  public static final String PATIENT_NAME = "PHANTOM^NELMS";

  private static final double BODY_RADIUS_MM = 58;
  private static final int[] RED = {255, 0, 0};

  private NelmsLikeStudy() {}

  /** Writes the study into {@code directory} (created if needed) and returns what was written. */
  public static StudyManifest write(Path directory) throws IOException {
    Files.createDirectories(directory);
    RtStudyWriter w =
        new RtStudyWriter(
            directory,
            "rtds-testdata/nelms-like/1",
            PATIENT_ID,
            PATIENT_NAME,
            "RTDS phantom",
            SequenceLength.DEFINED,
            false);
    CtGrid ct = new CtGrid(121, 121, 41, 1, 1, -60, -60, -19.5);
    double r2 = BODY_RADIUS_MM * BODY_RADIUS_MM;
    List<DicomFile> ctFiles =
        w.writeCt(
            ct,
            (g, k, hu) -> {
              for (int j = 0; j < g.rows(); j++) {
                for (int i = 0; i < g.columns(); i++) {
                  double x = g.x(i);
                  double y = g.y(j);
                  hu[j * g.columns() + i] = (short) (x * x + y * y <= r2 ? 0 : -1000);
                }
              }
            });

    List<Roi> rois = new ArrayList<>();
    List<Contour> body = new ArrayList<>();
    for (int k = 0; k < ct.slices(); k++) {
      double z = ct.z(k);
      if (Math.abs(z) < 20) {
        body.add(new Contour(z, PhantomStudy.ellipse(0, 0, z, BODY_RADIUS_MM, BODY_RADIUS_MM, 96)));
      }
    }
    rois.add(new Roi(1, "BODY", "EXTERNAL", new int[] {0, 255, 0}, body));

    Options o = Options.defaults();
    Map<Shape, double[]> centres = new LinkedHashMap<>();
    centres.put(Shape.SPHERE, new double[] {-28, -28, 0});
    centres.put(Shape.CYLINDER_PARALLEL, new double[] {28, -28, 0});
    centres.put(Shape.CYLINDER_PERPENDICULAR, new double[] {0, 28, 0});
    centres.put(Shape.CONE_PARALLEL, new double[] {-28, 28, 0});
    Map<String, DvhMetrics> truth = new LinkedHashMap<>();
    int number = 2;
    for (Map.Entry<Shape, double[]> e : centres.entrySet()) {
      Shape shape = e.getKey();
      List<Contour> contours = new ArrayList<>();
      for (int k = 0; k < ct.slices(); k++) {
        double[] points = PhantomStudy.contour(shape, o, e.getValue(), ct.z(k));
        if (points != null) {
          contours.add(new Contour(ct.z(k), points));
        }
      }
      rois.add(new Roi(number, shape.roiName(), number == 2 ? "PTV" : "ORGAN", RED, contours));
      truth.put(shape.roiName(), PhantomStudy.analytic(shape, o).metrics());
      number++;
    }
    DicomFile rs = w.writeStructureSet(rois, ct, ctFiles);
    Prescription rx = new Prescription(28, 35, 2, "PTV");
    DicomFile rp = w.writePlan(rx, "PLAN", PhantomStudy.beams(1), rs);

    DoseGrid grid = new DoseGrid(59, 59, 17, 2, 2, 2, -58, -58, -16, 0, 0, false);
    double[] dose = new double[grid.voxelCount()];
    int perFrame = grid.columns() * grid.rows();
    for (int k = 0; k < grid.frames(); k++) {
      double gy = Math.max(0, 16 + grid.z0Mm() + k * grid.frameSpacingMm());
      java.util.Arrays.fill(dose, k * perFrame, (k + 1) * perFrame, gy);
    }
    RtStudyWriter.DoseResult d = w.writeDose(grid, dose, 32, false, List.of(), rp, rs, List.of());
    return new StudyManifest(
        directory,
        PATIENT_ID,
        PATIENT_NAME,
        w.studyUid,
        w.frameOfReferenceUid,
        ctFiles,
        ct,
        rs,
        rois.stream().map(Roi::summary).toList(),
        rp,
        rx,
        d.files(),
        d.grid(),
        truth);
  }
}

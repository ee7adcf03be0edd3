package org.rtds.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.testdata.RtStudyWriter.Beam;
import org.rtds.testdata.RtStudyWriter.Contour;
import org.rtds.testdata.RtStudyWriter.EmbeddedDvh;
import org.rtds.testdata.RtStudyWriter.Roi;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;

/**
 * Nelms-style analytic DVH phantoms (Nelms et al., Med Phys 42(8), 2015; docs/algorithms.md §4.5
 * and §8 F): solids of revolution in a linear dose D = D₀ + g·t, t being the coordinate (mm) along
 * the gradient axis relative to the object's centre (default D₀ = 16 Gy, g = 1 Gy/mm: 4 → 28 Gy
 * across a 24 mm object).
 *
 * <p>Geometry: all objects lie in a row in the axial plane z = 0 (along x, or along y for an LR
 * gradient), pitch 2·max(R, H/2) + 20 mm, so that every object's centre has the same coordinate (0)
 * along the gradient and one linear dose field serves all. "Parallel" objects have their axis along
 * z (cone apex at −z, i.e. at low dose for an SI gradient), "perpendicular" ones along x (cone apex
 * at −x). Contour planes (= CT slices) lie at z = (k + ½)·spacing, so for a spacing that divides
 * H/2 the objects' ends fall halfway between planes. Contours are inscribed polygons (circles) or
 * rectangles (perpendicular cylinder, 4 points); the analytic truth is that of the continuous
 * solids. ROI 1 is {@code BODY} (an elliptic water cylinder, 0 HU, air −1000 HU outside); the
 * objects follow in list order, the first being the target (RTROIInterpretedType PTV, referenced by
 * the plan's dose reference).
 */
public final class PhantomStudy {

  /** The Nelms test objects; {@link #roiName()} is the ROI name written. */
  public enum Shape {
    SPHERE("PTV"),
    CYLINDER_PARALLEL("Cyl_Par"),
    CYLINDER_PERPENDICULAR("Cyl_Perp"),
    CONE_PARALLEL("Cone_Par"),
    CONE_PERPENDICULAR("Cone_Perp");

    private final String roiName;

    Shape(String roiName) {
      this.roiName = roiName;
    }

    /** The ROI name written for this shape. */
    public String roiName() {
      return roiName;
    }

    boolean axisAlongZ() {
      return this == SPHERE || this == CYLINDER_PARALLEL || this == CONE_PARALLEL;
    }
  }

  /**
   * Direction of the linear dose gradient (dose increases towards +axis in DICOM LPS coordinates).
   */
  public enum Gradient {
    /** Along z: inferior → superior. */
    SI,
    /** Along y: anterior → posterior. */
    AP,
    /** Along x: right → left. */
    LR
  }

  /**
   * Options; start from {@link #defaults()} and change with the {@code with…} methods. Lengths in
   * mm, doses in Gy.
   *
   * @param radiusMm R of every object (default 12)
   * @param heightMm H of cylinders and cones (default 24; the sphere ignores it)
   * @param contourSpacingMm distance between contour planes = CT slice spacing (0.2–3 mm, default
   *     1)
   * @param polygonVertices vertices of each circular contour and of the perpendicular cone's curve
   *     (default 96)
   * @param ctPixelSpacingMm CT pixel spacing (default 1)
   * @param doseGridSpacingMm dose voxel spacing, all three axes (default 2)
   * @param gradient gradient direction (default SI)
   * @param centreDoseGy D₀ at the objects' centres (default 16)
   * @param gradientGyPerMm g (default 1)
   * @param prescriptionGy TargetPrescriptionDose (default 28)
   * @param fractions NumberOfFractionsPlanned (default 1)
   * @param doseBits 32 (default) or 16
   * @param rle RT Dose in RLE Lossless (default false)
   * @param beams 0 (default): one PLAN dose; N ≥ 1: N BEAM doses that add up to the plan dose
   * @param embedDvh add a DVHSequence with the analytic cumulative DVH of every object to the PLAN
   *     dose
   * @param implicitVr write CT, RTSTRUCT, RTPLAN (and a non-RLE dose) in Implicit VR Little Endian
   * @param sequenceLength defined or undefined sequence lengths
   * @param seed distinguishes otherwise equal studies (UIDs, patient)
   * @param patientId PatientID, or null for {@code PH-<seed>}
   * @param patientName PatientName, or null for {@code PHANTOM^NELMS<seed>}
   */
  public record Options(
      List<Shape> shapes,
      double radiusMm,
      double heightMm,
      double contourSpacingMm,
      int polygonVertices,
      double ctPixelSpacingMm,
      double doseGridSpacingMm,
      Gradient gradient,
      double centreDoseGy,
      double gradientGyPerMm,
      double prescriptionGy,
      int fractions,
      int doseBits,
      boolean rle,
      int beams,
      boolean embedDvh,
      boolean implicitVr,
      SequenceLength sequenceLength,
      long seed,
      String patientId,
      String patientName) {

    /** Validates and copies. */
    public Options {
      shapes = List.copyOf(shapes);
      if (shapes.isEmpty() || shapes.size() != shapes.stream().distinct().count()) {
        throw new IllegalArgumentException("shapes must be non-empty and distinct");
      }
      if (!(radiusMm > 0)
          || !(heightMm > 0)
          || !(contourSpacingMm > 0)
          || !(ctPixelSpacingMm > 0)) {
        throw new IllegalArgumentException("lengths must be positive");
      }
      if (!(doseGridSpacingMm > 0) || !(gradientGyPerMm > 0) || polygonVertices < 3) {
        throw new IllegalArgumentException(
            "dose spacing, gradient and vertex count must be positive");
      }
      if (doseBits != 16 && doseBits != 32) {
        throw new IllegalArgumentException("doseBits must be 16 or 32");
      }
      if (beams < 0 || fractions < 1) {
        throw new IllegalArgumentException("beams >= 0, fractions >= 1");
      }
    }

    /**
     * The defaults: all five shapes, R 12, H 24, 1 mm contours, 96-gons, 1 mm CT, 2 mm dose, SI
     * 4→28 Gy.
     */
    public static Options defaults() {
      return new Options(
          List.of(Shape.values()),
          12,
          24,
          1,
          96,
          1,
          2,
          Gradient.SI,
          16,
          1,
          28,
          1,
          32,
          false,
          0,
          false,
          false,
          SequenceLength.DEFINED,
          1,
          null,
          null);
    }

    public Options withShapes(Shape... s) {
      return new Options(
          List.of(s),
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withRadiusMm(double v) {
      return new Options(
          shapes,
          v,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withHeightMm(double v) {
      return new Options(
          shapes,
          radiusMm,
          v,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withContourSpacingMm(double v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          v,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withPolygonVertices(int v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          v,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withCtPixelSpacingMm(double v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          v,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withDoseGridSpacingMm(double v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          v,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withGradient(Gradient v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          v,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withDose(double centreGy, double gyPerMm) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreGy,
          gyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withPrescription(double gy, int nFractions) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          gy,
          nFractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withDoseBits(int v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          v,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withRle(boolean v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          v,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withBeams(int v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          v,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withEmbeddedDvh(boolean v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          v,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withImplicitVr(boolean v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          v,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withSequenceLength(SequenceLength v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          v,
          seed,
          patientId,
          patientName);
    }

    public Options withSeed(long v) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          v,
          patientId,
          patientName);
    }

    public Options withPatient(String id, String name) {
      return new Options(
          shapes,
          radiusMm,
          heightMm,
          contourSpacingMm,
          polygonVertices,
          ctPixelSpacingMm,
          doseGridSpacingMm,
          gradient,
          centreDoseGy,
          gradientGyPerMm,
          prescriptionGy,
          fractions,
          doseBits,
          rle,
          beams,
          embedDvh,
          implicitVr,
          sequenceLength,
          seed,
          id,
          name);
    }

    String effectivePatientId() {
      return patientId != null ? patientId : "PH-" + seed;
    }

    String effectivePatientName() {
      return patientName != null ? patientName : "PHANTOM^NELMS" + seed;
    }
  }

  private static final int[][] COLORS = {
    {255, 0, 0}, {0, 0, 255}, {255, 255, 0}, {255, 0, 255}, {0, 255, 255}, {255, 128, 0}
  };

  private PhantomStudy() {}

  /** Writes the study into {@code directory} (created if needed) and returns what was written. */
  public static StudyManifest write(Path directory, Options o) throws IOException {
    RtStudyWriter w =
        new RtStudyWriter(
            directory,
            "rtds-testdata/phantom/" + o,
            o.effectivePatientId(),
            o.effectivePatientName(),
            "RTDS Nelms phantom",
            o.sequenceLength(),
            o.implicitVr());
    double extent = Math.max(o.radiusMm(), o.heightMm() / 2);
    double pitch = 2 * extent + 20;
    int n = o.shapes().size();
    boolean rowAlongY = o.gradient() == Gradient.LR;
    double[][] centres = new double[n][];
    for (int i = 0; i < n; i++) {
      double along = (i - (n - 1) / 2.0) * pitch;
      centres[i] = rowAlongY ? new double[] {0, along, 0} : new double[] {along, 0, 0};
    }
    // body: elliptic cylinder around the row with 15 mm margin
    double halfRow = (n - 1) / 2.0 * pitch + extent + 15;
    double halfAcross = extent + 15;
    double bodyA = rowAlongY ? halfAcross : halfRow; // semi-axis along x
    double bodyB = rowAlongY ? halfRow : halfAcross; // along y
    double s = o.contourSpacingMm();
    int half = (int) Math.ceil((extent + 5) / s);
    double ps = o.ctPixelSpacingMm();
    int cols = 2 * (int) Math.ceil((bodyA + 10) / ps) + 1;
    int rows = 2 * (int) Math.ceil((bodyB + 10) / ps) + 1;
    CtGrid ct =
        new CtGrid(
            cols,
            rows,
            2 * half,
            ps,
            s,
            -(cols - 1) / 2.0 * ps,
            -(rows - 1) / 2.0 * ps,
            (-half + 0.5) * s);
    List<DicomFile> ctFiles =
        w.writeCt(
            ct,
            (g, k, hu) -> {
              for (int j = 0; j < g.rows(); j++) {
                double y = g.y(j) / bodyB;
                for (int i = 0; i < g.columns(); i++) {
                  double x = g.x(i) / bodyA;
                  hu[j * g.columns() + i] = (short) (x * x + y * y <= 1 ? 0 : -1000);
                }
              }
            });

    List<Roi> rois = new ArrayList<>();
    List<Contour> bodyContours = new ArrayList<>();
    for (int k = 0; k < ct.slices(); k++) {
      bodyContours.add(new Contour(ct.z(k), ellipse(0, 0, ct.z(k), bodyA, bodyB, 128)));
    }
    rois.add(new Roi(1, "BODY", "EXTERNAL", new int[] {0, 255, 0}, bodyContours));
    Map<String, DvhMetrics> truth = new LinkedHashMap<>();
    List<EmbeddedDvh> dvhs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Shape shape = o.shapes().get(i);
      List<Contour> contours = new ArrayList<>();
      for (int k = 0; k < ct.slices(); k++) {
        double[] pts = contour(shape, o, centres[i], ct.z(k));
        if (pts != null) {
          contours.add(new Contour(ct.z(k), pts));
        }
      }
      rois.add(
          new Roi(
              i + 2,
              shape.roiName(),
              i == 0 ? "PTV" : "ORGAN",
              COLORS[i % COLORS.length],
              contours));
      AnalyticDvh dvh = analytic(shape, o);
      DvhMetrics m = dvh.metrics();
      truth.put(shape.roiName(), m);
      double bin = 0.1;
      int bins = (int) Math.ceil(m.dmaxGy() / bin) + 1;
      double[] vol = new double[bins];
      for (int b = 0; b < bins; b++) {
        vol[b] = dvh.volumeAtLeastCc(b * bin);
      }
      dvhs.add(new EmbeddedDvh(i + 2, bin, vol, m.dminGy(), m.dmaxGy(), m.dmeanGy()));
    }
    DicomFile rs = w.writeStructureSet(rois, ct, ctFiles);
    Prescription rx =
        new Prescription(o.prescriptionGy(), o.fractions(), 2, o.shapes().get(0).roiName());
    List<Beam> beams = beams(Math.max(1, o.beams()));
    DicomFile rp = w.writePlan(rx, "NELMS", beams, rs);

    // dose grid: covers the body's bounding box in x, y and the CT's z range
    double h = o.doseGridSpacingMm();
    int nx = 2 * (int) Math.ceil(bodyA / h) + 1;
    int ny = 2 * (int) Math.ceil(bodyB / h) + 1;
    int nz = 2 * (int) Math.ceil(ct.z(ct.slices() - 1) / h) + 1;
    DoseGrid grid =
        new DoseGrid(
            nx,
            ny,
            nz,
            h,
            h,
            h,
            -(nx - 1) / 2.0 * h,
            -(ny - 1) / 2.0 * h,
            -(nz - 1) / 2.0 * h,
            0,
            0,
            false);
    double[] dose = new double[nx * ny * nz];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          double t =
              switch (o.gradient()) {
                case SI -> grid.z0Mm() + k * h;
                case AP -> grid.y0Mm() + j * h;
                case LR -> grid.x0Mm() + i * h;
              };
          dose[(k * ny + j) * nx + i] = Math.max(0, o.centreDoseGy() + o.gradientGyPerMm() * t);
        }
      }
    }
    RtStudyWriter.DoseResult d =
        w.writeDose(
            grid,
            dose,
            o.doseBits(),
            o.rle(),
            o.beams() == 0 ? List.of() : beams,
            rp,
            rs,
            o.embedDvh() ? dvhs : List.of());
    return new StudyManifest(
        directory,
        o.effectivePatientId(),
        o.effectivePatientName(),
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

  static List<Beam> beams(int n) {
    List<Beam> beams = new ArrayList<>();
    for (int b = 1; b <= n; b++) {
      // unequal weights (b MU·100) so that a wrong beam sum is visible
      beams.add(new Beam(b, "B" + b, RtStudyWriter.round(360.0 * (b - 1) / n, 3), 100.0 * b));
    }
    return beams;
  }

  /** Cross-section area A(t) along the gradient and the exact DVH of one shape. */
  static AnalyticDvh analytic(Shape shape, Options o) {
    double r = o.radiusMm();
    double hgt = o.heightMm();
    boolean axisAlongGradient =
        shape == Shape.SPHERE
            || (shape.axisAlongZ() ? o.gradient() == Gradient.SI : o.gradient() == Gradient.LR);
    double d0 = o.centreDoseGy();
    double g = o.gradientGyPerMm();
    return switch (shape) {
      case SPHERE -> new AnalyticDvh(t -> Math.PI * (r * r - t * t), -r, r, d0, g);
      case CYLINDER_PARALLEL, CYLINDER_PERPENDICULAR ->
          axisAlongGradient
              ? new AnalyticDvh(t -> Math.PI * r * r, -hgt / 2, hgt / 2, d0, g)
              : new AnalyticDvh(t -> 2 * hgt * Math.sqrt(Math.max(0, r * r - t * t)), -r, r, d0, g);
      case CONE_PARALLEL, CONE_PERPENDICULAR ->
          axisAlongGradient
              ? new AnalyticDvh(
                  t -> {
                    double rr = r * (t + hgt / 2) / hgt;
                    return Math.PI * rr * rr;
                  },
                  -hgt / 2,
                  hgt / 2,
                  d0,
                  g)
              : new AnalyticDvh(t -> conePerpendicularArea(r, hgt, t), -r, r, d0, g);
    };
  }

  /**
   * Area of the section of a cone (base radius R, height H) by a plane parallel to its axis at
   * distance t: ∫ 2 √(ρ(s)² − t²) ds with ρ linear in s, in closed form (2H/R)·[R√(R²−t²)/2 −
   * (t²/2)·ln((R + √(R²−t²))/|t|)].
   */
  static double conePerpendicularArea(double r, double h, double t) {
    double at = Math.abs(t);
    if (at >= r) {
      return 0;
    }
    double root = Math.sqrt(r * r - t * t);
    if (at == 0) {
      return r * h;
    }
    return (2 * h / r) * (r * root / 2 - (t * t / 2) * Math.log((r + root) / at));
  }

  /**
   * The contour of {@code shape} centred at {@code c} on the plane z, or null when the plane misses
   * it.
   */
  static double[] contour(Shape shape, Options o, double[] c, double z) {
    double r = o.radiusMm();
    double hgt = o.heightMm();
    int n = o.polygonVertices();
    double dz = z - c[2];
    switch (shape) {
      case SPHERE -> {
        return Math.abs(dz) < r
            ? ellipse(c[0], c[1], z, Math.sqrt(r * r - dz * dz), Math.sqrt(r * r - dz * dz), n)
            : null;
      }
      case CYLINDER_PARALLEL -> {
        return Math.abs(dz) < hgt / 2 ? ellipse(c[0], c[1], z, r, r, n) : null;
      }
      case CONE_PARALLEL -> {
        double rr = r * (dz + hgt / 2) / hgt;
        return Math.abs(dz) < hgt / 2 ? ellipse(c[0], c[1], z, rr, rr, n) : null;
      }
      case CYLINDER_PERPENDICULAR -> {
        if (Math.abs(dz) >= r) {
          return null;
        }
        double w = Math.sqrt(r * r - dz * dz);
        return points(
            new double[][] {
              {c[0] - hgt / 2, c[1] - w},
              {c[0] + hgt / 2, c[1] - w},
              {c[0] + hgt / 2, c[1] + w},
              {c[0] - hgt / 2, c[1] + w}
            },
            z);
      }
      case CONE_PERPENDICULAR -> {
        if (Math.abs(dz) >= r) {
          return null;
        }
        double ry = Math.sqrt(r * r - dz * dz);
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
          double y = ry * (-1 + 2.0 * i / (n - 1));
          double x = -hgt / 2 + hgt * Math.sqrt(y * y + dz * dz) / r;
          xy[i] = new double[] {c[0] + x, c[1] - y};
        }
        return points(xy, z);
      }
      default -> throw new IllegalArgumentException(shape.toString());
    }
  }

  /**
   * An inscribed n-gon of the ellipse with semi-axes a (x) and b (y), counter-clockwise seen from
   * +z.
   */
  static double[] ellipse(double cx, double cy, double z, double a, double b, int n) {
    double[][] xy = new double[n][];
    for (int i = 0; i < n; i++) {
      double phi = 2 * Math.PI * i / n;
      xy[i] = new double[] {cx + a * Math.cos(phi), cy + b * Math.sin(phi)};
    }
    return points(xy, z);
  }

  /**
   * Flattens (x, y) pairs on plane z into ContourData triples, rounded to 0.1 µm to keep DS values
   * short.
   */
  static double[] points(double[][] xy, double z) {
    double[] p = new double[3 * xy.length];
    for (int i = 0; i < xy.length; i++) {
      p[3 * i] = RtStudyWriter.round(xy[i][0], 4);
      p[3 * i + 1] = RtStudyWriter.round(xy[i][1], 4);
      p[3 * i + 2] = RtStudyWriter.round(z, 4);
    }
    return p;
  }
}

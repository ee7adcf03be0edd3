package org.rtds.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rtds.testdata.RtStudyWriter.Contour;
import org.rtds.testdata.RtStudyWriter.Roi;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;

/**
 * A synthetic head-and-neck-sized RT study for benchmarks and demos: CT 512 × 512 × N slices
 * (0.9765625 mm pixels, 2.5 mm slices by default) with a body outline, skull, mandible, spine and
 * lungs; an RT Structure Set of 30 ROIs with clinical spellings (ellipsoids and elliptic cylinders,
 * 128–360 points per contour, a contour on every slice an ROI covers); an RT Plan of 70 Gy in 35
 * fractions to PTV70; an RT Dose on a 2.5 mm grid over the body with a smooth dose (70 Gy and 56 Gy
 * levels falling off as Gaussians outside the PTVs, a low-dose bath, 0 outside the body).
 *
 * <p>The anatomy is defined for a 400 mm scan and scaled along z to the scanned length N·Δz, so
 * every ROI has contours for any slice count. Everything is deterministic given the seed, which
 * shifts the anatomy by up to ±3 mm, adds ±5 HU noise and picks the spelling of the body ROI
 * ({@code BODY} or {@code External}).
 */
public final class ClinicalStudy {

  /**
   * Options; start from {@link #defaults()}.
   *
   * @param slices number of CT slices (default 160)
   * @param sliceThicknessMm CT slice spacing (default 2.5)
   * @param pixelSpacingMm CT pixel spacing (default 0.9765625 = 500 mm / 512)
   * @param doseGridSpacingMm dose voxel spacing (default 2.5)
   * @param doseBits 32 (default) or 16
   * @param rle RT Dose in RLE Lossless
   * @param beams 0: one PLAN dose; N ≥ 1: N BEAM doses adding up to it
   * @param implicitVr write Implicit VR Little Endian (except an RLE dose)
   * @param sequenceLength defined or undefined sequence lengths
   * @param seed determines anatomy shifts, noise, spelling, UIDs and the default patient
   * @param patientId PatientID, or null for {@code HN-<seed>}
   * @param patientName PatientName, or null for {@code SYNTHETIC^HN<seed>}
   */
  public record Options(
      int slices,
      double sliceThicknessMm,
      double pixelSpacingMm,
      double doseGridSpacingMm,
      int doseBits,
      boolean rle,
      int beams,
      boolean implicitVr,
      SequenceLength sequenceLength,
      long seed,
      String patientId,
      String patientName) {

    /** Validates. */
    public Options {
      if (slices < 1
          || !(sliceThicknessMm > 0)
          || !(pixelSpacingMm > 0)
          || !(doseGridSpacingMm > 0)) {
        throw new IllegalArgumentException("slices and spacings must be positive");
      }
      if (doseBits != 16 && doseBits != 32) {
        throw new IllegalArgumentException("doseBits must be 16 or 32");
      }
      if (beams < 0) {
        throw new IllegalArgumentException("beams >= 0");
      }
    }

    /** 160 slices of 2.5 mm, 0.9765625 mm pixels, 2.5 mm 32-bit dose, seed 1. */
    public static Options defaults() {
      return new Options(
          160, 2.5, 0.9765625, 2.5, 32, false, 0, false, SequenceLength.DEFINED, 1, null, null);
    }

    public Options withSlices(int n, double thicknessMm) {
      return new Options(
          n,
          thicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withPixelSpacingMm(double v) {
      return new Options(
          slices,
          sliceThicknessMm,
          v,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withDoseGridSpacingMm(double v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          v,
          doseBits,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withDoseBits(int v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          v,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withRle(boolean v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          v,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withBeams(int v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          v,
          implicitVr,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withImplicitVr(boolean v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          v,
          sequenceLength,
          seed,
          patientId,
          patientName);
    }

    public Options withSequenceLength(SequenceLength v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          implicitVr,
          v,
          seed,
          patientId,
          patientName);
    }

    public Options withSeed(long v) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          v,
          patientId,
          patientName);
    }

    public Options withPatient(String id, String name) {
      return new Options(
          slices,
          sliceThicknessMm,
          pixelSpacingMm,
          doseGridSpacingMm,
          doseBits,
          rle,
          beams,
          implicitVr,
          sequenceLength,
          seed,
          id,
          name);
    }

    String effectivePatientId() {
      return patientId != null ? patientId : "HN-" + seed;
    }

    String effectivePatientName() {
      return patientName != null ? patientName : "SYNTHETIC^HN" + seed;
    }
  }

  /** Reference length (mm) for which the anatomy's z coordinates are defined. */
  static final double REFERENCE_LENGTH = 400;

  /** Field of view of the CT (mm): the matrix is this over the pixel spacing. */
  static final double FIELD_OF_VIEW_MM = 500;

  /** Margin of the planning risk volumes {@link Anatomy#withRoiCount} adds (mm). */
  static final double PRV_MARGIN_MM = 3;

  /**
   * An ellipsoid (cylinder = false) or elliptic cylinder along z (z semi-axis = half length) in
   * reference coordinates: centre (cx, cy, cz) mm, semi-axes (ax, ay, az) mm.
   */
  public record Solid(
      String name,
      String type,
      int[] color,
      double cx,
      double cy,
      double cz,
      double ax,
      double ay,
      double az,
      boolean cylinder) {

    /** The same solid moved by (dx, dy, dz) mm. */
    public Solid moved(double dx, double dy, double dz) {
      return new Solid(name, type, color, cx + dx, cy + dy, cz + dz, ax, ay, az, cylinder);
    }

    /** The same solid with every semi-axis times {@code f} (volume × f³). */
    public Solid scaled(double f) {
      return new Solid(name, type, color, cx, cy, cz, ax * f, ay * f, az * f, cylinder);
    }

    /** The same solid with every semi-axis {@code mm} longer (a margin grown around it). */
    public Solid grown(double mm) {
      return new Solid(name, type, color, cx, cy, cz, ax + mm, ay + mm, az + mm, cylinder);
    }

    /** The same solid under another name and DICOM RT ROI Interpreted Type. */
    public Solid renamed(String newName, String newType) {
      return new Solid(
          newName, newType, ClinicalStudy.color(newName), cx, cy, cz, ax, ay, az, cylinder);
    }
  }

  private static Solid e(
      String n, String t, double cx, double cy, double cz, double ax, double ay, double az) {
    return new Solid(n, t, color(n), cx, cy, cz, ax, ay, az, false);
  }

  private static Solid c(
      String n, String t, double cx, double cy, double ax, double ay, double z1, double z2) {
    return new Solid(n, t, color(n), cx, cy, (z1 + z2) / 2, ax, ay, (z2 - z1) / 2, true);
  }

  private static int[] color(String name) {
    int h = name.hashCode();
    return new int[] {
      64 + (h & 0x7F) + 64 * ((h >> 7) & 1), 64 + ((h >> 8) & 0x7F), 64 + ((h >> 16) & 0x7F)
    };
  }

  /**
   * The ROIs after BODY/External, in ROI-number order (2, 3, …). LPS: +x patient left, +y
   * posterior.
   */
  static List<Solid> anatomy() {
    return List.of(
        e("Brain", "ORGAN", 0, 5, 135, 65, 80, 45),
        e("Brainstem", "ORGAN", 0, 25, 88, 12, 14, 18),
        c("SpinalCord", "ORGAN", 0, 45, 5, 5, -190, 72),
        c("SpinalCord_PRV5", "AVOIDANCE", 0, 45, 10, 10, -190, 77),
        e("Eye_L", "ORGAN", 32, -62, 120, 12, 12, 12),
        e("Eye_R", "ORGAN", -32, -62, 120, 12, 12, 12),
        e("Lens_L", "ORGAN", 32, -72, 120, 4.5, 2.5, 3),
        e("Lens_R", "ORGAN", -32, -72, 120, 4.5, 2.5, 3),
        e("OpticNerve_L", "ORGAN", 20, -40, 118, 4, 18, 3),
        e("OpticNerve_R", "ORGAN", -20, -40, 118, 4, 18, 3),
        e("Chiasm", "ORGAN", 0, -22, 112, 9, 5, 3),
        e("Cochlea_L", "ORGAN", 45, 15, 100, 3, 3, 3),
        e("Cochlea_R", "ORGAN", -45, 15, 100, 3, 3, 3),
        e("Parotid L", "ORGAN", 48, 15, 70, 15, 22, 22),
        e("R_Parotid", "ORGAN", -48, 15, 70, 15, 22, 22),
        e("Submandibular_L", "ORGAN", 35, -20, 40, 11, 11, 11),
        e("Submandibular_R", "ORGAN", -35, -20, 40, 11, 11, 11),
        e("Mandible", "ORGAN", 0, -35, 55, 48, 40, 14),
        e("OralCavity", "ORGAN", 0, -45, 65, 30, 25, 14),
        e("Lips", "ORGAN", 0, -85, 60, 22, 6, 10),
        e("Larynx", "ORGAN", 0, -25, 20, 18, 18, 22),
        e("Thyroid", "ORGAN", 0, -25, -10, 25, 12, 15),
        c("Trachea", "ORGAN", 0, -15, 9, 9, -150, 0),
        c("Esophagus", "ORGAN", 0, 15, 8, 7, -190, 10),
        e("GTV", "GTV", -15, -30, 55, 12, 12, 14),
        e("CTV70", "CTV", -15, -30, 55, 20, 20, 22),
        e("PTV70", "PTV", -15, -30, 55, 25, 25, 27),
        e("CTV_5600", "CTV", 0, -15, 35, 55, 40, 45),
        e("PTV_5600", "PTV", 0, -15, 35, 60, 45, 50));
  }

  /**
   * A target dose level of the plan: the target ROI (by name, one of the anatomy's solids) and the
   * dose it receives (Gy, whole treatment).
   *
   * @param roiName the target's ROI name
   * @param doseGy its dose level
   */
  public record TargetLevel(String roiName, double doseGy) {}

  /**
   * The patient's anatomy and the plan's dose model: the solids after the body outline (ROI numbers
   * 2, 3, … in this order, reference coordinates), the target dose levels (the first is the
   * prescription of the RT Plan), and how steeply the dose falls off outside each target: a
   * Gaussian of {@code falloffSigmaMm} in the distance to the target (a better plan spares more:
   * smaller σ), plus a low-dose bath of {@code bathGy} about the primary target.
   *
   * @param solids the ROIs after the body outline
   * @param targets the dose levels, primary first
   * @param fractions NumberOfFractionsPlanned
   * @param falloffSigmaMm σ of the dose falloff outside the targets (mm)
   * @param bathGy peak of the low-dose bath (Gy)
   * @param planLabel the RT Plan's label
   */
  public record Anatomy(
      List<Solid> solids,
      List<TargetLevel> targets,
      int fractions,
      double falloffSigmaMm,
      double bathGy,
      String planLabel) {

    /** Copies the lists and validates. */
    public Anatomy {
      solids = List.copyOf(solids);
      targets = List.copyOf(targets);
      if (targets.isEmpty() || fractions < 1 || !(falloffSigmaMm > 0) || bathGy < 0) {
        throw new IllegalArgumentException("a target, fractions >= 1, sigma > 0, bath >= 0");
      }
      for (TargetLevel t : targets) {
        if (solids.stream().noneMatch(s -> s.name().equals(t.roiName()))) {
          throw new IllegalArgumentException("no solid named " + t.roiName());
        }
      }
    }

    /** The standard head-and-neck patient: PTV70 and PTV_5600, 70 Gy in 35 fractions, σ 7 mm. */
    public static Anatomy standard() {
      return new Anatomy(
          anatomy(),
          List.of(new TargetLevel("PTV70", 70), new TargetLevel("PTV_5600", 56)),
          35,
          7,
          12,
          "HN 70/35");
    }

    /**
     * This anatomy with planning structures added until the structure set has {@code total} ROIs
     * (the body outline included): a 3 mm planning risk volume {@code <organ>_PRV03} (DICOM type
     * AVOIDANCE) of each organ in turn, as planners draw them for optimisation. A clinical
     * structure set often has 40–60 ROIs; the standard patient has 30.
     *
     * @param total the number of ROIs wanted, at least the anatomy's own count
     * @return the anatomy with the added structures after its own (none when {@code total} is its
     *     count)
     * @throws IllegalArgumentException when {@code total} is fewer than the anatomy's ROIs or more
     *     than it can add (one PRV per organ)
     */
    public Anatomy withRoiCount(int total) {
      int own = solids.size() + 1;
      List<Solid> organs = solids.stream().filter(s -> "ORGAN".equals(s.type())).toList();
      if (total < own || total > own + organs.size()) {
        throw new IllegalArgumentException(
            "ROI count must be between " + own + " and " + (own + organs.size()) + ": " + total);
      }
      List<Solid> all = new ArrayList<>(solids);
      for (Solid organ : organs.subList(0, total - own)) {
        all.add(
            organ
                .renamed(organ.name().replace(' ', '_') + "_PRV03", "AVOIDANCE")
                .grown(PRV_MARGIN_MM));
      }
      return new Anatomy(all, targets, fractions, falloffSigmaMm, bathGy, planLabel);
    }

    Solid solid(String name) {
      return solids.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
  }

  private ClinicalStudy() {}

  /** Writes the standard patient's study into {@code directory} and returns what was written. */
  public static StudyManifest write(Path directory, Options o) throws IOException {
    return write(directory, o, Anatomy.standard());
  }

  /**
   * Writes a study of the given anatomy into {@code directory}. The CT covers a 500 mm field of
   * view: its matrix is 500 mm / pixel spacing (512 at the default 0.9765625 mm).
   *
   * @param directory output folder
   * @param o options
   * @param anatomy the patient's solids and the plan's dose model
   * @return what was written
   * @throws IOException on write errors
   */
  public static StudyManifest write(Path directory, Options o, Anatomy anatomy) throws IOException {
    RtStudyWriter w =
        new RtStudyWriter(
            directory,
            "rtds-testdata/clinical/" + o,
            o.effectivePatientId(),
            o.effectivePatientName(),
            "RTDS synthetic head and neck",
            o.sequenceLength(),
            o.implicitVr());
    Random random = new Random(o.seed());
    double shiftX = (random.nextDouble() * 2 - 1) * 3;
    double shiftY = (random.nextDouble() * 2 - 1) * 3;
    double shiftZ = (random.nextDouble() * 2 - 1) * 3;
    String bodyName = random.nextBoolean() ? "BODY" : "External";
    double dz = o.sliceThicknessMm();
    double scale = o.slices() * dz / REFERENCE_LENGTH;
    double minHalf = 0.6 * dz;
    // solids in patient coordinates (scaled along z, shifted)
    List<Solid> solids = new ArrayList<>();
    for (Solid s : anatomy.solids()) {
      solids.add(
          new Solid(
              s.name(),
              s.type(),
              s.color(),
              s.cx() + shiftX,
              s.cy() + shiftY,
              s.cz() * scale + shiftZ,
              s.ax(),
              s.ay(),
              Math.max(minHalf, s.az() * scale),
              s.cylinder()));
    }
    double ps = o.pixelSpacingMm();
    int n = (int) Math.round(FIELD_OF_VIEW_MM / ps);
    CtGrid ct =
        new CtGrid(
            n,
            n,
            o.slices(),
            ps,
            dz,
            -(n - 1) / 2.0 * ps,
            -(n - 1) / 2.0 * ps,
            RtStudyWriter.round(-(o.slices() - 1) / 2.0 * dz, 6));
    long noiseSeed = random.nextLong();
    List<DicomFile> ctFiles =
        w.writeCt(
            ct,
            (g, k, hu) -> {
              double zr = g.z(k) / scale; // reference z for the body outline
              double[] body = body(zr);
              Random noise = new Random(noiseSeed + k);
              for (int j = 0; j < g.rows(); j++) {
                double y = g.y(j) - shiftY;
                for (int i = 0; i < g.columns(); i++) {
                  double x = g.x(i) - shiftX;
                  hu[j * g.columns() + i] =
                      (short) (tissue(x, y, zr, body) + (noise.nextInt(11) - 5));
                }
              }
            });

    List<Roi> rois = new ArrayList<>();
    List<Contour> bodyContours = new ArrayList<>();
    for (int k = 0; k < ct.slices(); k++) {
      double[] b = body(ct.z(k) / scale);
      bodyContours.add(
          new Contour(
              ct.z(k), PhantomStudy.ellipse(shiftX, b[2] + shiftY, ct.z(k), b[0], b[1], 360)));
    }
    rois.add(new Roi(1, bodyName, "EXTERNAL", new int[] {0, 255, 0}, bodyContours));
    int number = 2;
    int primary = -1;
    String primaryName = anatomy.targets().get(0).roiName();
    for (Solid s : solids) {
      List<Contour> contours = new ArrayList<>();
      for (int k = 0; k < ct.slices(); k++) {
        double t = (ct.z(k) - s.cz()) / s.az();
        if (Math.abs(t) >= 1) {
          continue;
        }
        double f = s.cylinder() ? 1 : Math.sqrt(1 - t * t);
        double a = s.ax() * f;
        double b = s.ay() * f;
        double perimeter = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
        int points = (int) Math.max(128, Math.min(360, Math.round(perimeter / 0.5)));
        contours.add(
            new Contour(ct.z(k), PhantomStudy.ellipse(s.cx(), s.cy(), ct.z(k), a, b, points)));
      }
      if (s.name().equals(primaryName)) {
        primary = number;
      }
      rois.add(new Roi(number++, s.name(), s.type(), s.color(), contours));
    }
    DicomFile rs = w.writeStructureSet(rois, ct, ctFiles);
    Prescription rx =
        new Prescription(
            anatomy.targets().get(0).doseGy(), anatomy.fractions(), primary, primaryName);
    List<RtStudyWriter.Beam> beams = PhantomStudy.beams(o.beams() == 0 ? 7 : o.beams());
    DicomFile rp = w.writePlan(rx, anatomy.planLabel(), beams, rs);

    // dose grid over the widest body outline, all slices
    double h = o.doseGridSpacingMm();
    double maxA = 0;
    double maxB = 0;
    for (int k = 0; k < ct.slices(); k++) {
      double[] b = body(ct.z(k) / scale);
      maxA = Math.max(maxA, b[0]);
      maxB = Math.max(maxB, Math.abs(b[2]) + b[1]);
    }
    int nx = 2 * (int) Math.ceil((maxA + 5) / h) + 1;
    int ny = 2 * (int) Math.ceil((maxB + 5) / h) + 1;
    int nz = (int) Math.floor((ct.slices() - 1) * dz / h) + 1;
    DoseGrid grid =
        new DoseGrid(
            nx,
            ny,
            nz,
            h,
            h,
            h,
            RtStudyWriter.round(shiftX - (nx - 1) / 2.0 * h, 6),
            RtStudyWriter.round(shiftY - (ny - 1) / 2.0 * h, 6),
            ct.z(0),
            0,
            0,
            false);
    List<Solid> targetSolids = new ArrayList<>();
    double[] levels = new double[anatomy.targets().size()];
    for (int t = 0; t < levels.length; t++) {
      String name = anatomy.targets().get(t).roiName();
      targetSolids.add(
          solids.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
      levels[t] = anatomy.targets().get(t).doseGy();
    }
    Solid p70 = targetSolids.get(0);
    double sigma = anatomy.falloffSigmaMm();
    double[] dose = new double[nx * ny * nz];
    for (int k = 0; k < nz; k++) {
      double z = grid.z0Mm() + k * h;
      double[] b = body(z / scale);
      for (int j = 0; j < ny; j++) {
        double y = grid.y0Mm() + j * h;
        for (int i = 0; i < nx; i++) {
          double x = grid.x0Mm() + i * h;
          double bx = (x - shiftX) / b[0];
          double by = (y - shiftY - b[2]) / b[1];
          if (bx * bx + by * by > 1) {
            continue;
          }
          double r2 = sq(x - p70.cx()) + sq(y - p70.cy()) + sq(z - p70.cz());
          double value = anatomy.bathGy() * Math.exp(-r2 / (2 * 70 * 70));
          for (int t = 0; t < levels.length; t++) {
            value = Math.max(value, levels[t] * falloff(targetSolids.get(t), x, y, z, sigma));
          }
          dose[(k * ny + j) * nx + i] = value;
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
            List.of());
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
        Map.of());
  }

  /**
   * 1.02 inside the solid (slightly hot target), Gaussian falloff (σ mm) with the distance to its
   * surface outside. The distance is the first-order estimate (ρ − 1)/|∇ρ| of the ellipsoid's
   * normalised radius ρ: exact along the axes and within a few per cent elsewhere near the surface,
   * so an organ's dose follows its true distance to the target (as the knowledge base measures it)
   * in every direction.
   */
  private static double falloff(Solid s, double x, double y, double z, double sigma) {
    double ux = (x - s.cx()) / s.ax();
    double uy = (y - s.cy()) / s.ay();
    double uz = (z - s.cz()) / s.az();
    double rho = Math.sqrt(ux * ux + uy * uy + uz * uz);
    if (rho <= 1) {
      return 1.02 - 0.02 * rho * rho;
    }
    double gradient =
        Math.sqrt(sq(ux / s.ax()) + sq(uy / s.ay()) + sq(uz / s.az())) / rho; // |∇ρ| (1/mm)
    double dist = (rho - 1) / gradient;
    return Math.exp(-dist * dist / (2 * sigma * sigma));
  }

  private static double sq(double v) {
    return v * v;
  }

  /**
   * Body outline at reference z: {semi-axis x, semi-axis y, centre y} in mm. Head above z = 60,
   * neck from −40 to 40, shoulders below −60, linear blends between.
   */
  static double[] body(double zr) {
    double[] head = {75, 95, 0};
    double[] neck = {60, 62, 10};
    double[] shoulders = {170, 105, 15};
    if (zr >= 60) {
      double top = 1 - Math.max(0, (zr - 150) / 60); // vertex rounding
      double f = Math.sqrt(Math.max(0.15, top));
      return new double[] {head[0] * f, head[1] * f, head[2]};
    }
    if (zr >= 40) {
      return blend(neck, head, (zr - 40) / 20);
    }
    if (zr >= -40) {
      return neck;
    }
    if (zr >= -60) {
      return blend(neck, shoulders, (-40 - zr) / 20);
    }
    return shoulders;
  }

  private static double[] blend(double[] a, double[] b, double f) {
    return new double[] {
      a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f
    };
  }

  /** HU at (x, y) relative to the anatomy's centre, reference z. */
  private static int tissue(double x, double y, double zr, double[] body) {
    double bx = x / body[0];
    double by = (y - body[2]) / body[1];
    double rb = bx * bx + by * by;
    if (rb > 1) {
      return -1000;
    }
    if (zr >= 60) { // skull: 7 mm cortical ring, brain inside
      double ix = x / (body[0] - 7);
      double iy = (y - body[2]) / (body[1] - 7);
      return ix * ix + iy * iy > 1 ? 1000 : 35;
    }
    if (zr >= 40 && zr < 70) { // mandible ring
      double mx = x / 48;
      double my = (y + 35) / 40;
      double m = mx * mx + my * my;
      if (y < -10 && m <= 1 && m >= 0.7) {
        return 900;
      }
    }
    double sx = x;
    double sy = y - 45;
    double spine = sx * sx + sy * sy;
    if (spine <= 25) {
      return 30; // cord
    }
    if (spine <= 16 * 16 && zr < 72) {
      return 700; // vertebra
    }
    if (zr < 0 && zr > -150 && x * x + (y + 15) * (y + 15) <= 81) {
      return -1000; // trachea
    }
    if (zr < -60) {
      double lx = (Math.abs(x) - 70) / 50;
      double ly = (y - 20) / 60;
      if (lx * lx + ly * ly <= 1) {
        return -800; // lungs
      }
    }
    return rb > 0.85 ? -80 : 20; // subcutaneous fat, soft tissue
  }
}

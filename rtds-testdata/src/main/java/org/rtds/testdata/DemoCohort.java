package org.rtds.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rtds.testdata.ClinicalStudy.Anatomy;
import org.rtds.testdata.ClinicalStudy.Solid;
import org.rtds.testdata.ClinicalStudy.TargetLevel;

/**
 * A demonstration cohort of head-and-neck plans for the knowledge base ({@code ./rtds demo}): every
 * member is a {@link ClinicalStudy} with its own anatomy and its own plan quality, written as real
 * DICOM (CT, RT Structure Set, RT Plan, RT Dose).
 *
 * <p>What varies, deterministically from the cohort seed and the member's index:
 *
 * <ul>
 *   <li><b>Tumour</b>: laterality (left or right of the midline), the primary target's position
 *       (10–30 mm from the midline, ±10 mm anterior-posterior, ±15 mm cranio-caudal) and size (×0.7
 *       to ×1.25 of the standard PTV70, so its volume varies about fivefold); the elective PTV_5600
 *       follows it (×0.85–1.15); every second patient has an intermediate PTV63 level.
 *   <li><b>Organs</b>: each organ at risk moves by up to ±4 mm per axis; parotids and submandibular
 *       glands vary in size (×0.8–1.25).
 *   <li><b>Prescription</b>: 70 Gy in 35 fractions, or 66 Gy in 33 fractions (postoperative) for
 *       about one patient in six.
 *   <li><b>Plan quality</b>: the dose falls off outside the targets as a Gaussian whose σ is 7 mm ×
 *       a quality factor between 0.95 and 1.05 (the scatter of good plans), so an organ's dose
 *       follows its distance to the targets. The <b>over-dosed</b> members ({@link
 *       Member#overdosed()}: every tenth, starting with index 7) have σ × 1.9 and a 1.5 × low-dose
 *       bath: the same anatomy would have allowed much lower organ doses, which is what the
 *       knowledge base's achievable-dose check must find.
 * </ul>
 *
 * The CT is 256 × 256 pixels of 1.953125 mm over 100 slices of 4 mm (400 mm, the anatomy's
 * reference length), the dose grid 4 mm: about 13 MB per study, small enough to load forty studies
 * in a few minutes.
 */
public final class DemoCohort {

  /** The default number of members. */
  public static final int DEFAULT_SIZE = 40;

  /**
   * One member of the cohort.
   *
   * @param index 0-based position in the cohort
   * @param patientId PatientID ({@code DEMO-001}, …)
   * @param patientName PatientName ({@code DEMO^PATIENT001}, …)
   * @param anatomy the anatomy and dose model
   * @param overdosed true for the deliberately poor plans
   * @param description one line: laterality, target size, prescription, quality
   */
  public record Member(
      int index,
      String patientId,
      String patientName,
      Anatomy anatomy,
      boolean overdosed,
      String description) {}

  private DemoCohort() {}

  /**
   * The CT and dose options of every member (before the patient and seed are set).
   *
   * @return 100 slices of 4 mm, 1.953125 mm pixels, 4 mm dose grid, 16-bit dose
   */
  public static ClinicalStudy.Options studyOptions() {
    return ClinicalStudy.Options.defaults()
        .withSlices(100, 4)
        .withPixelSpacingMm(1.953125)
        .withDoseGridSpacingMm(4)
        .withDoseBits(16);
  }

  /**
   * Whether the member at {@code index} is one of the deliberately over-dosed plans.
   *
   * @param index 0-based index
   * @return true for 7, 17, 27, …
   */
  public static boolean overdosed(int index) {
    return index % 10 == 7;
  }

  /**
   * Describes the cohort without writing anything.
   *
   * @param size number of members
   * @param seed the cohort's seed
   * @return the members, in index order
   */
  public static List<Member> members(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a cohort needs at least one member");
    }
    List<Member> members = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      members.add(member(i, seed));
    }
    return members;
  }

  /**
   * Writes every member into its own folder {@code directory/DEMO-001}, ….
   *
   * @param directory the cohort's folder
   * @param size number of members
   * @param seed the cohort's seed
   * @return what was written, in index order
   * @throws IOException on write errors
   */
  public static List<StudyManifest> write(Path directory, int size, long seed) throws IOException {
    List<StudyManifest> written = new ArrayList<>();
    for (Member m : members(size, seed)) {
      written.add(write(directory.resolve(m.patientId()), m, seed));
    }
    return written;
  }

  /**
   * Writes one member.
   *
   * @param directory the member's folder
   * @param m the member
   * @param seed the cohort's seed
   * @return what was written
   * @throws IOException on write errors
   */
  public static StudyManifest write(Path directory, Member m, long seed) throws IOException {
    return ClinicalStudy.write(
        directory,
        studyOptions()
            .withSeed(seed * 1000 + m.index())
            .withPatient(m.patientId(), m.patientName()),
        m.anatomy());
  }

  private static Member member(int index, long seed) {
    Random r = new Random(seed * 7919 + index * 104729L);
    boolean left = r.nextBoolean();
    double side = left ? 1 : -1; // LPS: +x is the patient's left
    double standardX = -15; // the standard PTV70 centre (right of the midline)
    double targetX = side * uniform(r, 10, 30);
    double targetDy = uniform(r, -10, 10);
    double targetDz = uniform(r, -15, 15);
    double targetScale = uniform(r, 0.7, 1.25);
    double electiveScale = uniform(r, 0.85, 1.15);
    boolean intermediateLevel = index % 2 == 1;
    boolean postoperative = r.nextInt(6) == 0;
    double rx = postoperative ? 66 : 70;
    int fractions = postoperative ? 33 : 35;
    double quality = uniform(r, 0.95, 1.05);
    boolean poor = overdosed(index);
    String primaryName = postoperative ? "PTV66" : "PTV70";
    String primaryCtv = postoperative ? "CTV66" : "CTV70";

    List<Solid> solids = new ArrayList<>();
    Solid primary = null;
    for (Solid s : ClinicalStudy.anatomy()) {
      Solid moved;
      switch (s.name()) {
        case "GTV", "CTV70", "PTV70" -> {
          // the tumour: moved to its side and grown or shrunk about its own centre
          moved = s.moved(targetX - standardX, targetDy, targetDz).scaled(targetScale);
          if (!s.name().equals("GTV")) {
            moved = moved.renamed(s.name().startsWith("CTV") ? primaryCtv : primaryName, s.type());
          }
          if (s.name().equals("PTV70")) {
            primary = moved;
          }
        }
        case "CTV_5600", "PTV_5600" ->
            moved = s.moved(targetX / 2, targetDy / 2, targetDz / 2).scaled(electiveScale);
        default -> {
          // the lips sit at the front edge of the body outline, which narrows with z: they move
          // only sideways and inwards (posterior, +y), never out of the body, where a plan has no
          // dose
          boolean lips = s.name().equals("Lips");
          double dy = lips ? uniform(r, 0, 4) : jitter(r);
          double dz = lips ? 0 : jitter(r);
          moved = s.moved(jitter(r), dy, dz);
          if (s.name().contains("arotid") || s.name().startsWith("Submandibular")) {
            moved = moved.scaled(uniform(r, 0.8, 1.25));
          }
        }
      }
      solids.add(moved);
    }
    List<TargetLevel> levels = new ArrayList<>();
    levels.add(new TargetLevel(primaryName, rx));
    if (intermediateLevel) {
      solids.add(primary.scaled(1.3).renamed("PTV63", "PTV"));
      levels.add(new TargetLevel("PTV63", 63));
    }
    levels.add(new TargetLevel("PTV_5600", 56));
    double sigma = 7 * quality * (poor ? 1.9 : 1);
    double bath = 12 * (poor ? 1.5 : 1);
    Anatomy anatomy =
        new Anatomy(
            solids,
            levels,
            fractions,
            sigma,
            bath,
            String.format(Locale.ROOT, "HN %.0f/%d", rx, fractions));
    String id = String.format(Locale.ROOT, "DEMO-%03d", index + 1);
    String description =
        String.format(
            Locale.ROOT,
            "%s: %s primary, PTV ×%.2f, %s%s, %.0f Gy/%d, dose falloff σ %.1f mm%s",
            id,
            left ? "left" : "right",
            targetScale,
            intermediateLevel ? "3 dose levels" : "2 dose levels",
            postoperative ? " (postoperative)" : "",
            rx,
            fractions,
            sigma,
            poor ? " — deliberately over-dosed" : "");
    return new Member(
        index,
        id,
        String.format(Locale.ROOT, "DEMO^PATIENT%03d", index + 1),
        anatomy,
        poor,
        description);
  }

  private static double uniform(Random r, double from, double to) {
    return from + (to - from) * r.nextDouble();
  }

  /** An organ's positional variation: ±4 mm, uniform. */
  private static double jitter(Random r) {
    return uniform(r, -4, 4);
  }
}

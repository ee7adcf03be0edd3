package org.rtds.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtds.testdata.DemoCohort;
import org.rtds.testdata.DemoCohort.Member;

/**
 * The generated demonstration cohort on disk ({@code ./rtds demo}): {@code
 * RTDS_DATA_DIR/demo/seed-S-size-N/DEMO-001/…}, written by {@link DemoCohort} (real DICOM: CT, RT
 * Structure Set, RT Plan, RT Dose per member, about 17 MB each).
 *
 * <p>Generation is deterministic (same seed and size, same files and UIDs), so a complete folder is
 * reused. The completion marker {@value #MARKER} is written last (atomically), and lists every
 * member's PatientID and StudyInstanceUID; a folder without a valid marker (an interrupted run) is
 * deleted and written again. The marker's name starts with a dot, so {@code ./rtds import} skips
 * it.
 */
final class DemoFolder {

  /** The completion marker, written last. */
  static final String MARKER = ".complete";

  private static final String HEADER = "# rtds demo cohort v1";

  /** Writes one member and returns its StudyInstanceUID (a test passes a cheaper one). */
  interface MemberWriter {
    String write(Path directory, Member member, long seed) throws IOException;
  }

  /** The real writer: {@link DemoCohort#write(Path, Member, long)}. */
  static final MemberWriter DICOM =
      (directory, member, seed) -> DemoCohort.write(directory, member, seed).studyInstanceUid();

  /**
   * One member as the demo needs it.
   *
   * @param member what the generator made of it (PatientID, description, over-dosed or not)
   * @param studyInstanceUid the StudyInstanceUID of its files
   */
  record Study(Member member, String studyInstanceUid) {

    String patientId() {
      return member.patientId();
    }
  }

  /**
   * A complete cohort folder.
   *
   * @param directory the folder that holds one sub-folder per member
   * @param studies every member, in index order
   * @param reused true when the folder was already complete (nothing was written)
   */
  record Cohort(Path directory, List<Study> studies, boolean reused) {
    Cohort {
      studies = List.copyOf(studies);
    }
  }

  private DemoFolder() {}

  /** {@code dataDir/demo/seed-S-size-N}. */
  static Path directory(Path dataDir, int size, long seed) {
    return dataDir.resolve("demo").resolve("seed-" + seed + "-size-" + size);
  }

  /**
   * Reuses the complete cohort folder, or (re)writes it, printing one line per member.
   *
   * @param dataDir {@code RTDS_DATA_DIR}
   * @param size number of members
   * @param seed the cohort's seed
   * @throws IOException when the folder cannot be written
   */
  static Cohort prepare(Path dataDir, int size, long seed, MemberWriter writer, PrintStream out)
      throws IOException {
    Path dir = directory(dataDir, size, seed);
    List<Member> members = DemoCohort.members(size, seed);
    List<Study> complete = readMarker(dir, members);
    if (complete != null) {
      out.println(
          "rtds: reusing the demo cohort in "
              + dir
              + " ("
              + size
              + " studies, seed "
              + seed
              + ", generated before)");
      return new Cohort(dir, complete, true);
    }
    if (Files.exists(dir)) {
      out.println("rtds: " + dir + " is incomplete (an interrupted run?); writing it again");
      deleteRecursively(dir);
    }
    Files.createDirectories(dir);
    out.println(
        "rtds: generating the demo cohort: "
            + size
            + " head-and-neck studies (seed "
            + seed
            + ", about 17 MB each) in "
            + dir);
    long started = System.nanoTime();
    List<Study> studies = new ArrayList<>();
    for (Member m : members) {
      String uid = writer.write(dir.resolve(m.patientId()), m, seed);
      studies.add(new Study(m, uid));
      out.printf(
          Locale.ROOT,
          "rtds: generated %s (%d/%d)%s%n",
          m.patientId(),
          studies.size(),
          size,
          m.overdosed() ? " - deliberately over-dosed" : "");
    }
    writeMarker(dir, size, seed, studies);
    out.printf(
        Locale.ROOT,
        "rtds: generated %d studies in %.1f s%n",
        size,
        (System.nanoTime() - started) / 1e9);
    return new Cohort(dir, studies, false);
  }

  /** The marker's studies when it is there and lists exactly these members; else null. */
  static List<Study> readMarker(Path dir, List<Member> members) throws IOException {
    Path marker = dir.resolve(MARKER);
    List<String> lines;
    try {
      lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
    List<String> rows = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER) || rows.size() != members.size()) {
      return null;
    }
    List<Study> studies = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] fields = rows.get(i).split("\t");
      Member m = members.get(i);
      if (fields.length != 2
          || !fields[0].equals(m.patientId())
          || fields[1].isBlank()
          || !Files.isDirectory(dir.resolve(m.patientId()))) {
        return null;
      }
      studies.add(new Study(m, fields[1]));
    }
    return studies;
  }

  private static void writeMarker(Path dir, int size, long seed, List<Study> studies)
      throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("# size ").append(size).append(", seed ").append(seed).append('\n');
    text.append("# PatientID\tStudyInstanceUID\n");
    for (Study s : studies) {
      text.append(s.patientId()).append('\t').append(s.studyInstanceUid()).append('\n');
    }
    Path partial = dir.resolve(MARKER + ".partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(
        partial,
        dir.resolve(MARKER),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

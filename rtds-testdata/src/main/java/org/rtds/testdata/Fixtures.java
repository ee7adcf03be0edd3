package org.rtds.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared DICOM test fixtures, as real files in one temporary folder per JVM (deleted when the
 * JVM ends), so that tests can hand file paths to readers, SCUs and command-line tools:
 *
 * <ul>
 *   <li>{@code nelms-like/}: the reference phantom study, generated on first use by {@link
 *       NelmsLikeStudy};
 *   <li>{@code nelms-like-expected.csv}: its expected metrics, committed (resources {@code
 *       org/rtds/testdata/fixtures}, see the README there);
 *   <li>{@code pydicom-rt/}: pydicom's small RT objects (third-party encoder output, MIT licence),
 *       committed.
 * </ul>
 *
 * Committed files are copied from the class path, so this works whether this module is a folder or
 * a jar. Tests must not modify the files.
 */
public final class Fixtures {

  private static final String ROOT = "fixtures/";

  private static Path folder;
  private static StudyManifest nelmsLike;

  private Fixtures() {}

  /**
   * The nelms-like study: {@code CT.0001.dcm} … {@code CT.0041.dcm}, {@code RS.dcm}, {@code
   * RP.dcm}, {@code RD.dcm}, and nothing else.
   */
  public static Path nelmsLike() {
    return nelmsLikeManifest().directory();
  }

  /** What {@link NelmsLikeStudy} wrote: UIDs, files, geometry, ROIs and analytic truth. */
  public static synchronized StudyManifest nelmsLikeManifest() {
    folder();
    return nelmsLike;
  }

  /** One file of the nelms-like study, e.g. {@code RD.dcm}. */
  public static Path nelmsLike(String name) {
    return nelmsLike().resolve(name);
  }

  /**
   * The expected metrics of the nelms-like study (CSV: {@code roi_number, roi_name, metric, value,
   * unit, source, tolerance}; lines starting with {@code #} are comments).
   */
  public static Path nelmsLikeExpected() {
    return folder().resolve("nelms-like-expected.csv");
  }

  /** The data lines of {@link #nelmsLikeExpected()}: no comments, no header. */
  public static List<String> nelmsLikeExpectedRows() {
    try {
      return Files.readAllLines(nelmsLikeExpected()).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("roi_number,"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pydicom RT objects (see {@code LICENSE.txt} there). */
  public static Path pydicomRt() {
    return folder().resolve("pydicom-rt");
  }

  /** One pydicom RT object, e.g. {@code rtdose_rle.dcm}. */
  public static Path pydicomRt(String name) {
    return pydicomRt().resolve(name);
  }

  /**
   * The temporary folder that holds everything ({@code nelms-like/}, {@code
   * nelms-like-expected.csv}, {@code pydicom-rt/}), made on first use.
   */
  public static synchronized Path folder() {
    if (folder == null) {
      try {
        Path dir = extract();
        nelmsLike = NelmsLikeStudy.write(dir.resolve("nelms-like"));
        folder = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot prepare the test fixtures", e);
      }
    }
    return folder;
  }

  private static Path extract() throws IOException {
    Path dir = Files.createTempDirectory("rtds-fixtures-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "rtds-fixtures-cleanup"));
    for (String name : resourceLines(ROOT + "files.txt")) {
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = open(ROOT + name)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  private static List<String> resourceLines(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = Fixtures.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("Missing resource org/rtds/testdata/" + resource);
    }
    return in;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: the folder is in the temporary directory
    }
  }
}

package org.rtds.ingest.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rtds.testdata.Fixtures;

/**
 * The DICOM fixtures committed in rtds-testdata ({@link Fixtures}): the nelms-like phantom study
 * and pydicom's RT objects, copied into a temporary folder once per JVM.
 */
public final class TestData {

  private TestData() {}

  /** The folder that holds {@code nelms-like/} and {@code pydicom-rt/}. */
  public static Path dataDir() {
    return Fixtures.folder();
  }

  public static Path pydicom(String name) {
    return Fixtures.pydicomRt(name);
  }

  /** The DICOM files of the nelms-like study, sorted by name. */
  public static List<Path> nelmsFiles() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.nelmsLike())) {
      return files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
  }

  public static Path nelms(String name) {
    return Fixtures.nelmsLike(name);
  }
}

package org.rtds.ingest.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rtds.testdata.Fixtures;

/**
 * The DICOM fixtures of rtds-testdata ({@link Fixtures}), in a temporary folder once per JVM: the
 * nelms-like phantom study (generated) and pydicom's RT objects (committed).
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

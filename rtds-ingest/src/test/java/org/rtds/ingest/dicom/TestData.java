package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The shared test data folder ({@code /work/shared/data} on the build machines, see its README).
 */
public final class TestData {

  private TestData() {}

  /**
   * Returns the data folder: {@code ${rtds.shared.dir}/data}, which Surefire sets, or {@code
   * ../../shared/data} relative to the module folder when the tests run without Maven.
   */
  public static Path dataDir() {
    String shared = System.getProperty("rtds.shared.dir");
    Path dir =
        shared == null || shared.isBlank()
            ? Path.of("..", "..", "shared", "data")
            : Path.of(shared, "data");
    assertThat(dir).as("test data folder (set -Drtds.shared.dir)").isDirectory();
    return dir.toAbsolutePath().normalize();
  }

  public static Path pydicom(String name) {
    return dataDir().resolve("pydicom-rt").resolve(name);
  }

  /** The DICOM files of the nelms-like study, sorted by name. */
  public static java.util.List<Path> nelmsFiles() throws java.io.IOException {
    try (java.util.stream.Stream<Path> files =
        java.nio.file.Files.list(dataDir().resolve("nelms-like"))) {
      return files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
  }

  public static Path nelms(String name) {
    return dataDir().resolve("nelms-like").resolve(name);
  }
}

package org.rtds.tools.dvh;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data folder (shared/data/README.md): {@code ${rtds.shared.dir}/data}, or the
 * first {@code shared/data} beside the working directory or one of its parents.
 */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String shared = System.getProperty("rtds.shared.dir");
    if (shared != null && !shared.isBlank() && Files.isDirectory(Path.of(shared, "data"))) {
      return Path.of(shared, "data").toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate.resolve("nelms-like"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared test data not found: set -Drtds.shared.dir to the folder holding data/");
  }
}

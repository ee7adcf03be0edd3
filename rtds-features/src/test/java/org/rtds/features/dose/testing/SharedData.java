package org.rtds.features.dose.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data folder (see shared/data/README.md): {@code ${rtds.shared.dir}/data}
 * when Surefire's property points at an existing folder, otherwise the first {@code shared/data}
 * found beside the working directory or one of its parents (this also works from a git worktree).
 */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
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

package org.rtds.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the launcher starts, found next to its own jar ({@code rtds-launcher/target}): the RTDS WAR,
 * Payara Micro and the JDBC driver Payara needs for the {@code jdbc/rtds} pool.
 */
record RuntimeArtifacts(Path war, Path payaraMicro, Path jdbcDriver) {

  static RuntimeArtifacts besideLauncher() {
    Path home;
    try {
      home =
          Path.of(RtdsLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .getParent();
    } catch (URISyntaxException e) {
      throw new LauncherException("cannot locate the launcher's directory", e);
    }
    return new RuntimeArtifacts(
        require(home.resolve("rtds.war")),
        require(home.resolve("payara-micro.jar")),
        findDriver(home.resolve("lib")));
  }

  private static Path require(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LauncherException(file + " is missing: build RTDS first (./rtds run builds it)");
    }
    return file;
  }

  private static Path findDriver(Path lib) {
    try (Stream<Path> files = Files.list(lib)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("mysql-connector-j-"))
          .findFirst()
          .orElseThrow(
              () ->
                  new LauncherException(
                      "no mysql-connector-j jar in " + lib + ": build RTDS first"));
    } catch (IOException e) {
      throw new LauncherException("cannot read " + lib + ": " + e.getMessage(), e);
    }
  }
}

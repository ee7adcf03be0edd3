package org.rtds.domain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema versions the migrations on the class path reach, so that tests of adoption and
 * migration need no edit when a migration is added.
 */
public final class Migrations {

  /** The highest migration version, e.g. {@code "6"}. */
  public static final String LATEST;

  /** The highest migration version as a number (versions are 1, 2, …, without gaps). */
  public static final int LATEST_NUMBER;

  static {
    URL folder = Migrations.class.getClassLoader().getResource("db/migration");
    if (folder == null) {
      throw new IllegalStateException("db/migration is not on the test class path");
    }
    Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
    try {
      URI uri = folder.toURI();
      // in the integration-test phase the migrations are inside the module's jar
      FileSystem jar =
          "jar".equals(uri.getScheme()) ? FileSystems.newFileSystem(uri, Map.of()) : null;
      try (Stream<Path> files = Files.list(Path.of(uri))) {
        LATEST_NUMBER =
            files
                .map(f -> name.matcher(f.getFileName().toString()))
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElseThrow();
      } finally {
        if (jar != null) {
          jar.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    LATEST = String.valueOf(LATEST_NUMBER);
  }

  private Migrations() {}
}

package org.rtds.web.boot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The RTDS version this WAR was built as (Maven-filtered {@code rtds-build.properties}). */
public final class BuildInfo {

  private static final String VERSION = load();

  private BuildInfo() {}

  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/rtds-build.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

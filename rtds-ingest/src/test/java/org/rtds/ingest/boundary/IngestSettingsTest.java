package org.rtds.ingest.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  private static final Path DATA = Path.of("/srv/rtds");

  @Test
  void theDropFolderDefaultsToDropInTheDataDirectory() {
    assertThat(IngestSettings.dropDir(null, DATA)).contains(DATA.resolve("drop"));
    assertThat(IngestSettings.dropDir("  ", DATA)).contains(DATA.resolve("drop"));
  }

  @Test
  void theDropFolderCanBeMovedOrSwitchedOff() {
    assertThat(IngestSettings.dropDir("/mnt/pacs-export", DATA))
        .contains(Path.of("/mnt/pacs-export"));
    assertThat(IngestSettings.dropDir("off", DATA)).isEmpty();
    assertThat(IngestSettings.dropDir("OFF", DATA)).isEmpty();
    assertThat(IngestSettings.dropDir("none", DATA)).isEmpty();
    assertThat(IngestSettings.dropDir("-1", DATA)).isEmpty();
  }
}

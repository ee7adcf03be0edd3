package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.ingest.entity.FileStoreState;

class FileStoreDirectoryTest {

  @TempDir Path temp;

  @Test
  void createsTheTreeAndLeavesNoProbeBehind() throws IOException {
    Path dataDir = temp.resolve("rtds-data");
    FileStoreState state = FileStoreDirectory.prepare(dataDir);
    assertThat(state.usable()).isTrue();
    assertThat(state.problem()).isNull();
    assertThat(state.usableBytes()).isPositive();
    assertThat(dataDir.resolve(FileStoreDirectory.OBJECTS)).isDirectory().isEmptyDirectory();
    assertThat(dataDir.resolve(FileStoreDirectory.INCOMING)).isDirectory().isEmptyDirectory();
    assertThat(FileStoreDirectory.prepare(dataDir).usable()).as("idempotent").isTrue();
  }

  @Test
  void aDataDirThatIsAFileIsReportedWithWhatToDo() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
    FileStoreState state = FileStoreDirectory.prepare(file);
    assertThat(state.usable()).isFalse();
    assertThat(state.problem()).contains(file.toString()).contains("RTDS_DATA_DIR");
  }

  @Test
  void aReadOnlyDataDirIsReported() throws IOException {
    Path dataDir = Files.createDirectories(temp.resolve("read-only"));
    Files.createDirectories(dataDir.resolve(FileStoreDirectory.OBJECTS));
    Files.setPosixFilePermissions(
        dataDir.resolve(FileStoreDirectory.OBJECTS), PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      // root ignores permission bits; the check is only meaningful for other users
      assertThat(FileStoreDirectory.prepare(dataDir).usable()).isEqualTo(root);
    } finally {
      Files.setPosixFilePermissions(
          dataDir.resolve(FileStoreDirectory.OBJECTS),
          PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}

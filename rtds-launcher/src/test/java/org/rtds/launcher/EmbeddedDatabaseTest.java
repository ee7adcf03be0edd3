package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder checks before the embedded MariaDB starts: fresh, complete, or half-made. */
class EmbeddedDatabaseTest {

  @TempDir Path temp;

  private Path dataDir() throws IOException {
    return Files.createDirectories(temp.resolve("with space").resolve("rtds-data"));
  }

  private static void credentials(Path dataDir) throws IOException {
    Files.writeString(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE), "root=a\nrtds=b\n");
  }

  private static Path database(Path dataDir, boolean systemTables) throws IOException {
    Path db = Files.createDirectories(dataDir.resolve("db"));
    Files.writeString(db.resolve("ibdata1"), "x");
    if (systemTables) {
      Files.writeString(
          Files.createDirectories(db.resolve("mysql")).resolve("global_priv.frm"), "x");
    }
    return db;
  }

  @Test
  void aFolderWithNeitherPasswordsNorDatabaseIsFresh() throws IOException {
    Path dataDir = dataDir();
    assertThat(EmbeddedDatabase.isFresh(dataDir)).isTrue();
    // an empty db/ (e.g. made by hand) holds nothing to lose
    Files.createDirectories(dataDir.resolve("db"));
    assertThat(EmbeddedDatabase.isFresh(dataDir)).isTrue();
    // a folder that does not exist yet
    assertThat(EmbeddedDatabase.isFresh(temp.resolve("not-yet"))).isTrue();
  }

  @Test
  void aCompleteFolderIsNotFresh() throws IOException {
    Path dataDir = dataDir();
    credentials(dataDir);
    database(dataDir, true);
    assertThat(EmbeddedDatabase.isFresh(dataDir)).isFalse();
  }

  @Test
  void passwordsWithoutADatabaseAreRefusedNamingTheFolder() throws IOException {
    Path dataDir = dataDir();
    credentials(dataDir);
    assertThatThrownBy(() -> EmbeddedDatabase.isFresh(dataDir))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("the data folder " + dataDir + " is incomplete")
        .hasMessageContaining("no database in " + dataDir.resolve("db"))
        .hasMessageContaining("Restore " + dataDir.resolve("db"))
        .hasMessageNotContaining("Access denied");
    // an empty db/ is the same case
    Files.createDirectories(dataDir.resolve("db"));
    assertThatThrownBy(() -> EmbeddedDatabase.isFresh(dataDir))
        .hasMessageContaining("no database in " + dataDir.resolve("db"));
    assertThat(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).exists();
  }

  @Test
  void aDatabaseWithoutItsPasswordsIsRefusedAndKept() throws IOException {
    Path dataDir = dataDir();
    Path db = database(dataDir, true);
    assertThatThrownBy(() -> EmbeddedDatabase.isFresh(dataDir))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining(db + " holds a database but ")
        .hasMessageContaining(EmbeddedDatabase.CREDENTIALS_FILE + " (its passwords) is missing")
        .hasMessageContaining("move " + db + " away");
    assertThat(db.resolve("mysql").resolve("global_priv.frm")).exists();
  }

  @Test
  void aDatabaseFolderWithoutSystemTablesIsRefusedAndKept() throws IOException {
    Path dataDir = dataDir();
    credentials(dataDir);
    Path db = database(dataDir, false);
    assertThatThrownBy(() -> EmbeddedDatabase.isFresh(dataDir))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("the database folder " + db + " is damaged")
        .hasMessageContaining("no MariaDB system tables");
    assertThat(db.resolve("ibdata1")).exists();
  }

  @Test
  void theOlderSystemTableLayoutCountsToo() throws IOException {
    Path dataDir = dataDir();
    credentials(dataDir);
    Path db = Files.createDirectories(dataDir.resolve("db").resolve("mysql"));
    Files.writeString(db.resolve("user.frm"), "x");
    assertThat(EmbeddedDatabase.isFresh(dataDir)).isFalse();
  }
}

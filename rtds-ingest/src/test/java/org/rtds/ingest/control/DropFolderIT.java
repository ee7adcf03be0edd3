package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;
import org.rtds.ingest.control.DropFolder.ScanReport;
import org.rtds.ingest.dicom.TestData;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestStatus;

/**
 * The drop folder with the real ingestion on MariaDB: a whole study in a sub-folder, a file that is
 * not DICOM and a second copy of a slice, as the server's timer runs it (spool, ingest, move).
 */
class DropFolderIT {

  private static TestDatabase database;
  private static EntityManagerFactory factory;
  private static IngestPipeline pipeline;
  private static ContentAddressedStore store;
  private static int account;

  @TempDir static Path dataDir;

  @BeforeAll
  static void setUp() {
    database = TestDatabase.create("drop_folder");
    new SchemaMigrator(database.dataSource()).migrate();
    factory = TestPersistence.createEntityManagerFactory(database);
    account = account("drop_admin");
    FileStoreDirectory.prepare(dataDir);
    store = new ContentAddressedStore(dataDir);
    pipeline = new IngestPipeline(store, new IngestPipelineIT.ResourceLocalTransactions(factory));
  }

  @AfterAll
  static void tearDown() {
    if (factory != null) {
      factory.close();
    }
    database.close();
  }

  @Test
  void aStudyABadFileAndADuplicateEndInDoneAndFailed() throws Exception {
    Path drop = dataDir.resolve("drop");
    DropFolder folder =
        new DropFolder(drop, "it-node-1", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    assertThat(folder.prepare()).isEmpty();
    List<Path> nelms = nelmsFiles();
    for (Path file : nelms) {
      Files.createDirectories(drop.resolve("nelms"));
      Files.copy(file, drop.resolve("nelms").resolve(file.getFileName()));
    }
    Files.createDirectories(drop.resolve("zz-again"));
    Files.copy(TestData.nelms("CT.0001.dcm"), drop.resolve("zz-again/CT.0001.dcm"));
    Files.writeString(drop.resolve("notes.txt"), "this is not a DICOM file");

    long started = System.nanoTime();
    ScanReport report =
        folder.scan(
            (file, name) ->
                pipeline
                    .ingest(
                        store.spool(file, Long.MAX_VALUE),
                        new IngestOrigin(account, IngestChannel.DROP_FOLDER, name))
                    .outcome());
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "drop folder: %d files (nelms-like %d + duplicate + bad) in %.2f s, %.1f objects/s%n",
        report.handled().size(), nelms.size(), seconds, report.handled().size() / seconds);

    assertThat(report.unavailable()).isEmpty();
    assertThat(report.count(IngestStatus.STORED)).isEqualTo(nelms.size());
    assertThat(report.names(IngestStatus.DUPLICATE)).containsExactly("zz-again/CT.0001.dcm");
    assertThat(report.names(IngestStatus.REJECTED)).containsExactly("notes.txt");
    for (Path file : nelms) {
      assertThat(drop.resolve("done/nelms").resolve(file.getFileName()))
          .hasSameBinaryContentAs(file);
    }
    assertThat(drop.resolve("done/zz-again/CT.0001.dcm")).exists();
    assertThat(drop.resolve("failed/notes.txt")).hasContent("this is not a DICOM file");
    assertThat(Files.readString(drop.resolve("failed/notes.txt.reason.txt")))
        .contains("status: REJECTED")
        .contains("reasonCode: NOT_DICOM");
    try (Stream<Path> left = Files.walk(drop)) {
      assertThat(
              left.filter(Files::isRegularFile)
                  .filter(
                      f ->
                          !f.startsWith(drop.resolve(DropFolder.DONE))
                              && !f.startsWith(drop.resolve(DropFolder.FAILED))))
          .isEmpty();
    }
    assertThat(count("select count(*) as n from rtds_object where fk_user_id_id = ?"))
        .isEqualTo(nelms.size());
    assertThat(count("select count(*) as n from ct_images where fk_user_id_id = ?")).isEqualTo(41);
    List<Map<String, Object>> rejections =
        database.query(
            "select ReasonCode, Channel from rtds_rejection where fk_user_id_id = ?", account);
    assertThat(rejections)
        .extracting(r -> r.get("ReasonCode") + "/" + r.get("Channel"))
        .containsExactly("NOT_DICOM/DROP_FOLDER");
  }

  private static long count(String sql) {
    return ((Number) database.query(sql, account).get(0).get("n")).longValue();
  }

  private static List<Path> nelmsFiles() throws Exception {
    return TestData.nelmsFiles();
  }

  private static int account(String username) {
    return TestPersistence.createAccount(factory, username);
  }
}

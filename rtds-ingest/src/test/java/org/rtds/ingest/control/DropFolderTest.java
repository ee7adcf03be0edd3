package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.ingest.boundary.IngestUnavailableException;
import org.rtds.ingest.control.DropFolder.ScanReport;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/** The drop folder's file handling, with a fake ingestion (no container, no database). */
class DropFolderTest {

  /** Files written now are 1 minute old for the folder: settled. */
  private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

  @TempDir Path drop;

  /** Ingests by file content: "stored…", "duplicate…", anything else rejected. */
  private final List<String> ingested = Collections.synchronizedList(new ArrayList<>());

  private IngestOutcome fake(Path file, String relativeName) throws IOException {
    ingested.add(relativeName);
    String content = Files.readString(file);
    if (content.startsWith("stored")) {
      return new IngestOutcome(
          "1.2." + content.hashCode(), "1.2.840", IngestStatus.STORED, null, null, "1.2.3");
    }
    if (content.startsWith("duplicate")) {
      return new IngestOutcome("1.2.9", "1.2.840", IngestStatus.DUPLICATE, null, null, "1.2.3");
    }
    return IngestOutcome.rejected("NOT_DICOM", "not a DICOM file: no DICM prefix");
  }

  private DropFolder folder(String node, Clock clock) {
    DropFolder folder = new DropFolder(drop, node, clock);
    assertThat(folder.prepare()).isEmpty();
    return folder;
  }

  @Test
  void storedAndDuplicateFilesGoToDoneRejectedOnesToFailedWithTheirReason() throws Exception {
    write("study/CT.1.dcm", "stored 1");
    write("study/sub/RS.dcm", "duplicate");
    write("notes.txt", "hello");

    ScanReport report = folder("node-a", LATER).scan(this::fake);

    assertThat(report.count(IngestStatus.STORED)).isEqualTo(1);
    assertThat(report.count(IngestStatus.DUPLICATE)).isEqualTo(1);
    assertThat(report.count(IngestStatus.REJECTED)).isEqualTo(1);
    assertThat(report.unavailable()).isEmpty();
    assertThat(drop.resolve("done/study/CT.1.dcm")).hasContent("stored 1");
    assertThat(drop.resolve("done/study/sub/RS.dcm")).hasContent("duplicate");
    assertThat(drop.resolve("failed/notes.txt")).hasContent("hello");
    String reason = Files.readString(drop.resolve("failed/notes.txt.reason.txt"));
    assertThat(reason)
        .contains("file: notes.txt")
        .contains("status: REJECTED")
        .contains("reasonCode: NOT_DICOM")
        .contains("reason: not a DICOM file: no DICM prefix")
        .contains("node: node-a");
    assertThat(drop.resolve("notes.txt")).doesNotExist();
    assertThat(drop.resolve("study/CT.1.dcm")).doesNotExist();
    assertThat(filesUnder(drop.resolve(DropFolder.PROCESSING))).isEmpty();
    assertThat(ingested)
        .containsExactlyInAnyOrder("study/CT.1.dcm", "study/sub/RS.dcm", "notes.txt");

    // a second scan finds nothing: done/ and failed/ are not taken again
    assertThat(folder("node-a", LATER).scan(this::fake).handled()).isEmpty();
  }

  @Test
  void filesStillBeingWrittenAndHiddenOrTemporaryNamesAreLeftAlone() throws Exception {
    Clock now = Clock.systemUTC();
    Path fresh = write("fresh.dcm", "stored fresh");
    Files.setLastModifiedTime(fresh, FileTime.from(now.instant().plusSeconds(30)));
    write(".hidden.dcm", "stored");
    write("copy.dcm.part", "stored");
    write("copy.TMP", "stored");
    write(".cache/x.dcm", "stored");
    write("~lock", "stored");

    ScanReport report = folder("node-a", now).scan(this::fake);

    assertThat(report.handled()).isEmpty();
    assertThat(ingested).isEmpty();
    assertThat(fresh).exists();
    assertThat(drop.resolve("copy.dcm.part")).exists();
    assertThat(drop.resolve(".cache/x.dcm")).exists();

    // settled two minutes later
    Files.setLastModifiedTime(fresh, FileTime.from(now.instant().minusSeconds(120)));
    assertThat(folder("node-a", now).scan(this::fake).names(IngestStatus.STORED))
        .containsExactly("fresh.dcm");
  }

  @Test
  void whileIngestionIsUnavailableTheFileGoesBackAndTheScanStops() throws Exception {
    write("a.dcm", "stored a");
    write("b.dcm", "stored b");
    AtomicInteger calls = new AtomicInteger();
    DropFolder folder = folder("node-a", LATER);

    ScanReport report =
        folder.scan(
            (file, name) -> {
              calls.incrementAndGet();
              throw new IngestUnavailableException("the database is not reachable", null);
            });

    assertThat(calls).hasValue(1);
    assertThat(report.unavailable()).contains("the database is not reachable");
    assertThat(report.handled()).isEmpty();
    assertThat(drop.resolve("a.dcm")).hasContent("stored a");
    assertThat(drop.resolve("b.dcm")).hasContent("stored b");
    assertThat(filesUnder(drop.resolve(DropFolder.PROCESSING))).isEmpty();

    // the file store failing is just as transient
    ScanReport storeDown =
        folder.scan(
            (file, name) -> {
              throw new UncheckedIOException(new IOException("disk full"));
            });
    assertThat(storeDown.unavailable())
        .hasValueSatisfying(v -> assertThat(v).contains("disk full"));
    assertThat(drop.resolve("a.dcm")).exists();

    // back again: both are taken
    assertThat(folder.scan(this::fake).count(IngestStatus.STORED)).isEqualTo(2);
  }

  @Test
  void namesInDoneAndFailedAreNeverOverwritten() throws Exception {
    DropFolder folder = folder("node-a", LATER);
    for (int round = 0; round < 3; round++) {
      write("s/CT.1.dcm", "stored round " + round);
      write("bad.txt", "bad round " + round);
      folder.scan(this::fake);
    }

    assertThat(drop.resolve("done/s/CT.1.dcm")).hasContent("stored round 0");
    assertThat(drop.resolve("done/s/CT.1-1.dcm")).hasContent("stored round 1");
    assertThat(drop.resolve("done/s/CT.1-2.dcm")).hasContent("stored round 2");
    assertThat(drop.resolve("failed/bad.txt")).hasContent("bad round 0");
    assertThat(drop.resolve("failed/bad-1.txt")).hasContent("bad round 1");
    assertThat(drop.resolve("failed/bad-2.txt")).hasContent("bad round 2");
    assertThat(drop.resolve("failed/bad-2.txt.reason.txt")).exists();
    assertThat(drop.resolve("failed/bad-1.txt.reason.txt")).exists();
  }

  @Test
  void aDeadNodesClaimsAreTakenOverAfterTheLeaseALiveNodesAreNot() throws Exception {
    Path dead = drop.resolve(DropFolder.PROCESSING).resolve("host-1");
    Path alive = drop.resolve(DropFolder.PROCESSING).resolve("host-2");
    Files.createDirectories(dead.resolve("study"));
    Files.createDirectories(alive);
    Files.writeString(dead.resolve("study/CT.7.dcm"), "stored 7");
    Files.writeString(alive.resolve("CT.8.dcm"), "stored 8");
    Instant now = Instant.now();
    Files.setLastModifiedTime(dead, FileTime.from(now.minus(Duration.ofMinutes(11))));
    Files.setLastModifiedTime(alive, FileTime.from(now.minus(Duration.ofMinutes(1))));

    ScanReport report = folder("host-3", Clock.systemUTC()).scan(this::fake);

    assertThat(report.reclaimed()).isEqualTo(1);
    assertThat(report.names(IngestStatus.STORED)).containsExactly("study/CT.7.dcm");
    assertThat(drop.resolve("done/study/CT.7.dcm")).hasContent("stored 7");
    assertThat(alive.resolve("CT.8.dcm")).exists();

    // the dead node's empty directory is removed on the next scan
    folder("host-3", Clock.systemUTC()).scan(this::fake);
    assertThat(dead).doesNotExist();
    assertThat(alive).exists();
  }

  @Test
  void twoNodesScanningTheSameFolderAtOnceIngestEveryFileOnce() throws Exception {
    for (int i = 0; i < 200; i++) {
      write("s" + (i % 5) + "/CT." + i + ".dcm", "stored " + i);
    }
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    DropFolder.Ingester counting =
        (file, name) -> {
          counts.merge(name, 1, Integer::sum);
          return fake(file, name);
        };
    ExecutorService executor = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ScanReport>> scans = new ArrayList<>();
      for (String node : List.of("host-a-1", "host-b-2", "host-c-3")) {
        DropFolder folder = folder(node, LATER);
        scans.add(
            executor.submit(
                () -> {
                  start.await();
                  return folder.scan(counting);
                }));
      }
      start.countDown();
      long handled = 0;
      for (Future<ScanReport> scan : scans) {
        handled += scan.get().handled().size();
      }
      assertThat(handled).isEqualTo(200);
    } finally {
      executor.shutdownNow();
    }
    assertThat(counts).hasSize(200);
    assertThat(counts.values()).containsOnly(1);
    assertThat(filesUnder(drop.resolve(DropFolder.DONE))).hasSize(200);
  }

  @Test
  void zipArchivesUnreadableFilesAndFailuresAreRejectedWithAReason() throws Exception {
    Files.write(drop.resolve("study.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    write("boom.dcm", "stored but the code fails");
    write("gone.dcm", "stored but unreadable");

    ScanReport report =
        folder("node-a", LATER)
            .scan(
                (file, name) -> {
                  if (name.equals("boom.dcm")) {
                    throw new IllegalStateException("bug");
                  }
                  if (name.equals("gone.dcm")) {
                    throw new java.nio.file.AccessDeniedException(name);
                  }
                  return fake(file, name);
                });

    assertThat(report.count(IngestStatus.REJECTED)).isEqualTo(3);
    assertThat(Files.readString(drop.resolve("failed/study.zip.reason.txt")))
        .contains("reasonCode: ZIP_NOT_SUPPORTED");
    assertThat(Files.readString(drop.resolve("failed/boom.dcm.reason.txt")))
        .contains("reasonCode: PROCESSING_FAILURE")
        .contains("bug");
    assertThat(Files.readString(drop.resolve("failed/gone.dcm.reason.txt")))
        .contains("reasonCode: UNREADABLE");
  }

  @Test
  void aFolderThatCannotBeCreatedIsReportedWithWhatToDo() throws Exception {
    Path file = Files.writeString(drop.resolve("not-a-folder"), "x");
    DropFolder folder = new DropFolder(file.resolve("drop"), "node-a", LATER);

    assertThat(folder.prepare())
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("cannot create").contains("RTDS_DROP_DIR"));
  }

  @Test
  void namesAndNodes() {
    assertThat(DropFolder.hiddenOrTemporary(".DS_Store")).isTrue();
    assertThat(DropFolder.hiddenOrTemporary("CT.1.dcm.part")).isTrue();
    assertThat(DropFolder.hiddenOrTemporary("x.tmp")).isTrue();
    assertThat(DropFolder.hiddenOrTemporary("CT.1.dcm")).isFalse();
    assertThat(DropFolder.hiddenOrTemporary("IM0001")).isFalse();
    assertThat(DropFolder.nodeName("ws 12/rad", 4711)).isEqualTo("ws_12_rad-4711");
    assertThat(DropFolder.nodeName("", 1)).isEqualTo("node-1");
  }

  private Path write(String relative, String content) throws IOException {
    Path file = drop.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}

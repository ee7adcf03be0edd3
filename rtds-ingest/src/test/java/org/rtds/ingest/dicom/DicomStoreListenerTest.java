package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.ingest.dicom.ListenerFixture.CountingThreads;
import org.rtds.ingest.dicom.ListenerFixture.RecordingHandler;
import org.rtds.ingest.dicom.ListenerFixture.Seen;

class DicomStoreListenerTest {

  static final String AE = "RTDS_TEST";
  static final String CT = SopClass.CT_IMAGE.uid();
  static final String MR = "1.2.840.10008.5.1.4.1.1.4";

  @TempDir Path spool;

  private final CountingThreads threads = new CountingThreads();
  private DicomStoreListener listener;

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
    assertThat(threads.alive()).as("threads left running after close()").isEmpty();
  }

  private DicomStoreListener start(DicomStoreHandler handler) throws Exception {
    return start(DicomListenerSettings.of(0, AE, spool), handler);
  }

  private DicomStoreListener start(DicomListenerSettings settings, DicomStoreHandler handler)
      throws Exception {
    listener = DicomStoreListener.start(settings, handler, threads);
    return listener;
  }

  /**
   * Sends files with the library's own SCU, on one association; returns [completed, failed] (a
   * failed object counts as completed too).
   */
  static int[] storeWithPixelmedScu(int port, List<Path> files) throws Exception {
    SetOfDicomFiles set = new SetOfDicomFiles();
    for (Path file : files) {
      set.add(file.toFile());
    }
    int[] counts = new int[2];
    new StorageSOPClassSCU(
        "127.0.0.1",
        port,
        AE,
        TestScu.CALLING_AE,
        set,
        0,
        new MultipleInstanceTransferStatusHandler() {
          @Override
          public void updateStatus(
              int remaining, int completed, int failed, int warning, String sopInstanceUid) {
            counts[0] = completed;
            counts[1] = failed;
          }
        });
    return counts;
  }

  static List<Path> nelmsCt() {
    return IntStream.rangeClosed(1, 41)
        .mapToObj(i -> TestData.nelms(String.format("CT.%04d.dcm", i)))
        .toList();
  }

  @Test
  void storesRtObjectsSentByThePixelmedScuAndHandsThemOverAsReceived() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    start(handler);
    List<Path> files =
        List.of(
            TestData.nelms("CT.0001.dcm"),
            TestData.nelms("RS.dcm"),
            TestData.nelms("RP.dcm"),
            TestData.nelms("RD.dcm"),
            TestData.pydicom("CT_small.dcm"),
            TestData.pydicom("rtdose.dcm"),
            TestData.pydicom("rtplan.dcm"));

    int[] counts = storeWithPixelmedScu(listener.port(), files);

    assertThat(counts).containsExactly(files.size(), 0);
    assertThat(handler.problems).isEmpty();
    Map<String, Seen> byUid =
        handler.seen.stream()
            .collect(Collectors.toMap(s -> s.object().sopInstanceUid(), Function.identity()));
    for (Path file : files) {
      TestScu.Part10 sent = TestScu.Part10.read(file);
      Seen seen = byUid.get(sent.sopInstanceUid());
      assertThat(seen).as(file.toString()).isNotNull();
      ReceivedDicomObject object = seen.object();
      assertThat(object.sopClassUid()).isEqualTo(sent.sopClassUid());
      assertThat(object.callingAeTitle()).isEqualTo(TestScu.CALLING_AE);
      assertThat(object.calledAeTitle()).isEqualTo(AE);
      assertThat(object.remoteAddress()).startsWith("127.0.0.1:");
      assertThat(object.file().getParent()).isEqualTo(spool);
      DicomObject original = new DicomReader().read(file);
      assertThat(seen.parsed().sopInstanceUid()).isEqualTo(original.sopInstanceUid());
      assertThat(seen.parsed().sopClassUid()).isEqualTo(original.sopClassUid());
      assertThat(seen.parsed().transferSyntaxUid()).isEqualTo(object.transferSyntaxUid());
      assertThat(object.sizeBytes()).isEqualTo(seen.dataSet().length);
      if (object.transferSyntaxUid().equals(sent.transferSyntaxUid())) {
        assertThat(seen.dataSet()).as("data set of " + file).isEqualTo(sent.dataSet());
      }
    }
    assertThat(ListenerFixture.filesIn(spool)).isEmpty();
  }

  @Test
  void keepsCompressedAndBigEndianDataSetsByteForByte() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    start(handler);
    List<Path> files =
        List.of(
            TestData.pydicom("rtdose_rle.dcm"),
            Path.of(getClass().getResource("RD_rle_dcmtk.dcm").toURI()),
            TestData.pydicom("rtdose_expb.dcm"),
            TestData.pydicom("rtdose.dcm"));
    for (Path file : files) {
      try (TestScu scu = TestScu.openFor(listener.port(), AE, file)) {
        assertThat(scu.store(file).status()).as(file.toString()).isZero();
      }
    }

    assertThat(handler.problems).isEmpty();
    assertThat(handler.seen).hasSize(files.size());
    for (int i = 0; i < files.size(); i++) {
      TestScu.Part10 sent = TestScu.Part10.read(files.get(i));
      Seen seen = handler.seen.get(i);
      assertThat(seen.object().transferSyntaxUid()).isEqualTo(sent.transferSyntaxUid());
      assertThat(seen.object().sopInstanceUid()).isEqualTo(sent.sopInstanceUid());
      assertThat(seen.dataSet()).as(files.get(i).toString()).isEqualTo(sent.dataSet());
      assertThat(seen.parsed().transferSyntaxUid()).isEqualTo(sent.transferSyntaxUid());
    }
    assertThat(handler.seen.get(0).object().transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.5");
    assertThat(handler.seen.get(0).parsed().pixelFrames().numberOfFrames()).isPositive();
  }

  @Test
  void failureOutcomeIsAnsweredWithItsStatusAndComment() throws Exception {
    RecordingHandler handler =
        new RecordingHandler(
            o ->
                DicomStoreOutcome.failure(
                    DicomStoreOutcome.Kind.CANNOT_UNDERSTAND, "missing PatientID (0010,0020)"),
            false);
    start(handler);
    Path file = TestData.nelms("RP.dcm");

    try (TestScu scu = TestScu.openFor(listener.port(), AE, file)) {
      TestScu.Response response = scu.store(file);
      assertThat(response.status()).isEqualTo(0xC000);
      assertThat(response.errorComment()).isEqualTo("missing PatientID (0010,0020)");
    }
    // The library's SCU counts a refused object as completed and failed.
    assertThat(storeWithPixelmedScu(listener.port(), List.of(file))[1]).isEqualTo(1);
    assertThat(handler.seen).hasSize(2);
    assertThat(ListenerFixture.filesIn(spool)).as("refused objects are deleted").isEmpty();
  }

  @Test
  void longCommentsAreCutToWhatErrorCommentHolds() throws Exception {
    String reason = "database unreachable: " + "x".repeat(100) + "\\ü";
    start(
        new RecordingHandler(
            o -> DicomStoreOutcome.failure(DicomStoreOutcome.Kind.OUT_OF_RESOURCES, reason),
            false));
    Path file = TestData.nelms("RP.dcm");

    try (TestScu scu = TestScu.openFor(listener.port(), AE, file)) {
      TestScu.Response response = scu.store(file);
      assertThat(response.status()).isEqualTo(0xA700);
      assertThat(response.errorComment())
          .hasSize(64)
          .startsWith("database unreachable: xxx")
          .endsWith("...");
    }
  }

  @Test
  void aThrowingHandlerIsAnsweredWithProcessingFailureAndItsFileIsDeleted() throws Exception {
    List<Path> files = new ArrayList<>();
    start(
        object -> {
          files.add(object.file());
          throw new IllegalStateException("ingestion is broken");
        });
    Path file = TestData.nelms("RP.dcm");

    try (TestScu scu = TestScu.openFor(listener.port(), AE, file)) {
      TestScu.Response response = scu.store(file);
      assertThat(response.status()).isEqualTo(0x0110);
      assertThat(response.errorComment()).isEqualTo("ingestion is broken");
      // The association survives: the next object is handled too.
      assertThat(scu.store(file).status()).isEqualTo(0x0110);
    }
    assertThat(files).hasSize(2);
    assertThat(files.get(0)).doesNotExist();
    assertThat(ListenerFixture.filesIn(spool)).isEmpty();
  }

  @Test
  void anotherCalledAeTitleIsRejected() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    start(handler);

    assertThatThrownBy(() -> TestScu.openFor(listener.port(), "NOT_RTDS", TestData.nelms("RP.dcm")))
        .isInstanceOf(DicomNetworkException.class);
    assertThat(handler.seen).isEmpty();
  }

  @Test
  void unsupportedSopClassesAreRefusedDuringNegotiation() throws Exception {
    start(
        DicomListenerSettings.of(0, AE, spool).withSopClasses(EnumSet.of(SopClass.CT_IMAGE)),
        RecordingHandler.succeeding());

    try (TestScu scu =
        TestScu.open(
            listener.port(),
            AE,
            TestScu.CALLING_AE,
            List.of(
                List.of(MR, TestScu.EXPLICIT_LE),
                List.of(SopClass.RT_DOSE.uid(), TestScu.EXPLICIT_LE),
                List.of(CT, "1.3.6.1.4.1.5962.300.1"), // a private transfer syntax
                List.of(CT, TestScu.EXPLICIT_LE)))) {
      assertThat(scu.accepted(MR)).isFalse();
      assertThat(scu.accepted(SopClass.RT_DOSE.uid())).isFalse();
      assertThat(scu.accepted(CT)).isTrue();
    }
  }

  @Test
  void aStoreOfAnUnsupportedSopClassIsAnsweredWithSopClassNotSupported() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    start(handler);
    TestScu.Part10 ct = TestScu.Part10.read(TestData.nelms("CT.0001.dcm"));

    try (TestScu scu =
        TestScu.open(
            listener.port(), AE, TestScu.CALLING_AE, List.of(List.of(CT, TestScu.EXPLICIT_LE)))) {
      // Sent on the CT context, but announced as MR Image Storage.
      TestScu.Response response = scu.store(CT, MR, ct);
      assertThat(response.status()).isEqualTo(0x0122);
      assertThat(response.errorComment()).contains("not accepted by RTDS");
    }
    assertThat(handler.seen).isEmpty();
    assertThat(ListenerFixture.filesIn(spool)).isEmpty();
  }

  @Test
  void objectsAboveTheSizeLimitAreRefusedWithoutKeepingThem() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    start(DicomListenerSettings.of(0, AE, spool).withMaxObjectBytes(50_000), handler);
    Path large = TestData.nelms("RD.dcm");
    Path small = TestData.nelms("RP.dcm");

    try (TestScu scu =
        TestScu.open(
            listener.port(),
            AE,
            TestScu.CALLING_AE,
            List.of(
                List.of(SopClass.RT_DOSE.uid(), TestScu.EXPLICIT_LE),
                List.of(SopClass.RT_PLAN.uid(), TestScu.EXPLICIT_LE)))) {
      TestScu.Response response = scu.store(large);
      assertThat(response.status()).isEqualTo(0xA700);
      assertThat(response.errorComment()).contains("limit of 50000 bytes");
      assertThat(ListenerFixture.filesIn(spool)).isEmpty();
      assertThat(scu.store(small).status()).isZero();
    }
    assertThat(handler.seen).hasSize(1);
    assertThat(handler.seen.get(0).object().sopClassUid()).isEqualTo(SopClass.RT_PLAN.uid());
  }

  @Test
  void answersCEcho() throws Exception {
    start(RecordingHandler.succeeding());

    try (TestScu scu =
        TestScu.open(
            listener.port(),
            AE,
            TestScu.CALLING_AE,
            List.of(List.of(StorePresentationContextPolicy.VERIFICATION, TestScu.IMPLICIT_LE)))) {
      assertThat(scu.echo().status()).isZero();
      assertThat(scu.echo().status()).isZero();
    }
  }

  @Test
  void eightConcurrentAssociationsLoseNothing() throws Exception {
    RecordingHandler handler = new RecordingHandler(o -> DicomStoreOutcome.success(), false);
    start(handler);
    List<Path> slices = nelmsCt();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(senders.submit(() -> storeWithPixelmedScu(listener.port(), slices)));
      }
      for (Future<int[]> result : results) {
        assertThat(result.get()).containsExactly(41, 0);
      }
    } finally {
      senders.shutdown();
    }

    assertThat(handler.problems).isEmpty();
    assertThat(handler.seen).hasSize(8 * 41);
    Map<String, Long> perUid =
        handler.seen.stream()
            .collect(
                Collectors.groupingBy(s -> s.object().sopInstanceUid(), Collectors.counting()));
    assertThat(perUid).hasSize(41);
    assertThat(perUid.values()).containsOnly(8L);
    assertThat(ListenerFixture.filesIn(spool)).isEmpty();
  }

  @Test
  void closeFreesThePortAndEndsEveryThread() throws Exception {
    start(RecordingHandler.succeeding());
    int port = listener.port();
    storeWithPixelmedScu(port, List.of(TestData.nelms("RP.dcm")));
    listener.close();
    listener.close(); // idempotent
    assertThat(threads.alive()).isEmpty();

    for (int round = 0; round < 3; round++) {
      RecordingHandler handler = RecordingHandler.succeeding();
      start(DicomListenerSettings.of(port, AE, spool), handler);
      assertThat(listener.port()).isEqualTo(port);
      assertThat(storeWithPixelmedScu(port, List.of(TestData.nelms("RP.dcm"))))
          .containsExactly(1, 0);
      assertThat(handler.seen).hasSize(1);
      listener.close();
      assertThat(threads.alive()).isEmpty();
    }
  }

  @Test
  void closeDropsAnIdleAssociation() throws Exception {
    start(RecordingHandler.succeeding());
    TestScu idle =
        TestScu.open(
            listener.port(),
            AE,
            TestScu.CALLING_AE,
            List.of(List.of(StorePresentationContextPolicy.VERIFICATION, TestScu.IMPLICIT_LE)));
    assertThat(idle.echo().status()).isZero();

    listener.close();

    assertThat(threads.alive()).isEmpty();
    assertThatThrownBy(idle::echo).isInstanceOf(Exception.class);
  }

  @Test
  void associationsBeyondTheLimitAreRejected() throws Exception {
    start(
        DicomListenerSettings.of(0, AE, spool).withMaxAssociations(1),
        RecordingHandler.succeeding());
    List<List<String>> echo =
        List.of(List.of(StorePresentationContextPolicy.VERIFICATION, TestScu.IMPLICIT_LE));
    try (TestScu first = TestScu.open(listener.port(), AE, TestScu.CALLING_AE, echo)) {
      assertThat(first.echo().status()).isZero();
      assertThatThrownBy(() -> TestScu.open(listener.port(), AE, "SECOND", echo))
          .isInstanceOf(DicomNetworkException.class);
    }
  }

  @Test
  void theSpoolFolderIsCreated() throws Exception {
    Path folder = spool.resolve("a").resolve("b");
    RecordingHandler handler = RecordingHandler.succeeding();
    start(DicomListenerSettings.of(0, AE, folder), handler);

    storeWithPixelmedScu(listener.port(), List.of(TestData.nelms("RP.dcm")));

    assertThat(handler.seen).hasSize(1);
    assertThat(handler.seen.get(0).object().file().getParent()).isEqualTo(folder);
  }
}

package org.rtds.ingest.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test doubles for {@link DicomStoreListener}: a recording handler and a counting thread factory.
 */
final class ListenerFixture {

  private ListenerFixture() {}

  /** What the handler saw of one object, read while the file was still in the spool folder. */
  record Seen(ReceivedDicomObject object, DicomObject parsed, byte[] dataSet) {}

  /** Records every object, parses it with {@link DicomReader}, deletes it, answers as told. */
  static final class RecordingHandler implements DicomStoreHandler {
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
    private final Function<ReceivedDicomObject, DicomStoreOutcome> answer;
    private final boolean keepBytes;

    RecordingHandler(Function<ReceivedDicomObject, DicomStoreOutcome> answer, boolean keepBytes) {
      this.answer = answer;
      this.keepBytes = keepBytes;
    }

    static RecordingHandler succeeding() {
      return new RecordingHandler(o -> DicomStoreOutcome.success(), true);
    }

    @Override
    public DicomStoreOutcome onObjectReceived(ReceivedDicomObject object) {
      DicomObject parsed = null;
      byte[] dataSet = null;
      try {
        parsed = new DicomReader().read(object.file());
        if (keepBytes) {
          byte[] bytes = Files.readAllBytes(object.file());
          int start = TestScu.Part10.metaEnd(bytes);
          dataSet = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        }
      } catch (IOException | DicomParseException | RuntimeException e) {
        problems.add(e);
      }
      seen.add(new Seen(object, parsed, dataSet));
      DicomStoreOutcome outcome = answer.apply(object);
      if (!outcome.kind().isFailure()) {
        try {
          Files.deleteIfExists(object.file());
        } catch (IOException e) {
          problems.add(e);
        }
      }
      return outcome;
    }
  }

  /** Makes daemon threads and remembers them. */
  static final class CountingThreads implements ThreadFactory {
    final List<Thread> made = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      made.add(thread);
      return thread;
    }

    List<Thread> alive() {
      synchronized (made) {
        return made.stream().filter(Thread::isAlive).toList();
      }
    }
  }

  static List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}

package org.rtds.tools.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.RtObjectMapper;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.DicomReader;

/**
 * Reads every regular file under a folder (recursively, in path order) with {@link
 * DicomReader#withoutCtPixelData()} (the commands need a CT's geometry, not its pixels) and {@link
 * RtObjectMapper}. Files that are not DICOM, not of a supported SOP class, or incomplete are kept
 * as {@link Skipped} with the reader's reason; they never stop the read. Files are read in
 * parallel, one worker per processor, largest files first; the result keeps path order.
 */
public final class StudyFolder {

  /**
   * A file that was not used.
   *
   * @param file the file
   * @param reason why (the DICOM reader's or mapper's message)
   */
  public record Skipped(Path file, String reason) {}

  /**
   * One file that was read.
   *
   * @param file the file
   * @param instance what it holds
   */
  public record Read(Path file, ParsedInstance instance) {}

  /**
   * What the folder holds.
   *
   * @param read the files read, in path order
   * @param skipped the files not used, in path order
   */
  public record Contents(List<Read> read, List<Skipped> skipped) {
    /** Makes the lists unmodifiable. */
    public Contents {
      read = List.copyOf(read);
      skipped = List.copyOf(skipped);
    }

    /**
     * @return the instances read, in path order
     */
    public List<ParsedInstance> instances() {
      return read.stream().map(Read::instance).toList();
    }

    /**
     * @return number of regular files seen
     */
    public int fileCount() {
      return read.size() + skipped.size();
    }
  }

  private StudyFolder() {}

  /**
   * @param directory the folder
   * @return what it holds
   * @throws IOException when the folder cannot be listed
   */
  public static Contents read(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // the tools take the CT's geometry only: its pixel values are checked for length, not read
    DicomReader reader = DicomReader.withoutCtPixelData();
    RtObjectMapper mapper = new RtObjectMapper();
    // largest files first (RTSTRUCT and RTDOSE take far longer to parse than a CT image), each
    // worker taking the next file: the long ones start at once instead of last
    Integer[] order = new Integer[files.size()];
    long[] sizes = new long[files.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      sizes[i] = size(files.get(i));
    }
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
    Object[] outcomes = new Object[files.size()];
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), order.length));
    Thread[] threads = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      threads[w] =
          new Thread(
              () -> {
                for (int k = next.getAndIncrement(); k < order.length; k = next.getAndIncrement()) {
                  int i = order[k];
                  outcomes[i] = readOne(files.get(i), reader, mapper);
                }
              },
              "rtds-read-" + w);
      threads[w].start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + directory, e);
      }
    }
    List<Read> read = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Object o : outcomes) {
      if (o instanceof Read r) {
        read.add(r);
      } else {
        skipped.add((Skipped) o);
      }
    }
    return new Contents(read, skipped);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static Object readOne(Path file, DicomReader reader, RtObjectMapper mapper) {
    try {
      DicomObject object = reader.read(file);
      return new Read(file, mapper.map(object));
    } catch (DicomParseException e) {
      return new Skipped(file, withoutFilePrefix(e.getMessage(), file));
    } catch (IOException e) {
      return new Skipped(file, "cannot be read: " + e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      return new Skipped(file, "unexpected error while reading: " + e);
    }
  }

  private static String withoutFilePrefix(String message, Path file) {
    String prefix = file + ": ";
    return message != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : String.valueOf(message);
  }
}

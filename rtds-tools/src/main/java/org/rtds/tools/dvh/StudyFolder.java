package org.rtds.tools.dvh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.RtObjectMapper;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.DicomReader;

/**
 * Reads every regular file under a folder (recursively, in path order) with {@link DicomReader} and
 * {@link RtObjectMapper}. Files that are not DICOM, not of a supported SOP class, or incomplete are
 * kept as {@link Skipped} with the reader's reason; they never stop the read. Files are read in
 * parallel on the common ForkJoin pool; the result keeps path order.
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
    DicomReader reader = new DicomReader();
    RtObjectMapper mapper = new RtObjectMapper();
    List<Object> outcomes = files.parallelStream().map(f -> readOne(f, reader, mapper)).toList();
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

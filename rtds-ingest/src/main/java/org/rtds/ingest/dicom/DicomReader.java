package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one DICOM object (a Part 10 file or a bare data set) into a {@link DicomObject}, and
 * accepts it only if it is complete and RTDS can ingest it.
 *
 * <p>Pixel data is kept as stored, not decompressed, so compressed objects the library cannot
 * decode (32-bit RLE RT Dose grids, JPEG-LS, …) are read and can be stored as sent. Transfer
 * syntaxes: implicit and explicit VR little endian, explicit VR big endian, deflated explicit VR
 * little endian, and encapsulated (compressed) pixel data.
 *
 * <p>The library reports some malformed input only in its log and returns what it read so far. The
 * reader therefore checks, after reading, that the whole input was parsed and that the last
 * attribute the library started was actually stored; then that the identifying attributes RTDS
 * needs are present (SOPClassUID, SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID, PatientID,
 * Modality) and that the SOP class is one of {@link SopClass}. Anything else is a {@link
 * DicomParseException} naming the problem. A NumberOfFrames above {@link PixelFrames#MAX_FRAMES} is
 * refused ({@link DicomParseException.Reason#TOO_LARGE}) before the pixel data is read, because the
 * library allocates per declared frame of encapsulated pixel data.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class DicomReader {

  /**
   * Whether Contour Data is taken out of the stream by {@link ContourDataCapture} and parsed by
   * RTDS (fast); tests compare both.
   */
  private final boolean captureContourData;

  /** Whether a CT image's Pixel Data is skipped (its length checked, its values not read). */
  private final boolean skipCtPixelData;

  /** A reader. */
  public DicomReader() {
    this(true, false);
  }

  DicomReader(boolean captureContourData) {
    this(captureContourData, false);
  }

  private DicomReader(boolean captureContourData, boolean skipCtPixelData) {
    this.captureContourData = captureContourData;
    this.skipCtPixelData = skipCtPixelData;
  }

  /**
   * Loads the DICOM library's dictionary and SOP class names now (about 0.2 s of static
   * initialisation) rather than while the first object received waits for its answer. Safe to call
   * from any thread, any number of times.
   */
  public static void warmUp() {
    AttributeList.getDictionary();
    SOPClassDescriptions.getDescriptionFromUID(SopClass.CT_IMAGE.uid());
  }

  /**
   * A reader for tools that need a CT image's attributes but not its pixels (the DVH and OVH
   * commands take the CT's geometry only): it stops at a CT Image's Pixel Data, checks that the
   * input holds as many bytes as the element declares, and does not parse them, which is most of
   * the work of reading a CT slice. The object's {@link DicomObject#pixelFrames()} then throws.
   * Every other object is read as {@link #DicomReader()} reads it.
   *
   * @return the reader
   */
  public static DicomReader withoutCtPixelData() {
    return new DicomReader(true, true);
  }

  /** Attributes every ingested object must have, in the order they are reported when missing. */
  static final List<DicomTag> REQUIRED =
      List.of(
          DicomTag.SOP_CLASS_UID,
          DicomTag.SOP_INSTANCE_UID,
          DicomTag.STUDY_INSTANCE_UID,
          DicomTag.SERIES_INSTANCE_UID,
          DicomTag.PATIENT_ID,
          DicomTag.MODALITY);

  static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

  /** Enough to hold the preamble and any realistic file meta information. */
  private static final int PREFIX_LENGTH = 16 * 1024;

  /**
   * The most the reader asks of its input in one read, bytes. PixelMed asks for a whole value at
   * once, whatever length the input declares, and the JDK reads a file channel into a heap array
   * through a temporary direct buffer of the requested size that each thread keeps for reuse: a
   * damaged or fuzzed length left tens of MiB outside the heap on every thread that read one.
   */
  static final int MAX_READ_BYTES = 64 * 1024;

  private static final int PREAMBLE_LENGTH = 128;

  private static final AttributeTag PIXEL_DATA_TAG = libraryTag(DicomTag.PIXEL_DATA);
  private static final AttributeTag FRAMES_TAG = libraryTag(DicomTag.NUMBER_OF_FRAMES);
  private static final AttributeTag SOP_CLASS = libraryTag(DicomTag.SOP_CLASS_UID);

  /** Explicit VRs with a 4-byte value length (PS3.5 7.1.2). */
  private static final Set<String> LONG_LENGTH_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  /**
   * Reads a DICOM file.
   *
   * @param file a DICOM Part 10 file, or a file holding a bare data set
   * @return the object, complete and of a supported SOP class
   * @throws IOException if the file cannot be read
   * @throws DicomParseException if the content is not a complete DICOM object RTDS can ingest; the
   *     message starts with the file name
   */
  public DicomObject read(Path file) throws IOException, DicomParseException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (DicomParseException e) {
      throw e.withPrefix(file + ": ");
    }
  }

  /**
   * Reads a DICOM object from a stream, to the stream's end. The stream is not closed.
   *
   * @param input a DICOM Part 10 file or a bare data set
   * @return the object, complete and of a supported SOP class
   * @throws IOException if reading the stream fails
   * @throws DicomParseException if the content is not a complete DICOM object RTDS can ingest
   */
  public DicomObject read(InputStream input) throws IOException, DicomParseException {
    Objects.requireNonNull(input, "input");
    SourceStream source = new SourceStream(input);
    try {
      return read(source, captureContourData, skipCtPixelData);
    } finally {
      source.release();
    }
  }

  private static DicomObject read(
      SourceStream source, boolean captureContourData, boolean skipCtPixelData)
      throws IOException, DicomParseException {
    Prefix prefix = Prefix.inspect(source.prefix());
    boolean deflated = DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(prefix.transferSyntaxUid());
    if (deflated && prefix.metaEnd() >= 0) {
      source.countInflatedBytesFrom(prefix.metaEnd());
    }

    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    LastTopLevelTag last = new LastTopLevelTag(skipCtPixelData && !deflated);
    ContourDataCapture capture =
        captureContourData
                && ContourDataCapture.appliesTo(prefix.transferSyntaxUid(), source.prefix())
            ? new ContourDataCapture(source, prefix.transferSyntaxUid())
            : null;
    BufferedInputStream buffered = new BufferedInputStream(capture != null ? capture : source);
    long parsed = -1;
    long skippedPixelDataLength = -1;
    Exception libraryFailure = null;
    String datasetTransferSyntax = null;
    try {
      DicomInputStream dicom = new DicomInputStream(buffered);
      parsed = list.read(dicom, last);
      TransferSyntax used = dicom.getTransferSyntaxToReadDataSet();
      datasetTransferSyntax = used == null ? null : used.getUID();
      if (last.stoppedAtCtPixelData) {
        skippedPixelDataLength = pixelDataValueLength(dicom, used);
      }
    } catch (DicomException | IOException | RuntimeException e) {
      libraryFailure = e;
    }
    // Read to the end: a stream is left consumed, and the input's length becomes known.
    long unread = buffered.transferTo(OutputStream.nullOutputStream());
    // A failure of the input itself is an I/O problem even where the library only logged it.
    if (source.failure() != null) {
      throw source.failure();
    }

    Position position = new Position(last, source.served(), deflated);
    if (libraryFailure instanceof TooManyFrames tooMany) {
      throw new DicomParseException(
          DicomParseException.Reason.TOO_LARGE,
          describe(FRAMES_TAG)
              + " is "
              + tooMany.frames
              + ", more than the "
              + PixelFrames.MAX_FRAMES
              + " frames RTDS reads");
    }
    if (libraryFailure != null) {
      throw libraryFailure(libraryFailure, prefix, list, position, unread);
    }
    if (last.stoppedAtCtPixelData) {
      checkSkippedPixelData(skippedPixelDataLength, unread);
    } else {
      checkComplete(list, parsed, prefix, source, position, unread);
    }
    return identify(
        list,
        transferSyntax(list, datasetTransferSyntax),
        capture == null ? List.of() : capture.values(),
        last.stoppedAtCtPixelData);
  }

  // --- completeness ---

  private static DicomParseException libraryFailure(
      Exception failure, Prefix prefix, AttributeList list, Position position, long unread) {
    String detail = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (!prefix.part10() && list.isEmpty()) {
      return new DicomParseException(
          DicomParseException.Reason.NOT_DICOM,
          "not a DICOM file: no 'DICM' marker at byte 128 and not readable as a data set without"
              + " preamble ("
              + detail
              + ")",
          failure);
    }
    if (failure instanceof EOFException || unread == 0) {
      return new DicomParseException(
          DicomParseException.Reason.TRUNCATED,
          "truncated DICOM data: the input ends "
              + position.inside()
              + "; "
              + position.size()
              + " ("
              + detail
              + ")",
          failure);
    }
    return new DicomParseException(
        DicomParseException.Reason.MALFORMED,
        "malformed DICOM data " + position.inside() + ": " + detail,
        failure);
  }

  private static void checkComplete(
      AttributeList list,
      long parsed,
      Prefix prefix,
      SourceStream source,
      Position position,
      long unread)
      throws DicomParseException {
    long expected = position.total();
    if (position.deflated()) {
      if (prefix.metaEnd() < 0 || source.inflateFailed()) {
        throw new DicomParseException(
            DicomParseException.Reason.MALFORMED,
            "malformed DICOM data: the deflated data set cannot be checked for completeness ("
                + (source.inflateFailed()
                    ? "its deflate stream is corrupt"
                    : "file meta information longer than " + PREFIX_LENGTH + " bytes")
                + ")");
      }
      // For a deflated data set the library counts inflated bytes only, not the file header.
      expected = source.inflatedBytes();
    }
    // The library logs a failed attribute and returns; the attribute is then missing from the list.
    boolean lastDropped = position.tag() != null && list.get(position.tag()) == null;
    if (lastDropped || parsed < expected) {
      if (unread == 0) {
        throw new DicomParseException(
            DicomParseException.Reason.TRUNCATED,
            "truncated DICOM data: the input ends " + position.inside() + "; " + position.size());
      }
      throw new DicomParseException(
          DicomParseException.Reason.MALFORMED,
          "malformed DICOM data: parsing stopped "
              + position.inside()
              + "; "
              + unread
              + " bytes of the input were left unread");
    }
    if (position.deflated() && !source.inflateFinished()) {
      throw new DicomParseException(
          DicomParseException.Reason.TRUNCATED,
          "truncated DICOM data: the input ends before the end of the deflated data set, after "
              + source.served()
              + " bytes");
    }
  }

  /**
   * After a stop at Pixel Data's tag: reads the rest of its element header (explicit VR: VR, two
   * reserved bytes and a 4-byte length; implicit VR: the 4-byte length).
   *
   * @return the declared value length, 0xFFFFFFFF for undefined (encapsulated pixel data)
   */
  private static long pixelDataValueLength(DicomInputStream dicom, TransferSyntax syntax)
      throws IOException {
    boolean explicit = syntax == null || syntax.isExplicitVR();
    byte[] header = new byte[explicit ? 8 : 4];
    dicom.readInsistently(header, 0, header.length);
    int at = explicit ? 4 : 0;
    long length = 0;
    for (int k = 0; k < 4; k++) {
      int b = header[at + (syntax != null && syntax.isBigEndian() ? 3 - k : k)] & 0xFF;
      length |= (long) b << (8 * k);
    }
    return length;
  }

  /** A skipped Pixel Data must still be whole: the input holds at least its declared length. */
  private static void checkSkippedPixelData(long declared, long unread) throws DicomParseException {
    if (declared != 0xFFFFFFFFL && unread < declared) {
      throw new DicomParseException(
          DicomParseException.Reason.TRUNCATED,
          "truncated DICOM data: the input ends inside "
              + describe(PIXEL_DATA_TAG)
              + " after "
              + unread
              + " of its "
              + declared
              + " bytes");
    }
  }

  // --- identity ---

  private static DicomObject identify(
      AttributeList list,
      String transferSyntaxUid,
      List<byte[]> contourData,
      boolean pixelDataSkipped)
      throws DicomParseException {
    List<DicomTag> missing = new ArrayList<>();
    for (DicomTag tag : REQUIRED) {
      if (value(list, tag).isEmpty()) {
        missing.add(tag);
      }
    }
    Optional<String> sopClassUid = value(list, DicomTag.SOP_CLASS_UID);
    String where = "";
    if (sopClassUid.isPresent()) {
      String uid = sopClassUid.get();
      SopClass sopClass = SopClass.fromUid(uid, SOPClassDescriptions.getDescriptionFromUID(uid));
      where = " in " + sopClass.displayName() + " object";
      if (missing.isEmpty()) {
        return DicomObject.topLevel(
            list,
            sopClass,
            value(list, DicomTag.SOP_INSTANCE_UID).orElseThrow(),
            transferSyntaxUid,
            contourData,
            pixelDataSkipped);
      }
    }
    throw DicomParseException.missing(missing, where);
  }

  private static String transferSyntax(AttributeList list, String datasetTransferSyntax) {
    return value(list, DicomTag.TRANSFER_SYNTAX_UID)
        .or(() -> Optional.ofNullable(datasetTransferSyntax))
        .orElse(IMPLICIT_VR_LITTLE_ENDIAN);
  }

  private static Optional<String> value(AttributeList list, DicomTag tag) {
    var attribute = list.get(libraryTag(tag));
    if (attribute == null) {
      return Optional.empty();
    }
    String value = attribute.getSingleStringValueOrNull();
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = DicomObject.trimValue(value);
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  static AttributeTag libraryTag(DicomTag tag) {
    return new AttributeTag(tag.group(), tag.element());
  }

  static String describe(AttributeTag tag) {
    String keyword = AttributeList.getDictionary().getNameFromTag(tag);
    String name = keyword == null ? "unknown attribute" : keyword;
    return name + " (" + DicomTag.hex(tag.getGroup()) + "," + DicomTag.hex(tag.getElement()) + ")";
  }

  // --- input inspection ---

  /**
   * What the first bytes say: Part 10 or bare data set, end of the file meta information, transfer
   * syntax.
   *
   * @param part10 whether {@code DICM} sits at byte 128
   * @param metaEnd byte offset where the data set starts after the file meta information (0 if
   *     there is none, -1 if not found in the prefix)
   * @param transferSyntaxUid (0002,0010) from the file meta information, or null
   */
  private record Prefix(boolean part10, long metaEnd, String transferSyntaxUid) {

    static Prefix inspect(byte[] bytes) throws DicomParseException {
      if (bytes.length == 0) {
        throw notDicom("the input is empty (0 bytes)");
      }
      boolean part10 =
          bytes.length >= PREAMBLE_LENGTH + 4
              && bytes[PREAMBLE_LENGTH] == 'D'
              && bytes[PREAMBLE_LENGTH + 1] == 'I'
              && bytes[PREAMBLE_LENGTH + 2] == 'C'
              && bytes[PREAMBLE_LENGTH + 3] == 'M';
      int start = part10 ? PREAMBLE_LENGTH + 4 : 0;
      if (!part10) {
        if (bytes.length < 8) {
          throw notDicom("only " + bytes.length + " bytes, too short for a DICOM data set");
        }
        int group = uint16(bytes, 0);
        // A data set without preamble starts with its lowest group: file meta (0002) or
        // identification (0008).
        if (group != 0x0002 && group != 0x0008) {
          throw notDicom(
              "no 'DICM' marker at byte 128, and the data does not start with a group 0002 or 0008"
                  + " attribute as a data set without preamble does (first bytes: "
                  + showBytes(bytes, 8)
                  + ")");
        }
      }
      return readMeta(bytes, start, part10);
    }

    /**
     * Walks the file meta information (always explicit VR little endian) as far as the prefix holds
     * it.
     */
    private static Prefix readMeta(byte[] bytes, int start, boolean part10) {
      int position = start;
      String transferSyntax = null;
      while (position + 8 <= bytes.length && uint16(bytes, position) == 0x0002) {
        int element = uint16(bytes, position + 2);
        String vr = new String(bytes, position + 4, 2, StandardCharsets.US_ASCII);
        int header;
        long length;
        if (LONG_LENGTH_VRS.contains(vr)) {
          if (position + 12 > bytes.length) {
            return new Prefix(part10, -1, transferSyntax);
          }
          header = 12;
          length = uint32(bytes, position + 8);
        } else {
          header = 8;
          length = uint16(bytes, position + 6);
        }
        if (position + header + length > bytes.length) {
          return new Prefix(part10, -1, transferSyntax);
        }
        if (element == 0x0010) {
          transferSyntax =
              DicomObject.trimValue(
                  new String(bytes, position + header, (int) length, StandardCharsets.US_ASCII));
        }
        position += header + (int) length;
      }
      return new Prefix(part10, position, transferSyntax);
    }

    private static DicomParseException notDicom(String why) {
      return new DicomParseException(
          DicomParseException.Reason.NOT_DICOM, "not a DICOM file: " + why);
    }

    private static String showBytes(byte[] bytes, int count) {
      StringBuilder hex = new StringBuilder();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < Math.min(count, bytes.length); i++) {
        int b = bytes[i] & 0xFF;
        hex.append(i == 0 ? "" : " ").append(String.format("%02X", b));
        text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
      }
      return hex + " '" + text + "'";
    }

    private static int uint16(byte[] bytes, int at) {
      return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long uint32(byte[] bytes, int at) {
      return (long) uint16(bytes, at) | (long) uint16(bytes, at + 2) << 16;
    }
  }

  /**
   * Remembers the last top-level attribute the library started to read, and where; stops the read
   * before PixelData if NumberOfFrames is too large.
   */
  private static final class LastTopLevelTag implements AttributeList.ReadTerminationStrategy {
    private final boolean stopAtCtPixelData;
    private AttributeTag tag;
    private long offsetAfterTag;
    private boolean stoppedAtCtPixelData;

    LastTopLevelTag(boolean stopAtCtPixelData) {
      this.stopAtCtPixelData = stopAtCtPixelData;
    }

    @Override
    public boolean terminate(AttributeList list, AttributeTag tag, long byteOffset) {
      this.tag = tag;
      this.offsetAfterTag = byteOffset;
      if (PIXEL_DATA_TAG.equals(tag)
          && stopAtCtPixelData
          && SopClass.CT_IMAGE
              .uid()
              .equals(Attribute.getSingleStringValueOrNull(list, SOP_CLASS))) {
        stoppedAtCtPixelData = true;
        return true;
      }
      if (PIXEL_DATA_TAG.equals(tag)) {
        // For encapsulated pixel data the library allocates an array of the declared number of
        // frames before it reads any (2 000 000 000 frames: out of memory). Stop before that.
        var numberOfFrames = list.get(FRAMES_TAG);
        int frames = numberOfFrames == null ? 1 : numberOfFrames.getSingleIntegerValueOrDefault(1);
        if (frames > PixelFrames.MAX_FRAMES) {
          throw new TooManyFrames(frames);
        }
      }
      return false;
    }
  }

  /** Thrown through the library to stop a read whose NumberOfFrames is beyond the limit. */
  private static final class TooManyFrames extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int frames;

    TooManyFrames(int frames) {
      super("NumberOfFrames " + frames + " exceeds " + PixelFrames.MAX_FRAMES, null, false, false);
      this.frames = frames;
    }
  }

  /** Where parsing stopped, for messages. */
  private record Position(AttributeTag tag, long tagOffset, long total, boolean deflated) {

    Position(LastTopLevelTag last, long total, boolean deflated) {
      this(last.tag, last.offsetAfterTag - 4, total, deflated);
    }

    /** E.g. "inside BeamSequence (300A,00B0) or one of its items, which starts at byte 1410". */
    String inside() {
      if (tag == null) {
        return "before the first attribute";
      }
      byte[] vr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
      boolean sequence = vr != null && ValueRepresentation.isSequenceVR(vr);
      return "inside "
          + describe(tag)
          + (sequence ? " or one of its items" : "")
          + ", which starts at byte "
          + tagOffset
          + (deflated ? " of the inflated data set" : "");
    }

    /** E.g. "the input has 2129 bytes". */
    String size() {
      return "the input has " + total + " bytes" + (deflated ? " (deflated)" : "");
    }
  }

  /**
   * The raw input: keeps its first bytes for inspection, counts what it serves, records failures of
   * the underlying stream (to tell them from parse problems), and for a deflated data set counts
   * the inflated length alongside the library.
   */
  private static final class SourceStream extends InputStream {
    private final InputStream in;
    private final byte[] prefix;
    private int prefixPosition;
    private long served;
    private IOException failure;
    private Inflater inflater;
    private long inflateFrom;
    private boolean inflateFailed;
    private byte[] inflateBuffer;

    SourceStream(InputStream in) throws IOException {
      this.in = in;
      this.prefix = in.readNBytes(PREFIX_LENGTH);
    }

    byte[] prefix() {
      return prefix;
    }

    long served() {
      return served;
    }

    IOException failure() {
      return failure;
    }

    void countInflatedBytesFrom(long offset) {
      inflater = new Inflater(true);
      inflateFrom = offset;
      inflateBuffer = new byte[8192];
    }

    boolean inflateFailed() {
      return inflateFailed;
    }

    boolean inflateFinished() {
      return inflater != null && inflater.finished();
    }

    long inflatedBytes() {
      return inflater == null ? 0 : inflater.getBytesWritten();
    }

    /**
     * Frees the inflater's native memory; the underlying stream stays open (the caller owns it).
     */
    void release() {
      if (inflater != null) {
        inflater.end();
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      int n;
      if (prefixPosition < prefix.length) {
        n = Math.min(length, prefix.length - prefixPosition);
        System.arraycopy(prefix, prefixPosition, buffer, offset, n);
        prefixPosition += n;
      } else {
        try {
          n = in.read(buffer, offset, Math.min(length, MAX_READ_BYTES));
        } catch (IOException e) {
          failure = e;
          throw e;
        }
        if (n < 0) {
          return -1;
        }
      }
      inflate(buffer, offset, n);
      served += n;
      return n;
    }

    private void inflate(byte[] buffer, int offset, int length) {
      if (inflater == null || inflateFailed || inflater.finished()) {
        return;
      }
      long skip = Math.max(0, inflateFrom - served);
      if (skip >= length) {
        return;
      }
      inflater.setInput(buffer, offset + (int) skip, length - (int) skip);
      try {
        while (!inflater.needsInput() && !inflater.finished()) {
          if (inflater.inflate(inflateBuffer) == 0
              && (inflater.needsDictionary() || !inflater.needsInput())) {
            inflateFailed = !inflater.finished();
            return;
          }
        }
      } catch (DataFormatException e) {
        inflateFailed = true;
      }
    }
  }
}

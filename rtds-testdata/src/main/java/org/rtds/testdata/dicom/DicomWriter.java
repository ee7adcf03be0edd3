package org.rtds.testdata.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes DICOM Part 10 files (PS3.10 §7.1): a 128-byte zero preamble, {@code DICM}, the group 0002
 * File Meta Information in Explicit VR Little Endian with a computed (0002,0000)
 * FileMetaInformationGroupLength, then the data set in the chosen {@link TransferSyntax}.
 *
 * <p>Encoding rules applied (PS3.5 §6.2, §7): every value has even length (text padded with a
 * space, UI and OB with NUL); explicit-VR headers use the 2-byte or 4-byte length form per VR; a
 * 2-byte-length value longer than 65534 bytes is rejected rather than truncated; sequences and
 * items are written with defined lengths or with undefined lengths and (FFFE,E00D)/(FFFE,E0DD)
 * delimiters ({@link SequenceLength}). With {@link TransferSyntax#RLE_LOSSLESS}, native pixel data
 * is RLE-compressed on the fly ({@link RleCodec}) and encapsulated: (7FE0,0010) OB of undefined
 * length, a basic offset table item with one offset per frame, one fragment per frame and a
 * sequence delimiter (PS3.5 §A.4).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DicomWriter {

  /** How sequences and items are delimited. */
  public enum SequenceLength {
    /** Explicit byte lengths on every sequence and item. */
    DEFINED,
    /** Length 0xFFFFFFFF and Item/Sequence Delimitation Items. */
    UNDEFINED
  }

  static final int ITEM = 0xFFFEE000;
  static final int ITEM_DELIMITATION = 0xFFFEE00D;
  static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
  static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

  /** Length of the zero preamble before {@code DICM}. */
  public static final int PREAMBLE_BYTES = 128;

  private final TransferSyntax transferSyntax;
  private final SequenceLength sequenceLength;

  /** Explicit VR Little Endian with defined-length sequences. */
  public DicomWriter() {
    this(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED);
  }

  /** A writer for the given transfer syntax and sequence delimiting. */
  public DicomWriter(TransferSyntax transferSyntax, SequenceLength sequenceLength) {
    this.transferSyntax = transferSyntax;
    this.sequenceLength = sequenceLength;
  }

  /** The transfer syntax of the data sets this writer writes. */
  public TransferSyntax transferSyntax() {
    return transferSyntax;
  }

  /** The sequence delimiting of this writer. */
  public SequenceLength sequenceLength() {
    return sequenceLength;
  }

  /**
   * Writes {@code dataset} as a Part 10 file. The meta information's SOP class and instance UIDs
   * are taken from (0008,0016) SOPClassUID and (0008,0018) SOPInstanceUID, which must be present.
   * Parent directories are created.
   */
  public void write(Dataset dataset, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toBytes(dataset));
    }
  }

  /** The complete Part 10 file as bytes: preamble, {@code DICM}, meta information and data set. */
  public byte[] toBytes(Dataset dataset) {
    String sopClass = dataset.getString(Tag.SOPClassUID);
    String sopInstance = dataset.getString(Tag.SOPInstanceUID);
    if (sopClass == null || sopInstance == null) {
      throw new IllegalArgumentException(
          "SOPClassUID and SOPInstanceUID are required in the data set");
    }
    byte[] body = encodeDataset(dataset);
    LittleEndianBuffer out = new LittleEndianBuffer(body.length + 512);
    out.write(new byte[PREAMBLE_BYTES]);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    out.write(fileMetaInformation(sopClass, sopInstance, transferSyntax));
    out.write(body);
    return out.toByteArray();
  }

  /**
   * The group 0002 elements, always Explicit VR Little Endian, starting with (0002,0000)
   * FileMetaInformationGroupLength = the byte count of the elements that follow it.
   */
  public static byte[] fileMetaInformation(
      String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax) {
    Dataset meta = new Dataset();
    meta.putBytes(Tag.FileMetaInformationVersion, Vr.OB, new byte[] {0, 1});
    meta.put(Tag.MediaStorageSOPClassUID, sopClassUid);
    meta.put(Tag.MediaStorageSOPInstanceUID, sopInstanceUid);
    meta.put(Tag.TransferSyntaxUID, transferSyntax.uid());
    meta.put(Tag.ImplementationClassUID, Uids.IMPLEMENTATION_CLASS_UID);
    meta.put(Tag.ImplementationVersionName, Uids.IMPLEMENTATION_VERSION_NAME);
    DicomWriter explicit =
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED);
    byte[] rest = explicit.encodeDataset(meta);
    Dataset groupLength = new Dataset().putInt(Tag.FileMetaInformationGroupLength, rest.length);
    LittleEndianBuffer out = new LittleEndianBuffer(rest.length + 12);
    out.write(explicit.encodeDataset(groupLength));
    out.write(rest);
    return out.toByteArray();
  }

  /** The data set alone (no preamble or meta information), in this writer's transfer syntax. */
  public byte[] encodeDataset(Dataset dataset) {
    LittleEndianBuffer out = new LittleEndianBuffer(4096);
    writeElements(dataset, out);
    return out.toByteArray();
  }

  private void writeElements(Dataset dataset, LittleEndianBuffer out) {
    for (Dataset.Element e : dataset.elements()) {
      writeElement(dataset, e, out);
    }
  }

  private void writeElement(Dataset dataset, Dataset.Element e, LittleEndianBuffer out) {
    boolean explicit = transferSyntax.explicitVr() || (e.tag() >>> 16) == 0x0002;
    Object value = e.value();
    if (value instanceof List<?> items) {
      writeSequence(e.tag(), items, explicit, out);
      return;
    }
    if (e.tag() == Tag.PixelData.number() && transferSyntax.encapsulated()) {
      List<byte[]> frames;
      if (value instanceof Dataset.EncapsulatedFrames enc) {
        frames = enc.frames();
      } else {
        frames = rleFrames(dataset, (byte[]) value);
      }
      writeEncapsulated(frames, out);
      return;
    }
    if (value instanceof Dataset.EncapsulatedFrames) {
      throw new IllegalStateException(
          "Encapsulated pixel data needs an encapsulated transfer syntax, not " + transferSyntax);
    }
    byte[] bytes = valueBytes(e);
    if (bytes.length % 2 != 0 && !e.vr().isText() && e.vr() != Vr.OB && e.vr() != Vr.UN) {
      throw new IllegalArgumentException(
          Tag.format(e.tag()) + " " + e.vr() + " value has odd length " + bytes.length);
    }
    int padded = bytes.length + (bytes.length % 2);
    writeHeader(e.tag(), e.vr(), padded, explicit, out);
    out.write(bytes);
    if (padded != bytes.length) {
      out.writeByte(e.vr().paddingByte());
    }
  }

  private static byte[] valueBytes(Dataset.Element e) {
    if (e.value() instanceof String s) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
    return (byte[]) e.value();
  }

  private void writeSequence(int tag, List<?> items, boolean explicit, LittleEndianBuffer out) {
    if (sequenceLength == SequenceLength.UNDEFINED) {
      writeHeader(tag, Vr.SQ, UNDEFINED_LENGTH, explicit, out);
      for (Object item : items) {
        out.writeTag(ITEM);
        out.writeUint32(UNDEFINED_LENGTH);
        writeElements((Dataset) item, out);
        out.writeTag(ITEM_DELIMITATION);
        out.writeUint32(0);
      }
      out.writeTag(SEQUENCE_DELIMITATION);
      out.writeUint32(0);
    } else {
      LittleEndianBuffer content = new LittleEndianBuffer(1024);
      for (Object item : items) {
        LittleEndianBuffer itemContent = new LittleEndianBuffer(1024);
        writeElements((Dataset) item, itemContent);
        content.writeTag(ITEM);
        content.writeUint32(itemContent.size());
        content.write(itemContent);
      }
      writeHeader(tag, Vr.SQ, content.size(), explicit, out);
      out.write(content);
    }
  }

  private static List<byte[]> rleFrames(Dataset dataset, byte[] nativeBytes) {
    long samplesPerPixel = dataset.getInt(Tag.SamplesPerPixel, 1);
    if (samplesPerPixel != 1) {
      throw new IllegalArgumentException("RLE: only SamplesPerPixel 1 is supported");
    }
    int rows = (int) dataset.getInt(Tag.Rows, -1);
    int columns = (int) dataset.getInt(Tag.Columns, -1);
    int bits = (int) dataset.getInt(Tag.BitsAllocated, -1);
    int frames = (int) dataset.getInt(Tag.NumberOfFrames, 1);
    if (rows <= 0 || columns <= 0 || bits <= 0) {
      throw new IllegalArgumentException("RLE: Rows, Columns and BitsAllocated are required");
    }
    return RleCodec.encodeFrames(nativeBytes, rows, columns, bits, frames);
  }

  /**
   * PS3.5 §A.4: OB, undefined length, basic offset table item, one even-length item per frame,
   * delimiter.
   */
  private static void writeEncapsulated(List<byte[]> frames, LittleEndianBuffer out) {
    writeHeader(Tag.PixelData.number(), Vr.OB, UNDEFINED_LENGTH, true, out);
    out.writeTag(ITEM);
    out.writeUint32(4L * frames.size());
    long offset = 0;
    for (byte[] f : frames) {
      out.writeUint32(offset);
      offset += 8 + f.length + (f.length % 2);
    }
    if (offset > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("Encapsulated pixel data exceeds 4 GiB");
    }
    for (byte[] f : frames) {
      out.writeTag(ITEM);
      out.writeUint32(f.length + (f.length % 2));
      out.write(f);
      if (f.length % 2 != 0) {
        out.writeByte((byte) 0);
      }
    }
    out.writeTag(SEQUENCE_DELIMITATION);
    out.writeUint32(0);
  }

  private static void writeHeader(
      int tag, Vr vr, long length, boolean explicit, LittleEndianBuffer out) {
    out.writeTag(tag);
    if (!explicit) {
      out.writeUint32(length);
      return;
    }
    out.writeByte((byte) vr.name().charAt(0));
    out.writeByte((byte) vr.name().charAt(1));
    if (vr.hasLongLength()) {
      out.writeUint16(0);
      out.writeUint32(length);
    } else {
      if (length > 0xFFFE) {
        throw new IllegalArgumentException(
            Tag.format(tag)
                + " "
                + vr
                + " value of "
                + length
                + " bytes does not fit the 16-bit length of explicit VR");
      }
      out.writeUint16((int) length);
    }
  }

  /** A growable little-endian byte buffer. */
  static final class LittleEndianBuffer extends ByteArrayOutputStream {
    LittleEndianBuffer(int capacity) {
      super(capacity);
    }

    void writeByte(byte b) {
      write(b);
    }

    void writeUint16(int v) {
      write(v);
      write(v >>> 8);
    }

    void writeUint32(long v) {
      write((int) v);
      write((int) (v >>> 8));
      write((int) (v >>> 16));
      write((int) (v >>> 24));
    }

    void writeTag(int tag) {
      writeUint16(tag >>> 16);
      writeUint16(tag & 0xFFFF);
    }

    @Override
    public void write(byte[] b) {
      write(b, 0, b.length);
    }

    void write(LittleEndianBuffer other) {
      write(other.buf, 0, other.count);
    }
  }
}

package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherLongAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnknownAttribute;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the PixelData of a {@link DicomObject} into {@link PixelFrames}: checks the Image Pixel
 * attributes, bounds the size, then reads native pixel data in the transfer syntax's byte order or
 * decodes RLE Lossless frames with {@link RleLosslessDecoder}.
 */
final class PixelDataDecoder {

  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

  /** Transfer syntaxes whose pixel data is native (not encapsulated). */
  private static final Set<String> NATIVE =
      Set.of(
          DicomReader.IMPLICIT_VR_LITTLE_ENDIAN,
          EXPLICIT_VR_LITTLE_ENDIAN,
          DicomReader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
          EXPLICIT_VR_BIG_ENDIAN);

  private PixelDataDecoder() {}

  /** The checked Image Pixel attributes. */
  private record Layout(
      int rows,
      int columns,
      int frames,
      int bitsAllocated,
      int bitsStored,
      boolean signed,
      String where) {

    int bytesPerSample() {
      return bitsAllocated / 8;
    }

    int valuesPerFrame() {
      return rows * columns;
    }

    String size() {
      return "Rows × Columns × NumberOfFrames = " + rows + " × " + columns + " × " + frames;
    }
  }

  static PixelFrames decode(DicomObject object, Attribute pixelData, String transferSyntaxUid)
      throws DicomParseException {
    String where = " in " + object;
    if (pixelData == null || pixelData.getVL() == 0) {
      throw DicomParseException.missing(List.of(DicomTag.PIXEL_DATA), where);
    }
    boolean rle = RleLosslessDecoder.TRANSFER_SYNTAX_UID.equals(transferSyntaxUid);
    if (!rle && !NATIVE.contains(transferSyntaxUid)) {
      String description = new TransferSyntax(transferSyntaxUid).getDescription();
      String named =
          description == null || description.isBlank() || description.equals("Unrecognized")
              ? ""
              : " (" + description + ")";
      throw new DicomParseException(
          DicomParseException.Reason.UNSUPPORTED_ENCODING,
          "pixel data in transfer syntax "
              + transferSyntaxUid
              + named
              + " cannot be decoded: RTDS decodes native (uncompressed) pixel data and RLE Lossless"
              + " ("
              + RleLosslessDecoder.TRANSFER_SYNTAX_UID
              + ")"
              + where);
    }
    Layout layout = layout(object, where);
    int[][] frames;
    if (rle) {
      if (!(pixelData instanceof OtherByteAttributeMultipleCompressedFrames encapsulated)) {
        throw new DicomParseException(
            DicomParseException.Reason.MALFORMED,
            "the transfer syntax is RLE Lossless but PixelData (7FE0,0010) is not encapsulated"
                + where);
      }
      frames = decodeRle(encapsulated, layout);
    } else {
      if (pixelData instanceof OtherByteAttributeMultipleCompressedFrames) {
        throw new DicomParseException(
            DicomParseException.Reason.MALFORMED,
            "PixelData (7FE0,0010) is encapsulated, but transfer syntax "
                + transferSyntaxUid
                + " has native pixel data"
                + where);
      }
      frames = readNative(pixelData, layout, TransferSyntax.isBigEndian(transferSyntaxUid), where);
    }
    for (int[] frame : frames) {
      normalize(frame, layout);
    }
    return new PixelFrames(
        layout.rows(),
        layout.columns(),
        layout.bitsAllocated(),
        layout.bitsStored(),
        layout.signed(),
        frames);
  }

  // --- attributes ---

  private static Layout layout(DicomObject object, String where) throws DicomParseException {
    int samplesPerPixel = object.requiredInt(DicomTag.SAMPLES_PER_PIXEL);
    if (samplesPerPixel != 1) {
      throw unsupported(
          DicomTag.SAMPLES_PER_PIXEL
              + " is "
              + samplesPerPixel
              + ": RTDS reads single-sample (greyscale) pixel data only",
          where);
    }
    String photometric = object.string(DicomTag.PHOTOMETRIC_INTERPRETATION).orElse("MONOCHROME2");
    if (!photometric.equals("MONOCHROME2") && !photometric.equals("MONOCHROME1")) {
      throw unsupported(
          DicomTag.PHOTOMETRIC_INTERPRETATION
              + " is "
              + photometric
              + ": RTDS reads MONOCHROME1 and MONOCHROME2 pixel data only",
          where);
    }
    int bitsAllocated = object.requiredInt(DicomTag.BITS_ALLOCATED);
    if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw unsupported(
          DicomTag.BITS_ALLOCATED + " is " + bitsAllocated + ": RTDS reads 8, 16 and 32 bits",
          where);
    }
    int bitsStored = object.requiredInt(DicomTag.BITS_STORED);
    if (bitsStored < 1 || bitsStored > bitsAllocated) {
      throw invalid(
          DicomTag.BITS_STORED
              + " is "
              + bitsStored
              + ", outside 1 to BitsAllocated ("
              + bitsAllocated
              + ")",
          where);
    }
    OptionalInt highBit = object.optionalInt(DicomTag.HIGH_BIT);
    if (highBit.isPresent() && highBit.getAsInt() != bitsStored - 1) {
      throw unsupported(
          DicomTag.HIGH_BIT
              + " is "
              + highBit.getAsInt()
              + ": RTDS reads values stored in the low bits (HighBit = BitsStored − 1 = "
              + (bitsStored - 1)
              + ")",
          where);
    }
    int pixelRepresentation = object.requiredInt(DicomTag.PIXEL_REPRESENTATION);
    if (pixelRepresentation != 0 && pixelRepresentation != 1) {
      throw invalid(
          DicomTag.PIXEL_REPRESENTATION
              + " is "
              + pixelRepresentation
              + " where 0 (unsigned) or 1 (signed) was expected",
          where);
    }
    int rows = positive(DicomTag.ROWS, object.requiredInt(DicomTag.ROWS), where);
    int columns = positive(DicomTag.COLUMNS, object.requiredInt(DicomTag.COLUMNS), where);
    int frames =
        positive(
            DicomTag.NUMBER_OF_FRAMES,
            object.optionalInt(DicomTag.NUMBER_OF_FRAMES).orElse(1),
            where);
    Layout layout =
        new Layout(
            rows, columns, frames, bitsAllocated, bitsStored, pixelRepresentation == 1, where);
    if (frames > PixelFrames.MAX_FRAMES) {
      throw new DicomParseException(
          DicomParseException.Reason.TOO_LARGE,
          DicomTag.NUMBER_OF_FRAMES
              + " is "
              + frames
              + ", more than the "
              + PixelFrames.MAX_FRAMES
              + " frames RTDS reads"
              + where);
    }
    long values = (long) rows * columns * frames;
    if (values > PixelFrames.MAX_VALUES) {
      throw new DicomParseException(
          DicomParseException.Reason.TOO_LARGE,
          "the pixel data would hold "
              + layout.size()
              + " = "
              + values
              + " values, more than the "
              + PixelFrames.MAX_VALUES
              + " RTDS reads"
              + where);
    }
    return layout;
  }

  private static int positive(DicomTag tag, int value, String where) throws DicomParseException {
    if (value < 1) {
      throw invalid(tag + " is " + value + " where at least 1 was expected", where);
    }
    return value;
  }

  // --- RLE ---

  private static int[][] decodeRle(
      OtherByteAttributeMultipleCompressedFrames pixelData, Layout layout)
      throws DicomParseException {
    int count = pixelData.getNumberOfFrames();
    if (count != layout.frames()) {
      throw new DicomParseException(
          DicomParseException.Reason.MALFORMED,
          "RLE Lossless pixel data has "
              + count
              + " frames where NumberOfFrames (0028,0008) is "
              + layout.frames()
              + layout.where());
    }
    RleLosslessDecoder decoder =
        new RleLosslessDecoder(
            layout.rows(), layout.columns(), layout.bytesPerSample(), count, layout.where());
    int[][] frames = new int[count][];
    for (int f = 0; f < count; f++) {
      byte[] frame;
      try {
        frame = pixelData.getByteValuesForSelectedFrame(f);
      } catch (DicomException | RuntimeException e) {
        throw new DicomParseException(
            DicomParseException.Reason.MALFORMED,
            "RLE Lossless pixel data, frame " + (f + 1) + " cannot be read" + layout.where(),
            e);
      }
      frames[f] = decoder.decode(frame, f);
    }
    return frames;
  }

  // --- native ---

  /**
   * Reads native pixel data. The library holds OW and OL values as 16- and 32-bit numbers already
   * swapped to the machine's order; they are turned back into the bytes as stored, then read in the
   * transfer syntax's byte order. So 32-bit values of a big endian object are read as 32-bit big
   * endian numbers whether the writer labelled them OW or OL (pydicom writes OW). 8-bit pixels in
   * OW are packed two to a 16-bit word, the first in the low byte, in either byte order (PS3.5
   * 8.1.1 and Annex D).
   */
  private static int[][] readNative(
      Attribute pixelData, Layout layout, boolean bigEndian, String where)
      throws DicomParseException {
    byte[] bytes;
    try {
      if (pixelData instanceof OtherWordAttribute || pixelData instanceof OtherLongAttribute) {
        bytes = pixelData.getByteValues(bigEndian && layout.bitsAllocated() > 8);
      } else if (pixelData instanceof OtherByteAttribute || pixelData instanceof UnknownAttribute) {
        bytes = pixelData.getByteValues();
      } else {
        throw invalid(
            "PixelData (7FE0,0010) has VR "
                + pixelData.getVRAsString()
                + ", where OB, OW or OL was expected",
            where);
      }
    } catch (DicomException | RuntimeException e) {
      throw new DicomParseException(
          DicomParseException.Reason.MALFORMED, "PixelData (7FE0,0010) cannot be read" + where, e);
    }
    int bytesPerSample = layout.bytesPerSample();
    long expected = (long) layout.valuesPerFrame() * layout.frames() * bytesPerSample;
    long length = bytes == null ? 0 : bytes.length;
    // An odd length is padded to even with one byte (PS3.5 8.1.1).
    if (length != expected && !(expected % 2 == 1 && length == expected + 1)) {
      throw invalid(
          "PixelData (7FE0,0010) has "
              + length
              + " bytes where "
              + layout.size()
              + " × "
              + bytesPerSample
              + " bytes = "
              + expected
              + " were expected",
          where);
    }
    int perFrame = layout.valuesPerFrame();
    int[][] frames = new int[layout.frames()][perFrame];
    int at = 0;
    for (int[] frame : frames) {
      for (int i = 0; i < perFrame; i++, at += bytesPerSample) {
        frame[i] = sample(bytes, at, bytesPerSample, bigEndian);
      }
    }
    return frames;
  }

  private static int sample(byte[] bytes, int at, int size, boolean bigEndian) {
    switch (size) {
      case 1:
        return bytes[at] & 0xFF;
      case 2:
        return bigEndian
            ? (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF)
            : (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
      default:
        return bigEndian
            ? (bytes[at] & 0xFF) << 24
                | (bytes[at + 1] & 0xFF) << 16
                | (bytes[at + 2] & 0xFF) << 8
                | (bytes[at + 3] & 0xFF)
            : (bytes[at] & 0xFF)
                | (bytes[at + 1] & 0xFF) << 8
                | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }
  }

  /**
   * Keeps the BitsStored low bits of each zero-extended cell value, sign-extended if signed. Bits
   * above HighBit may hold anything (overlays in old files); they are not part of the value.
   */
  private static void normalize(int[] frame, Layout layout) {
    int unused = 32 - layout.bitsStored();
    if (unused == 0) {
      return;
    }
    for (int i = 0; i < frame.length; i++) {
      int shifted = frame[i] << unused;
      frame[i] = layout.signed() ? shifted >> unused : shifted >>> unused;
    }
  }

  private static DicomParseException unsupported(String problem, String where) {
    return new DicomParseException(
        DicomParseException.Reason.UNSUPPORTED_ENCODING, problem + where);
  }

  private static DicomParseException invalid(String problem, String where) {
    return new DicomParseException(DicomParseException.Reason.INVALID_VALUE, problem + where);
  }
}

package org.rtds.ingest.dicom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the values of Contour Data (3006,0050) out of an RT Structure Set while PixelMed reads it,
 * and shows PixelMed a short binary placeholder instead: RTDS parses the coordinates itself ({@link
 * DicomObject#doubles}, {@link DicomObject#strings}).
 *
 * <p>Why: nearly all of a structure set's bytes are Contour Data, and PixelMed's text handling
 * costs far more than the parsing: read as DS it grows each value array one value at a time
 * (quadratic), and read as text it builds a hex dump of every value for a trace message it then
 * discards (PixelMed 20220618, {@code SpecificCharacterSet.translateByteArrayToString}). A 4 MB
 * structure set of 840 contours took 0.7–1.5 s to read either way, and 16 ms with placeholders.
 *
 * <p>How: the element is shown under the private tag {@link #PLACEHOLDER_TAG_GROUP}, {@link
 * #PLACEHOLDER_TAG_ELEMENT} (3007,1050), which PixelMed keeps as bytes, with the same total length:
 *
 * <ul>
 *   <li>explicit VR little endian: {@code 06 30 50 00 'D' 'S'}, a 2-byte value length L and L bytes
 *       become {@code 07 30 50 10 'O' 'B' 00 00}, a 4-byte value length L−4 and L−4 bytes;
 *   <li>implicit VR little endian: {@code 06 30 50 00}, a 4-byte value length L and L bytes become
 *       {@code 07 30 50 10}, the same length and L bytes.
 * </ul>
 *
 * The placeholder's value starts with {@code "RTDS"} and the value's index in {@link #values()}
 * (little endian), then zeros. Every offset and every enclosing length stays right, and the bytes
 * are shown one for one as the input arrives, so a truncated input is still seen as truncated where
 * it ends. Values too short for a placeholder (at most three coordinates) are left as they are, and
 * so is a header not followed by a character that can start a decimal string (so that the tag's
 * four bytes inside another value are not taken for it). The stored bytes are never changed; only
 * the in-memory read is.
 */
final class ContourDataCapture extends FilterInputStream {

  /** Group of the private tag a placeholder is shown under. */
  static final int PLACEHOLDER_TAG_GROUP = 0x3007;

  /** Element of the private tag a placeholder is shown under. */
  static final int PLACEHOLDER_TAG_ELEMENT = 0x1050;

  private static final byte[] MAGIC = {'R', 'T', 'D', 'S'};
  private static final int PLACEHOLDER_LENGTH = MAGIC.length + 4;

  private static final byte[] CONTOUR_DATA_TAG = {0x06, 0x30, 0x50, 0x00};
  private static final byte[] PLACEHOLDER_TAG = {0x07, 0x30, 0x50, 0x10};
  private static final int HEADER = 8;

  private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  private static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";

  /** The SOP Class UID of RT Structure Set Storage, as it appears in the file meta information. */
  private static final byte[] RT_STRUCTURE_SET =
      "1.2.840.10008.5.1.4.1.1.481.3".getBytes(StandardCharsets.US_ASCII);

  /** Whether the stream is implicit VR (else explicit VR), little endian either way. */
  private final boolean implicitVr;

  /** Value bytes shown as the OB value length before the placeholder: 4 explicit, 0 implicit. */
  private final int lengthBytes;

  private final byte[] raw = new byte[64 * 1024];
  private int rawStart;
  private int rawEnd;
  private boolean eof;

  private final byte[] out = new byte[64 * 1024];
  private int outStart;
  private int outEnd;

  private final List<byte[]> values = new ArrayList<>();

  /** The value being taken out, null between values. */
  private byte[] value;

  private int valueFilled;

  /** The bytes shown for the value being taken out, up to the zeros. */
  private final byte[] shown = new byte[4 + PLACEHOLDER_LENGTH];

  /**
   * @param in the data set, after the file meta information has been inspected
   * @param transferSyntaxUid one for which {@link #appliesTo} is true
   */
  ContourDataCapture(InputStream in, String transferSyntaxUid) {
    super(in);
    this.implicitVr = IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid);
    this.lengthBytes = implicitVr ? 0 : 4;
  }

  /**
   * Whether the capture applies: explicit or implicit VR little endian (not deflated, not big
   * endian) and an RT Structure Set according to the file meta information in {@code prefix}.
   */
  static boolean appliesTo(String transferSyntaxUid, byte[] prefix) {
    return (EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid)
            || IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid))
        && indexOf(prefix, RT_STRUCTURE_SET) >= 0;
  }

  /**
   * The values taken out so far, in stream order; a placeholder's index points into this list.
   * Complete once the stream has been read to its end.
   */
  List<byte[]> values() {
    return values;
  }

  /**
   * The index a placeholder holds.
   *
   * @param placeholder the bytes PixelMed read under the placeholder tag
   * @return the index into {@link #values()}, or -1 when the bytes are not a placeholder
   */
  static int index(byte[] placeholder) {
    if (placeholder == null || placeholder.length < PLACEHOLDER_LENGTH) {
      return -1;
    }
    for (int k = 0; k < MAGIC.length; k++) {
      if (placeholder[k] != MAGIC[k]) {
        return -1;
      }
    }
    return (placeholder[4] & 0xFF)
        | (placeholder[5] & 0xFF) << 8
        | (placeholder[6] & 0xFF) << 16
        | (placeholder[7] & 0xFF) << 24;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (outEnd == outStart) {
      if (eof && rawStart == rawEnd) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, outEnd - outStart);
    System.arraycopy(out, outStart, target, offset, n);
    outStart += n;
    return n;
  }

  @Override
  public int available() {
    return outEnd - outStart;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    byte[] sink = new byte[8192];
    while (skipped < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads more input if needed and turns what it can into output (at least one byte or EOF). */
  private void fill() throws IOException {
    outStart = 0;
    outEnd = 0;
    if (!eof && (rawEnd - rawStart <= HEADER || value != null && rawStart == rawEnd)) {
      if (rawStart > 0) {
        System.arraycopy(raw, rawStart, raw, 0, rawEnd - rawStart);
        rawEnd -= rawStart;
        rawStart = 0;
      }
      int read = in.read(raw, rawEnd, raw.length - rawEnd);
      if (read < 0) {
        eof = true;
      } else {
        rawEnd += read;
      }
    }
    while (rawStart < rawEnd && outEnd < out.length - HEADER) {
      if (value != null) {
        takeValueBytes();
      } else if (rawEnd - rawStart <= HEADER && !eof) {
        return;
      } else if (raw[rawStart] == CONTOUR_DATA_TAG[0] && startsCapture()) {
        rawStart += HEADER;
      } else {
        out[outEnd++] = raw[rawStart++];
      }
    }
  }

  /** At a Contour Data header with a long enough value: shows the placeholder's header. */
  private boolean startsCapture() {
    if (rawEnd - rawStart <= HEADER || !startsDecimalString(raw[rawStart + HEADER])) {
      return false;
    }
    for (int k = 1; k < CONTOUR_DATA_TAG.length; k++) {
      if (raw[rawStart + k] != CONTOUR_DATA_TAG[k]) {
        return false;
      }
    }
    long length;
    if (implicitVr) {
      length =
          (raw[rawStart + 4] & 0xFFL)
              | (raw[rawStart + 5] & 0xFFL) << 8
              | (raw[rawStart + 6] & 0xFFL) << 16
              | (raw[rawStart + 7] & 0xFFL) << 24;
    } else {
      if (raw[rawStart + 4] != 'D' || raw[rawStart + 5] != 'S') {
        return false;
      }
      length = (raw[rawStart + 6] & 0xFF) | (raw[rawStart + 7] & 0xFF) << 8;
    }
    // an undefined length (FFFFFFFF) or anything above 64 MiB is left to the library to refuse
    if (length < lengthBytes + PLACEHOLDER_LENGTH || length > 64L * 1024 * 1024) {
      return false;
    }
    System.arraycopy(PLACEHOLDER_TAG, 0, out, outEnd, 4);
    if (implicitVr) {
      System.arraycopy(raw, rawStart + 4, out, outEnd + 4, 4);
    } else {
      out[outEnd + 4] = 'O';
      out[outEnd + 5] = 'B';
      out[outEnd + 6] = 0;
      out[outEnd + 7] = 0;
    }
    outEnd += HEADER;
    value = new byte[(int) length];
    valueFilled = 0;
    int obLength = (int) length - 4;
    for (int k = 0; k < lengthBytes; k++) {
      shown[k] = (byte) (obLength >>> (8 * k));
    }
    System.arraycopy(MAGIC, 0, shown, lengthBytes, MAGIC.length);
    int index = values.size();
    for (int k = 0; k < 4; k++) {
      shown[lengthBytes + MAGIC.length + k] = (byte) (index >>> (8 * k));
    }
    return true;
  }

  /**
   * Takes value bytes as they arrive and shows one byte for each: in explicit VR the OB value
   * length for the first four, then the placeholder, then zeros.
   */
  private void takeValueBytes() {
    int n = Math.min(Math.min(rawEnd - rawStart, value.length - valueFilled), out.length - outEnd);
    System.arraycopy(raw, rawStart, value, valueFilled, n);
    int shownLength = lengthBytes + PLACEHOLDER_LENGTH;
    for (int k = 0; k < n; k++) {
      int at = valueFilled + k;
      out[outEnd++] = at < shownLength ? shown[at] : 0;
    }
    rawStart += n;
    valueFilled += n;
    if (valueFilled == value.length) {
      values.add(value);
      value = null;
    }
  }

  /** Whether a byte can start a DS value: a digit, a sign, a point or a space. */
  private static boolean startsDecimalString(byte b) {
    return b >= '0' && b <= '9' || b == '-' || b == '+' || b == '.' || b == ' ';
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

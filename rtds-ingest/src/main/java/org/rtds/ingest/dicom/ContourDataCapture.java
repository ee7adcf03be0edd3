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
 * structure set of 840 contours took 0.7–1.5 s to read either way, and 16 ms as placeholders.
 *
 * <p>How: in explicit VR little endian the element is {@code 06 30 50 00 'D' 'S'}, a 2-byte value
 * length L, then L bytes. For L ≥ {@link #MIN_CAPTURED_LENGTH} it is shown as {@code 06 30 50 00
 * 'O' 'B' 00 00}, a 4-byte value length L−4, then L−4 bytes whose first four hold the index of the
 * value in {@link #values()} (little endian) and the rest zero: 8 + L bytes either way, so every
 * offset and every enclosing length stays right, and byte for byte as the input arrives, so a
 * truncated input is still seen as truncated where it ends. Shorter values (fewer than 8 bytes: at
 * most three coordinates) are left as they are. The stored bytes are never changed; only the
 * in-memory read is.
 */
final class ContourDataCapture extends FilterInputStream {

  /** The smallest value length taken out: four bytes become the length, four hold the index. */
  static final int MIN_CAPTURED_LENGTH = 8;

  private static final byte[] PATTERN = {0x06, 0x30, 0x50, 0x00, 'D', 'S'};
  private static final int HEADER = PATTERN.length + 2;

  /** The SOP Class UID of RT Structure Set Storage, as it appears in the file meta information. */
  private static final byte[] RT_STRUCTURE_SET =
      "1.2.840.10008.5.1.4.1.1.481.3".getBytes(StandardCharsets.US_ASCII);

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

  ContourDataCapture(InputStream in) {
    super(in);
  }

  /**
   * Whether the capture applies: explicit VR little endian (where the VR is in the stream) and an
   * RT Structure Set according to the file meta information in {@code prefix}.
   */
  static boolean appliesTo(String transferSyntaxUid, byte[] prefix) {
    return "1.2.840.10008.1.2.1".equals(transferSyntaxUid)
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
   * @param placeholder the bytes PixelMed read for a captured Contour Data
   * @return the index into {@link #values()}, or -1 when the bytes are not a placeholder
   */
  static int index(byte[] placeholder) {
    if (placeholder == null || placeholder.length < MIN_CAPTURED_LENGTH - 4) {
      return -1;
    }
    return (placeholder[0] & 0xFF)
        | (placeholder[1] & 0xFF) << 8
        | (placeholder[2] & 0xFF) << 16
        | (placeholder[3] & 0xFF) << 24;
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
    if (!eof && (rawEnd - rawStart < HEADER || value != null && rawStart == rawEnd)) {
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
      } else if (rawEnd - rawStart < HEADER && !eof) {
        return;
      } else if (raw[rawStart] == PATTERN[0] && startsCapture()) {
        rawStart += HEADER;
      } else {
        out[outEnd++] = raw[rawStart++];
      }
    }
  }

  /** At a Contour Data header with a long enough value: shows the OB header, starts the value. */
  private boolean startsCapture() {
    if (rawEnd - rawStart < HEADER) {
      return false;
    }
    for (int k = 1; k < PATTERN.length; k++) {
      if (raw[rawStart + k] != PATTERN[k]) {
        return false;
      }
    }
    int length = (raw[rawStart + 6] & 0xFF) | (raw[rawStart + 7] & 0xFF) << 8;
    if (length < MIN_CAPTURED_LENGTH) {
      return false;
    }
    System.arraycopy(raw, rawStart, out, outEnd, 4);
    out[outEnd + 4] = 'O';
    out[outEnd + 5] = 'B';
    out[outEnd + 6] = 0;
    out[outEnd + 7] = 0;
    outEnd += HEADER;
    value = new byte[length];
    valueFilled = 0;
    return true;
  }

  /**
   * Takes value bytes as they arrive and shows one output byte for each: the OB value length (L−4)
   * for the first four, then the index, then zeros.
   */
  private void takeValueBytes() {
    int n = Math.min(Math.min(rawEnd - rawStart, value.length - valueFilled), out.length - outEnd);
    System.arraycopy(raw, rawStart, value, valueFilled, n);
    int obLength = value.length - 4;
    int index = values.size();
    for (int k = 0; k < n; k++) {
      int at = valueFilled + k;
      out[outEnd++] =
          at < 4 ? (byte) (obLength >>> (8 * at)) : at < 8 ? (byte) (index >>> (8 * (at - 4))) : 0;
    }
    rawStart += n;
    valueFilled += n;
    if (valueFilled == value.length) {
      values.add(value);
      value = null;
    }
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

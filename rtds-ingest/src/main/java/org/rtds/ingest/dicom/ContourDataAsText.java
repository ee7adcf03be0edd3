package org.rtds.ingest.dicom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Presents the explicit-VR element header of Contour Data (3006,0050) as {@code LT} instead of
 * {@code DS} while PixelMed reads an RT Structure Set, so that PixelMed keeps the value as one
 * string: PixelMed grows a multi-valued string's array one value at a time (quadratic), which made
 * a 4 MB structure set of 700 000 coordinates take seconds to read. Same length (LT and DS both
 * have a 2-byte value length), so every offset is unchanged; {@link DicomObject} splits the value
 * at the backslashes again. Only the in-memory read is affected, never the stored bytes.
 *
 * <p>The pattern {@code 06 30 50 00 'D' 'S'} (the tag in little endian, then the VR) is rewritten
 * wherever it starts; the last five bytes of each chunk are held back until the next chunk shows
 * whether they start a pattern.
 */
final class ContourDataAsText extends FilterInputStream {

  private static final byte[] PATTERN = {0x06, 0x30, 0x50, 0x00, 'D', 'S'};

  /** The SOP Class UID of RT Structure Set Storage, as it appears in the file meta information. */
  private static final byte[] RT_STRUCTURE_SET =
      "1.2.840.10008.5.1.4.1.1.481.3".getBytes(StandardCharsets.US_ASCII);

  private final byte[] window = new byte[64 * 1024];
  private int start;
  private int end;
  private boolean eof;

  ContourDataAsText(InputStream in) {
    super(in);
  }

  /**
   * Whether the rewrite applies: explicit VR little endian (where the VR is in the stream) and an
   * RT Structure Set according to the file meta information in {@code prefix}.
   */
  static boolean appliesTo(String transferSyntaxUid, byte[] prefix) {
    return "1.2.840.10008.1.2.1".equals(transferSyntaxUid)
        && indexOf(prefix, RT_STRUCTURE_SET) >= 0;
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
    while (available(eof) == 0) {
      if (eof) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, available(eof));
    System.arraycopy(window, start, target, offset, n);
    start += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return available(eof);
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

  /**
   * Bytes that may be handed out: all at the end of input, else all but a possible pattern start.
   */
  private int available(boolean atEnd) {
    int buffered = end - start;
    return atEnd ? buffered : Math.max(0, buffered - (PATTERN.length - 1));
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(window, start, window, 0, end - start);
      end -= start;
      start = 0;
    }
    int from = Math.max(0, end - (PATTERN.length - 1));
    int read = in.read(window, end, window.length - end);
    if (read < 0) {
      eof = true;
      return;
    }
    end += read;
    for (int i = from; i <= end - PATTERN.length; i++) {
      if (window[i] == PATTERN[0] && matches(i)) {
        window[i + 4] = 'L';
        window[i + 5] = 'T';
      }
    }
  }

  private boolean matches(int at) {
    for (int k = 1; k < PATTERN.length; k++) {
      if (window[at + k] != PATTERN[k]) {
        return false;
      }
    }
    return true;
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

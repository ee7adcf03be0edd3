package org.rtds.testdata.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * RLE Lossless encoder of PS3.5 Annex G for single-sample (grayscale) images of 8, 16 or 32 bits
 * allocated.
 *
 * <p>Each frame becomes one fragment: a 64-byte header (number of segments, then 15 segment offsets
 * from the start of the fragment, unused ones 0) followed by one segment per byte plane, most
 * significant byte first (G.2). Each segment is PackBits-encoded row by row, never across a row
 * boundary (G.3.1), and padded with one zero byte to even length when needed.
 */
public final class RleCodec {

  /** Size in bytes of the RLE header at the start of every frame. */
  public static final int HEADER_BYTES = 64;

  private RleCodec() {}

  /**
   * Encodes native little-endian pixel data of {@code frames} frames into one RLE fragment per
   * frame.
   *
   * @param nativeLittleEndian frames × rows × columns samples of {@code bitsAllocated / 8} bytes
   *     each, little endian
   * @param bitsAllocated 8, 16 or 32
   */
  public static List<byte[]> encodeFrames(
      byte[] nativeLittleEndian, int rows, int columns, int bitsAllocated, int frames) {
    if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw new IllegalArgumentException("RLE: unsupported BitsAllocated " + bitsAllocated);
    }
    int bytesPerSample = bitsAllocated / 8;
    int frameBytes = rows * columns * bytesPerSample;
    if ((long) frameBytes * frames != nativeLittleEndian.length) {
      throw new IllegalArgumentException(
          "RLE: pixel data has "
              + nativeLittleEndian.length
              + " bytes, expected "
              + (long) frameBytes * frames);
    }
    List<byte[]> fragments = new ArrayList<>(frames);
    for (int f = 0; f < frames; f++) {
      fragments.add(encodeFrame(nativeLittleEndian, f * frameBytes, rows, columns, bytesPerSample));
    }
    return fragments;
  }

  /** Encodes one frame that starts at {@code offset} in {@code data}; see {@link #encodeFrames}. */
  public static byte[] encodeFrame(
      byte[] data, int offset, int rows, int columns, int bytesPerSample) {
    int segments = bytesPerSample;
    byte[][] encoded = new byte[segments][];
    byte[] plane = new byte[columns];
    for (int s = 0; s < segments; s++) {
      int byteInSample = bytesPerSample - 1 - s; // segment 0 = most significant byte
      ByteArrayOutputStream out = new ByteArrayOutputStream(rows * columns / 2 + 16);
      for (int r = 0; r < rows; r++) {
        int rowStart = offset + r * columns * bytesPerSample;
        for (int c = 0; c < columns; c++) {
          plane[c] = data[rowStart + c * bytesPerSample + byteInSample];
        }
        packBits(plane, columns, out);
      }
      if (out.size() % 2 != 0) {
        out.write(0);
      }
      encoded[s] = out.toByteArray();
    }
    int total = HEADER_BYTES;
    for (byte[] e : encoded) {
      total += e.length;
    }
    byte[] frame = new byte[total];
    putUint32(frame, 0, segments);
    int pos = HEADER_BYTES;
    for (int s = 0; s < segments; s++) {
      putUint32(frame, 4 + 4 * s, pos);
      System.arraycopy(encoded[s], 0, frame, pos, encoded[s].length);
      pos += encoded[s].length;
    }
    return frame;
  }

  /**
   * PackBits (G.3.1): a header byte n in 0…127 is followed by n+1 literal bytes; n in −127…−1 by
   * one byte repeated 1−n times. Runs of two or more equal bytes are replicated; the header −128 is
   * never written.
   */
  static void packBits(byte[] src, int length, ByteArrayOutputStream out) {
    int i = 0;
    while (i < length) {
      int run = 1;
      while (i + run < length && run < 128 && src[i + run] == src[i]) {
        run++;
      }
      if (run >= 2) {
        out.write(1 - run);
        out.write(src[i]);
        i += run;
        continue;
      }
      int start = i;
      i++;
      while (i < length && i - start < 128 && !(i + 1 < length && src[i] == src[i + 1])) {
        i++;
      }
      out.write(i - start - 1);
      out.write(src, start, i - start);
    }
  }

  private static void putUint32(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }
}

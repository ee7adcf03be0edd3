package org.rtds.ingest.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A small DICOM RLE Lossless encoder (PS3.5 Annex G) for tests: each row of each byte plane is
 * PackBits-encoded separately with greedy replicate runs (2 or more equal bytes) and literal runs,
 * and each segment is padded with a zero byte to an even length.
 */
final class RleTestEncoder {

  private RleTestEncoder() {}

  /**
   * Encodes one frame.
   *
   * @param samples rows × columns values in row order; the low {@code bytesPerSample} bytes count
   * @param bytesPerSample 1, 2 or 4
   * @return the RLE header followed by the segments, most significant byte plane first
   */
  static byte[] encodeFrame(int[] samples, int rows, int columns, int bytesPerSample) {
    if (samples.length != rows * columns) {
      throw new IllegalArgumentException("samples.length != rows × columns");
    }
    byte[][] segments = new byte[bytesPerSample][];
    for (int plane = 0; plane < bytesPerSample; plane++) {
      int shift = 8 * (bytesPerSample - 1 - plane);
      ByteArrayOutputStream segment = new ByteArrayOutputStream();
      byte[] row = new byte[columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          row[c] = (byte) (samples[r * columns + c] >>> shift);
        }
        segment.writeBytes(packBits(row));
      }
      segments[plane] = segment.toByteArray();
    }
    return frame(segments);
  }

  /** PackBits-encodes one row. */
  static byte[] packBits(byte[] row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < row.length) {
      int run = 1;
      while (i + run < row.length && run < 128 && row[i + run] == row[i]) {
        run++;
      }
      if (run >= 2) {
        out.write(1 - run);
        out.write(row[i]);
        i += run;
        continue;
      }
      int end = i;
      while (end < row.length
          && end - i < 128
          && !(end + 1 < row.length && row[end] == row[end + 1])) {
        end++;
      }
      out.write(end - i - 1);
      out.write(row, i, end - i);
      i = end;
    }
    return out.toByteArray();
  }

  /**
   * Builds a frame from already encoded segments: the 64-byte header (count and offsets), then each
   * segment, padded with a zero byte to an even length.
   */
  static byte[] frame(byte[]... segments) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] offsets = new int[segments.length];
    for (int s = 0; s < segments.length; s++) {
      offsets[s] = 64 + body.size();
      body.writeBytes(segments[s]);
      if (segments[s].length % 2 == 1) {
        body.write(0);
      }
    }
    return withHeader(segments.length, offsets, body.toByteArray());
  }

  /** A frame with any header values: count, up to 15 offsets, then {@code body}. */
  static byte[] withHeader(long count, int[] offsets, byte[] body) {
    ByteBuffer frame = ByteBuffer.allocate(64 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt((int) count);
    for (int offset : offsets) {
      frame.putInt(offset);
    }
    frame.position(64);
    frame.put(body);
    return frame.array();
  }

  /** Bytes from ints, for hand-made streams: {@code bytes(0x02, 'a', 0xFD)}. */
  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}

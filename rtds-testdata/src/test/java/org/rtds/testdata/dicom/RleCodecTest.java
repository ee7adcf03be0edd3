package org.rtds.testdata.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RleCodecTest {

  /** A tiny independent PS3.5 Annex G decoder: header, segments MSB first, PackBits. */
  static byte[] decodeFrame(byte[] frame, int rows, int columns, int bytesPerSample) {
    ByteBuffer h = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    int segments = h.getInt(0);
    assertThat(segments).isEqualTo(bytesPerSample);
    for (int s = segments; s < 15; s++) {
      assertThat(h.getInt(4 + 4 * s)).as("unused offset").isZero();
    }
    int pixels = rows * columns;
    byte[] out = new byte[pixels * bytesPerSample];
    for (int s = 0; s < segments; s++) {
      int pos = h.getInt(4 + 4 * s);
      int end = s + 1 < segments ? h.getInt(8 + 4 * s) : frame.length;
      assertThat(pos % 2).as("segment offset even").isZero();
      byte[] plane = new byte[pixels];
      int n = 0;
      while (n < pixels) {
        int c = frame[pos++];
        if (c >= 0) {
          for (int i = 0; i <= c; i++) {
            plane[n++] = frame[pos++];
          }
        } else if (c != -128) {
          byte v = frame[pos++];
          for (int i = 0; i < 1 - c; i++) {
            plane[n++] = v;
          }
        }
      }
      assertThat(end - pos).as("at most one pad byte").isBetween(0, 1);
      int byteInSample = bytesPerSample - 1 - s;
      for (int p = 0; p < pixels; p++) {
        out[p * bytesPerSample + byteInSample] = plane[p];
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 32})
  void roundTripsRandomAndRunData(int bits) {
    Random r = new Random(bits);
    int rows = 37;
    int cols = 301; // odd, longer than a 128-byte run
    int frames = 3;
    int bps = bits / 8;
    byte[] data = new byte[rows * cols * bps * frames];
    for (int i = 0; i < data.length; i++) {
      int region = (i / 500) % 3;
      data[i] = region == 0 ? (byte) r.nextInt() : region == 1 ? 7 : (byte) (i / 3);
    }
    List<byte[]> enc = RleCodec.encodeFrames(data, rows, cols, bits, frames);
    assertThat(enc).hasSize(frames);
    int frameBytes = rows * cols * bps;
    for (int f = 0; f < frames; f++) {
      assertThat(enc.get(f).length % 2).isZero();
      byte[] dec = decodeFrame(enc.get(f), rows, cols, bps);
      byte[] expected = new byte[frameBytes];
      System.arraycopy(data, f * frameBytes, expected, 0, frameBytes);
      assertThat(dec).isEqualTo(expected);
    }
  }

  @Test
  void constantFrameCompressesAndRowsAreEncodedSeparately() {
    int rows = 4;
    int cols = 10;
    byte[] data = new byte[rows * cols * 4]; // 32-bit zeros
    byte[] f = RleCodec.encodeFrame(data, 0, rows, cols, 4);
    // per segment: one replicate run per row (2 bytes) x 4 rows = 8 bytes; 4 segments after the
    // 64-byte header
    assertThat(f).hasSize(64 + 4 * 8);
    assertThat(f[64]).isEqualTo((byte) (1 - cols));
  }
}

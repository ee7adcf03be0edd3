package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rtds.ingest.dicom.RleTestEncoder.bytes;
import static org.rtds.ingest.dicom.RleTestEncoder.frame;
import static org.rtds.ingest.dicom.RleTestEncoder.withHeader;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RleLosslessDecoderTest {

  private static final String WHERE = " in test";

  private static RleLosslessDecoder decoder(int rows, int columns, int bytesPerSample) {
    return new RleLosslessDecoder(rows, columns, bytesPerSample, 1, WHERE);
  }

  // --- hand-made PackBits streams ---

  @Test
  void literalAndReplicateRunsAndTheNoOpByteDecode() throws Exception {
    byte[] segment =
        bytes(
            0x02, 'a', 'b', 'c', // literal run of 3
            0x80, // -128: no-op
            0xFD, 'x', // replicate 'x' 1 - (-3) = 4 times
            0x00, 'z', // literal run of 1
            0xFC, 'q'); // replicate 'q' 5 times

    int[] samples = decoder(1, 13, 1).decode(frame(segment), 0);

    assertThat(samples).containsExactly(toInts("abcxxxxzqqqqq".getBytes()));
  }

  @Test
  void longestRunsOf128BytesDecode() throws Exception {
    byte[] literal = new byte[129];
    literal[0] = 127; // literal run of 128
    for (int i = 1; i < literal.length; i++) {
      literal[i] = (byte) i;
    }
    byte[] segment = concat(literal, bytes(0x81, 0x55)); // -127: replicate 0x55 128 times

    int[] samples = decoder(1, 256, 1).decode(frame(segment), 0);

    for (int i = 0; i < 128; i++) {
      assertThat(samples[i]).isEqualTo(i + 1);
      assertThat(samples[128 + i]).isEqualTo(0x55);
    }
  }

  @Test
  void sixteenBitPlanesCombineMostSignificantFirst() throws Exception {
    // 2 rows × 3 columns: 0x1234 0x1235 0x1236 / 0xFF00 0xFF00 0x0001
    byte[] high = bytes(0xFE, 0x12, 0x80, 0xFF, 0xFF, 0x00, 0x00);
    byte[] low = bytes(0x02, 0x34, 0x35, 0x36, 0xFF, 0x00, 0x00, 0x01);

    int[] samples = decoder(2, 3, 2).decode(frame(high, low), 0);

    assertThat(samples).containsExactly(0x1234, 0x1235, 0x1236, 0xFF00, 0xFF00, 0x0001);
  }

  @Test
  void thirtyTwoBitPlanesKeepTheTopBit() throws Exception {
    // 1 row × 2 columns: 0xFEDCBA98, 0x00000001
    int[] samples =
        decoder(1, 2, 4)
            .decode(
                frame(
                    bytes(0x01, 0xFE, 0x00),
                    bytes(0x01, 0xDC, 0x00),
                    bytes(0x01, 0xBA, 0x00),
                    bytes(0x01, 0x98, 0x01)),
                0);

    assertThat(Integer.toUnsignedLong(samples[0])).isEqualTo(0xFEDCBA98L);
    assertThat(samples[1]).isEqualTo(1);
  }

  @Test
  void oneTrailingPaddingByteAndNoOpsAfterAFullSegmentAreAccepted() throws Exception {
    // An odd segment padded to even length by the encoder (the last segment here is odd on
    // purpose: withHeader adds no padding), and no-ops after the last run.
    byte[] padded = withHeader(1, new int[] {64}, bytes(0xFF, 'a', 0x00));
    byte[] noOps = withHeader(1, new int[] {64}, bytes(0xFF, 'a', 0x80, 0x80));

    assertThat(decoder(1, 2, 1).decode(padded, 0)).containsExactly('a', 'a');
    assertThat(decoder(1, 2, 1).decode(noOps, 0)).containsExactly('a', 'a');
  }

  // --- round trips through the test encoder ---

  static Stream<Arguments> shapes() {
    Stream.Builder<Arguments> shapes = Stream.builder();
    int[][] sizes = {{1, 1}, {1, 300}, {7, 129}, {16, 16}, {3, 128}, {5, 257}, {40, 1}};
    for (int bytesPerSample : new int[] {1, 2, 4}) {
      for (int[] size : sizes) {
        shapes.add(Arguments.of(bytesPerSample, size[0], size[1]));
      }
    }
    return shapes.build();
  }

  @ParameterizedTest(name = "{0} bytes, {1} × {2}")
  @MethodSource("shapes")
  void encodedFramesDecodeToTheirSamples(int bytesPerSample, int rows, int columns)
      throws Exception {
    Random random = new Random(31L * rows + columns + bytesPerSample);
    RleLosslessDecoder decoder = decoder(rows, columns, bytesPerSample);
    for (int[] samples :
        new int[][] {
          runsAndNoise(random, rows * columns, bytesPerSample),
          noise(random, rows * columns, bytesPerSample),
          constant(rows * columns, bytesPerSample == 4 ? 0x80000001 : 0x7F)
        }) {
      byte[] frame = RleTestEncoder.encodeFrame(samples, rows, columns, bytesPerSample);

      assertThat(decoder.decode(frame, 0)).containsExactly(samples);
    }
  }

  // --- malformed frames ---

  @Test
  void emptyOrMissingFrameIsMalformed() {
    assertMalformed(() -> decoder(1, 1, 1).decode(new byte[0], 2), "frame 3 of 1 has no data");
    assertMalformed(() -> decoder(1, 1, 1).decode(null, 0), "frame 1 of 1 has no data");
  }

  @Test
  void frameShorterThanTheHeaderIsMalformed() {
    assertMalformed(
        () -> decoder(1, 1, 1).decode(new byte[63], 0),
        "frame 1 of 1 has 63 bytes, fewer than the 64-byte RLE header");
  }

  @Test
  void wrongSegmentCountIsMalformed() {
    byte[] three = frame(bytes(0xFF, 1), bytes(0xFF, 2), bytes(0xFF, 3));
    byte[] huge = withHeader(0xFFFFFFFFL, new int[] {64}, bytes(0xFF, 1));
    byte[] none = withHeader(0, new int[0], bytes(0xFF, 1));

    assertMalformed(
        () -> decoder(1, 2, 2).decode(three, 0),
        "frame 1 of 1: the RLE header declares 3 segments where 16 bits allocated × 1 sample per"
            + " pixel need 2");
    assertMalformed(() -> decoder(1, 2, 4).decode(huge, 0), "declares 4294967295 segments");
    assertMalformed(() -> decoder(1, 2, 1).decode(none, 0), "declares 0 segments");
  }

  @Test
  void segmentOffsetPastTheEndIsMalformed() {
    byte[] frame = withHeader(2, new int[] {64, 1000}, bytes(0xFF, 1, 0xFF, 2));

    assertMalformed(
        () -> decoder(1, 2, 2).decode(frame, 0),
        "frame 1 of 1, segment 2 of 2 starts at byte 1000, at or past the end of the frame (68"
            + " bytes)");
    assertMalformed(
        () -> decoder(1, 2, 1).decode(withHeader(1, new int[] {66}, bytes(0xFF, 1)), 0),
        "segment 1 of 1 starts at byte 66, at or past the end");
    assertMalformed(
        () -> decoder(1, 2, 1).decode(withHeader(1, new int[] {-1}, bytes(0xFF, 1)), 0),
        "starts at byte 4294967295, at or past the end");
  }

  @Test
  void segmentOffsetsThatDoNotIncreaseOrPointIntoTheHeaderAreMalformed() {
    byte[] body = bytes(0xFF, 1, 0xFF, 2);

    assertMalformed(
        () -> decoder(1, 2, 2).decode(withHeader(2, new int[] {66, 64}, body), 0),
        "segment 2 of 2 starts at byte 64, not after segment 1 at byte 66: segment offsets must"
            + " increase");
    assertMalformed(
        () -> decoder(1, 2, 2).decode(withHeader(2, new int[] {64, 64}, body), 0), "must increase");
    assertMalformed(
        () -> decoder(1, 2, 1).decode(withHeader(1, new int[] {8}, body), 0),
        "segment 1 of 1 starts at byte 8, inside the 64-byte RLE header");
  }

  @Test
  void truncatedSegmentIsMalformed() {
    byte[] literal = withHeader(1, new int[] {64}, bytes(0x09, 'a', 'b', 'c'));
    byte[] replicate = withHeader(1, new int[] {64}, bytes(0xFB, 'a', 0xFB));
    byte[] tooShort = withHeader(1, new int[] {64}, bytes(0xFD, 'a', 0xFD));

    assertMalformed(
        () -> decoder(1, 10, 1).decode(literal, 0),
        "frame 1 of 1, segment 1 of 1 is truncated: the literal run of 10 bytes at byte 0 of the"
            + " segment needs 10 bytes, 3 remain");
    assertMalformed(
        () -> decoder(1, 10, 1).decode(replicate, 0),
        "is truncated: the replicate run at byte 2 of the segment needs 1 byte, 0 remain");
    assertMalformed(
        () -> decoder(4, 4, 1).decode(tooShort, 0),
        "segment 1 of 1 is truncated: 3 bytes cannot encode 4 rows of 4 bytes (at least 8"
            + " needed)");
  }

  @Test
  void truncatedLastSegmentOfAMultiSegmentFrameIsMalformed() {
    int[] samples = noise(new Random(7), 6 * 9, 4);
    byte[] frame = RleTestEncoder.encodeFrame(samples, 6, 9, 4);

    assertMalformed(
        () -> decoder(6, 9, 4).decode(Arrays.copyOf(frame, frame.length - 5), 0),
        "frame 1 of 1, segment 4 of 4 is truncated");
  }

  @Test
  void runOverflowingTheRowIsMalformed() {
    // 2 rows × 4 columns: a replicate run of 7 would cross from row 1 into row 2.
    byte[] replicate = withHeader(1, new int[] {64}, bytes(0xFA, 'a', 0x00, 'b'));
    // Row 1 correct, then a literal run of 3 starting at column 3 of row 2.
    byte[] literal =
        withHeader(1, new int[] {64}, bytes(0xFD, 'a', 0xFF, 'b', 0x02, 'c', 'd', 'e'));

    assertMalformed(
        () -> decoder(2, 4, 1).decode(replicate, 0),
        "segment 1 of 1: a replicate run of 7 bytes at byte 0 of the segment overflows row 1 of 2"
            + " (it starts at column 1 of 4); runs must not cross a row end");
    assertMalformed(
        () -> decoder(3, 4, 1).decode(literal, 0),
        "a literal run of 3 bytes at byte 4 of the segment overflows row 2 of 3 (it starts at"
            + " column 3 of 4)");
  }

  @Test
  void runOverflowingTheLastRowDecodesToTooManyBytes() {
    byte[] frame = withHeader(1, new int[] {64}, bytes(0x03, 'a', 'b', 'c', 'd'));

    assertMalformed(
        () -> decoder(1, 3, 1).decode(frame, 0),
        "segment 1 of 1 decodes to more than 3 bytes (rows × columns = 1 × 3): a literal run of 4"
            + " bytes at byte 0 of the segment starts at byte 0 of the plane");
  }

  @Test
  void segmentThatDecodesToFewerBytesIsMalformed() {
    byte[] frame = withHeader(1, new int[] {64}, bytes(0xFE, 'a'));

    assertMalformed(
        () -> decoder(1, 10, 1).decode(frame, 0),
        "frame 1 of 1, segment 1 of 1 decodes to only 3 of 10 bytes (rows × columns = 1 × 10)");
  }

  @Test
  void segmentThatDecodesToMoreBytesIsMalformed() {
    // Segment 1 holds a second run after the two bytes of its row.
    byte[] first = withHeader(2, new int[] {64, 68}, bytes(0xFF, 'a', 0x00, 'b', 0xFF, 'c'));

    assertMalformed(
        () -> decoder(1, 2, 2).decode(first, 4),
        "frame 5 of 1, segment 1 of 2 decodes to more than 2 bytes (rows × columns = 1 × 2): data"
            + " continues at byte 2 of the segment");
  }

  @Test
  void garbageEndsInDicomParseExceptionOrDecodesNeverAnythingElse() {
    Random random = new Random(20240607);
    int decoded = 0;
    for (int run = 0; run < 3000; run++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(200);
      int bytesPerSample = new int[] {1, 2, 4}[random.nextInt(3)];
      byte[] frame =
          RleTestEncoder.encodeFrame(
              runsAndNoise(random, rows * columns, bytesPerSample), rows, columns, bytesPerSample);
      byte[] damaged = damage(random, frame);
      try {
        int[] samples = decoder(rows, columns, bytesPerSample).decode(damaged, 0);
        assertThat(samples).hasSize(rows * columns);
        decoded++;
      } catch (DicomParseException e) {
        assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MALFORMED);
        assertThat(e.getMessage())
            .startsWith("RLE Lossless pixel data, frame 1 of 1")
            .endsWith(WHERE);
      }
    }
    // Some damage (a changed literal byte) leaves a decodable frame; most does not.
    assertThat(decoded).isBetween(1, 2999);
  }

  @Test
  void randomBytesEndInDicomParseException() {
    Random random = new Random(5);
    for (int run = 0; run < 2000; run++) {
      byte[] bytes = new byte[random.nextInt(400)];
      random.nextBytes(bytes);
      if (bytes.length >= 4 && random.nextBoolean()) {
        bytes[0] = (byte) (1 + random.nextInt(4)); // a plausible segment count
        bytes[1] = bytes[2] = bytes[3] = 0;
      }
      try {
        decoder(1 + random.nextInt(4), 1 + random.nextInt(50), 1 << random.nextInt(3))
            .decode(bytes, 0);
      } catch (DicomParseException e) {
        assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MALFORMED);
      }
    }
  }

  // --- helpers ---

  private static void assertMalformed(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MALFORMED))
        .hasMessageStartingWith("RLE Lossless pixel data, ")
        .hasMessageContaining(message)
        .hasMessageEndingWith(WHERE);
  }

  /** Values with runs of equal values and stretches of noise: both kinds of PackBits runs. */
  static int[] runsAndNoise(Random random, int count, int bytesPerSample) {
    int[] samples = new int[count];
    int i = 0;
    while (i < count) {
      int length = 1 + random.nextInt(300);
      boolean run = random.nextBoolean();
      int value = random.nextInt();
      for (int k = 0; k < length && i < count; k++, i++) {
        samples[i] = mask(run ? value : random.nextInt(), bytesPerSample);
      }
    }
    return samples;
  }

  static int[] noise(Random random, int count, int bytesPerSample) {
    int[] samples = new int[count];
    for (int i = 0; i < count; i++) {
      samples[i] = mask(random.nextInt(), bytesPerSample);
    }
    return samples;
  }

  private static int[] constant(int count, int value) {
    int[] samples = new int[count];
    Arrays.fill(samples, value);
    return samples;
  }

  private static int mask(int value, int bytesPerSample) {
    return bytesPerSample == 4 ? value : value & ((1 << (8 * bytesPerSample)) - 1);
  }

  private static byte[] damage(Random random, byte[] frame) {
    byte[] damaged = frame.clone();
    switch (random.nextInt(5)) {
      case 0: // a header byte
        damaged[random.nextInt(64)] = (byte) random.nextInt(256);
        return damaged;
      case 1: // a data byte
        damaged[64 + random.nextInt(damaged.length - 64)] = (byte) random.nextInt(256);
        return damaged;
      case 2: // cut short
        return Arrays.copyOf(frame, random.nextInt(frame.length));
      case 3: // extra bytes at the end
        byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(20));
        for (int i = frame.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        return longer;
      default: // several bytes anywhere
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
        }
        return damaged;
    }
  }

  private static int[] toInts(byte[] bytes) {
    int[] ints = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ints[i] = bytes[i] & 0xFF;
    }
    return ints;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

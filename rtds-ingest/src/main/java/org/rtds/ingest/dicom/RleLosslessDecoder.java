package org.rtds.ingest.dicom;

/**
 * Decodes frames of DICOM RLE Lossless pixel data (transfer syntax 1.2.840.10008.1.2.5, PS3.5 Annex
 * G) with one sample per pixel and 1, 2 or 4 bytes per sample (BitsAllocated 8, 16, 32). The
 * library decodes only 8 and 16 bits, and RT Dose grids are usually 32 bits.
 *
 * <p>A frame is a 64-byte header (a little endian 32-bit segment count, at most 15, then 15 little
 * endian 32-bit segment offsets in bytes from the start of the frame) followed by the segments.
 * Segment {@code k} holds byte {@code k} of every sample, the most significant byte first,
 * compressed with PackBits: a header byte {@code n} of 0 to 127 is followed by {@code n + 1}
 * literal bytes; −1 to −127 by one byte to repeat {@code 1 − n} times; −128 is a no-op. Each row is
 * encoded separately: a run never crosses the end of a row (PS3.5 G.3.1).
 *
 * <p>Everything is checked against the frame's actual length before it is used, so malformed input
 * ends in a {@link DicomParseException} ({@link DicomParseException.Reason#MALFORMED}) naming the
 * frame, the segment and the problem, never in an out-of-bounds read. The only allocation is the
 * output frame, rows × columns values, whose size the caller has bounded; a segment too short to
 * encode its rows is rejected before it.
 *
 * <p>Stateless.
 */
final class RleLosslessDecoder {

  static final String TRANSFER_SYNTAX_UID = "1.2.840.10008.1.2.5";

  private static final int HEADER_LENGTH = 64;
  private static final int MAX_SEGMENTS = 15;

  /** The longest run: 128 bytes, from a literal header of 127 or a replicate header of −127. */
  private static final int MAX_RUN = 128;

  private final int rows;
  private final int columns;
  private final int bytesPerSample;
  private final int frameCount;
  private final String where;

  /**
   * Creates a decoder for frames of one object.
   *
   * @param rows rows per frame, at least 1
   * @param columns columns per frame, at least 1
   * @param bytesPerSample 1, 2 or 4 (BitsAllocated / 8)
   * @param frameCount the number of frames of the object, for messages
   * @param where appended to messages, e.g. {@code " in RT Dose 1.2.3"}
   */
  RleLosslessDecoder(int rows, int columns, int bytesPerSample, int frameCount, String where) {
    if (rows < 1 || columns < 1 || (long) rows * columns > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad frame size " + rows + " × " + columns);
    }
    if (bytesPerSample != 1 && bytesPerSample != 2 && bytesPerSample != 4) {
      throw new IllegalArgumentException("bytes per sample must be 1, 2 or 4: " + bytesPerSample);
    }
    this.rows = rows;
    this.columns = columns;
    this.bytesPerSample = bytesPerSample;
    this.frameCount = frameCount;
    this.where = where == null ? "" : where;
  }

  /**
   * Decodes one frame.
   *
   * @param frame the frame's bytes: the RLE header and its segments
   * @param index the frame's index, from 0 (messages number frames from 1, as DICOM does)
   * @return rows × columns samples in row order, each the big endian combination of its bytes
   *     (zero-extended; for 4 bytes per sample the {@code int} holds the bit pattern)
   * @throws DicomParseException ({@link DicomParseException.Reason#MALFORMED}) naming the frame,
   *     the segment and the problem
   */
  int[] decode(byte[] frame, int index) throws DicomParseException {
    String name = "frame " + (index + 1) + " of " + frameCount;
    if (frame == null || frame.length == 0) {
      throw malformed(name + " has no data");
    }
    if (frame.length < HEADER_LENGTH) {
      throw malformed(
          name
              + " has "
              + frame.length
              + " bytes, fewer than the "
              + HEADER_LENGTH
              + "-byte RLE header");
    }
    long count = uint32(frame, 0);
    if (count != bytesPerSample) {
      throw malformed(
          name
              + ": the RLE header declares "
              + count
              + (count == 1 ? " segment" : " segments")
              + " where "
              + (8 * bytesPerSample)
              + " bits allocated × 1 sample per pixel need "
              + bytesPerSample
              + " (at most "
              + MAX_SEGMENTS
              + ")");
    }
    int segments = (int) count;
    int[] starts = new int[segments + 1];
    for (int s = 0; s < segments; s++) {
      long offset = uint32(frame, 4 + 4 * s);
      String segment = name + ", segment " + (s + 1) + " of " + segments;
      if (offset < HEADER_LENGTH) {
        throw malformed(
            segment
                + " starts at byte "
                + offset
                + ", inside the "
                + HEADER_LENGTH
                + "-byte RLE header");
      }
      if (s > 0 && offset <= starts[s - 1]) {
        throw malformed(
            segment
                + " starts at byte "
                + offset
                + ", not after segment "
                + s
                + " at byte "
                + starts[s - 1]
                + ": segment offsets must increase");
      }
      if (offset >= frame.length) {
        throw malformed(
            segment
                + " starts at byte "
                + offset
                + ", at or past the end of the frame ("
                + frame.length
                + " bytes)");
      }
      starts[s] = (int) offset;
    }
    starts[segments] = frame.length;

    long minimum = (long) rows * 2 * ((columns + MAX_RUN - 1) / MAX_RUN);
    for (int s = 0; s < segments; s++) {
      int length = starts[s + 1] - starts[s];
      if (length < minimum) {
        throw malformed(
            name
                + ", segment "
                + (s + 1)
                + " of "
                + segments
                + " is truncated: "
                + length
                + " bytes cannot encode "
                + rows
                + " rows of "
                + columns
                + " bytes (at least "
                + minimum
                + " needed)");
      }
    }

    int[] samples = new int[rows * columns];
    for (int s = 0; s < segments; s++) {
      decodeSegment(
          frame,
          starts[s],
          starts[s + 1],
          samples,
          8 * (bytesPerSample - 1 - s),
          name + ", segment " + (s + 1) + " of " + segments);
    }
    return samples;
  }

  /**
   * Decodes the PackBits segment {@code frame[start, end)} into the byte plane at {@code shift}
   * bits of {@code samples}.
   */
  private void decodeSegment(
      byte[] frame, int start, int end, int[] samples, int shift, String segment)
      throws DicomParseException {
    int total = samples.length;
    int out = 0;
    int rowEnd = columns;
    int in = start;
    while (in < end) {
      int header = frame[in];
      if (header == -128) {
        in++;
        continue;
      }
      if (out == total) {
        if (in == end - 1) {
          break; // one byte of padding to an even segment length
        }
        throw malformed(
            segment
                + " decodes to more than "
                + total
                + " bytes (rows × columns = "
                + rows
                + " × "
                + columns
                + "): data continues at byte "
                + (in - start)
                + " of the segment");
      }
      boolean literal = header >= 0;
      int run = literal ? header + 1 : 1 - header;
      int needed = literal ? run : 1;
      if (end - in - 1 < needed) {
        throw malformed(
            segment
                + " is truncated: the "
                + (literal ? "literal run of " + run + " bytes" : "replicate run")
                + " at byte "
                + (in - start)
                + " of the segment needs "
                + needed
                + (needed == 1 ? " byte" : " bytes")
                + ", "
                + (end - in - 1)
                + " remain");
      }
      if (out + run > rowEnd) {
        throw overflow(segment, literal, run, in - start, out, rowEnd == total);
      }
      int value = frame[in + 1] & 0xFF;
      for (int i = 0; i < run; i++) {
        if (literal) {
          value = frame[in + 1 + i] & 0xFF;
        }
        samples[out + i] |= value << shift;
      }
      out += run;
      in += 1 + needed;
      if (out == rowEnd) {
        rowEnd += columns;
      }
    }
    if (out < total) {
      throw malformed(
          segment
              + " decodes to only "
              + out
              + " of "
              + total
              + " bytes (rows × columns = "
              + rows
              + " × "
              + columns
              + ")");
    }
  }

  private DicomParseException overflow(
      String segment, boolean literal, int run, int at, int out, boolean lastRow) {
    String what =
        (literal ? "a literal run of " : "a replicate run of ")
            + run
            + " bytes at byte "
            + at
            + " of the segment";
    if (lastRow) {
      return malformed(
          segment
              + " decodes to more than "
              + rows * columns
              + " bytes (rows × columns = "
              + rows
              + " × "
              + columns
              + "): "
              + what
              + " starts at byte "
              + out
              + " of the plane");
    }
    int row = out / columns;
    return malformed(
        segment
            + ": "
            + what
            + " overflows row "
            + (row + 1)
            + " of "
            + rows
            + " (it starts at column "
            + (out - row * columns + 1)
            + " of "
            + columns
            + "); runs must not cross a row end (PS3.5 G.3.1)");
  }

  private DicomParseException malformed(String problem) {
    return new DicomParseException(
        DicomParseException.Reason.MALFORMED, "RLE Lossless pixel data, " + problem + where);
  }

  private static long uint32(byte[] bytes, int at) {
    return (bytes[at] & 0xFFL)
        | (bytes[at + 1] & 0xFFL) << 8
        | (bytes[at + 2] & 0xFFL) << 16
        | (bytes[at + 3] & 0xFFL) << 24;
  }
}

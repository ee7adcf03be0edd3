package org.rtds.ingest.dicom;

import java.util.Objects;

/**
 * The stored pixel values of every frame of an image or RT Dose grid, as returned by {@link
 * DicomObject#pixelFrames()}: native (uncompressed) pixel data of any byte order, or RLE Lossless
 * pixel data decoded by RTDS itself.
 *
 * <p>Values are the raw <em>stored</em> values (PS3.5 8.1.1): the {@link #bitsStored()} low bits of
 * each pixel cell, sign-extended when {@link #signed()} (PixelRepresentation 1), zero-extended
 * otherwise. No rescaling is applied. In particular:
 *
 * <ul>
 *   <li>RT Dose: dose = stored value × DoseGridScaling (3004,000E), in the unit DoseUnits
 *       (3004,0002) names. When DoseUnits is {@code GY}, dose in Gy = {@code value ×
 *       DoseGridScaling}; when it is {@code RELATIVE}, the result is relative to an unstated
 *       reference dose and no absolute dose is known. See {@link #scaledFrame(int, double)}.
 *   <li>CT: Hounsfield units = stored value × RescaleSlope + RescaleIntercept.
 * </ul>
 *
 * <p>Values are returned as {@code long} because 32-bit unsigned stored values (the usual encoding
 * of RT Dose grids) reach 2³² − 1, which an {@code int} cannot hold.
 *
 * <p>Frames are indexed from 0 (DICOM frame number 1 is index 0); within a frame, pixels are in row
 * order: index = row × {@link #columns()} + column, rows and columns counted from 0 at the top left
 * of the image. For an RT Dose, frame {@code k} is the dose plane at GridFrameOffsetVector[k] (mm).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PixelFrames {

  /**
   * The most pixel values (Rows × Columns × NumberOfFrames) RTDS reads from one object: 2²⁷ =
   * 134,217,728, e.g. a 512 × 512 × 512 dose grid; it takes 512 MiB in memory. Larger objects are
   * rejected with {@link DicomParseException.Reason#TOO_LARGE} before anything is allocated.
   */
  public static final long MAX_VALUES = 1L << 27;

  /**
   * The most frames RTDS reads from one object (RT Dose grids have up to a few hundred). Larger
   * NumberOfFrames values are rejected with {@link DicomParseException.Reason#TOO_LARGE}, by {@link
   * DicomReader} already, because the library allocates per declared frame.
   */
  public static final int MAX_FRAMES = 100_000;

  private final int rows;
  private final int columns;
  private final int bitsAllocated;
  private final int bitsStored;
  private final boolean signed;

  /**
   * Per frame, the values as {@code int}: exact for every layout except 32 bits stored unsigned,
   * where they hold the bit pattern (read with {@link Integer#toUnsignedLong}).
   */
  private final int[][] frames;

  PixelFrames(
      int rows, int columns, int bitsAllocated, int bitsStored, boolean signed, int[][] frames) {
    this.rows = rows;
    this.columns = columns;
    this.bitsAllocated = bitsAllocated;
    this.bitsStored = bitsStored;
    this.signed = signed;
    this.frames = Objects.requireNonNull(frames, "frames");
    for (int[] frame : frames) {
      if (frame.length != rows * columns) {
        throw new IllegalArgumentException(
            "a frame has " + frame.length + " values, not " + rows + " × " + columns);
      }
    }
  }

  /** Returns the number of frames (for an RT Dose, of dose planes). */
  public int numberOfFrames() {
    return frames.length;
  }

  /** Returns the number of rows of every frame (Rows, 0028,0010). */
  public int rows() {
    return rows;
  }

  /** Returns the number of columns of every frame (Columns, 0028,0011). */
  public int columns() {
    return columns;
  }

  /** Returns the number of values in one frame: rows × columns. */
  public int valuesPerFrame() {
    return rows * columns;
  }

  /** Returns the bits allocated per value (BitsAllocated, 0028,0100): 8, 16 or 32. */
  public int bitsAllocated() {
    return bitsAllocated;
  }

  /** Returns the bits of each cell that hold the value (BitsStored, 0028,0101). */
  public int bitsStored() {
    return bitsStored;
  }

  /** Returns whether values are two's complement signed (PixelRepresentation 1). */
  public boolean signed() {
    return signed;
  }

  /**
   * Returns one stored value.
   *
   * @param frame frame index, from 0
   * @param row row, from 0 at the top
   * @param column column, from 0 at the left
   * @throws IndexOutOfBoundsException if an index is outside the grid
   */
  public long value(int frame, int row, int column) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(column, columns);
    return widen(frames[Objects.checkIndex(frame, frames.length)][row * columns + column]);
  }

  /**
   * Returns the stored values of one frame, in row order.
   *
   * @param frame frame index, from 0
   * @return a new array of {@link #valuesPerFrame()} values
   * @throws IndexOutOfBoundsException if there is no such frame
   */
  public long[] frame(int frame) {
    int[] source = frames[Objects.checkIndex(frame, frames.length)];
    long[] values = new long[source.length];
    for (int i = 0; i < source.length; i++) {
      values[i] = widen(source[i]);
    }
    return values;
  }

  /**
   * Returns the stored values of every frame: {@code values()[frame][row × columns + column]}.
   *
   * @return new arrays, {@link #numberOfFrames()} × {@link #valuesPerFrame()}
   */
  public long[][] values() {
    long[][] values = new long[frames.length][];
    for (int f = 0; f < frames.length; f++) {
      values[f] = frame(f);
    }
    return values;
  }

  /**
   * Returns the values of one frame multiplied by a factor, e.g. an RT Dose plane in Gy with {@code
   * factor} = DoseGridScaling when DoseUnits is {@code GY}. Every stored value (at most 32 bits) is
   * exact as a double before the multiplication.
   *
   * @param frame frame index, from 0
   * @param factor the factor, e.g. DoseGridScaling (Gy per stored unit)
   * @return a new array of {@link #valuesPerFrame()} values, in row order
   * @throws IndexOutOfBoundsException if there is no such frame
   */
  public double[] scaledFrame(int frame, double factor) {
    int[] source = frames[Objects.checkIndex(frame, frames.length)];
    double[] values = new double[source.length];
    for (int i = 0; i < source.length; i++) {
      values[i] = widen(source[i]) * factor;
    }
    return values;
  }

  /** Returns e.g. {@code 15 frames of 10 × 10, 32 bits unsigned}. */
  @Override
  public String toString() {
    return frames.length
        + (frames.length == 1 ? " frame" : " frames")
        + " of "
        + rows
        + " × "
        + columns
        + ", "
        + bitsStored
        + " bits "
        + (signed ? "signed" : "unsigned");
  }

  private long widen(int value) {
    return signed ? value : Integer.toUnsignedLong(value);
  }
}

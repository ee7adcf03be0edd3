package org.rtds.domain.rt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The text form of one dose frame in {@code rt_dose_image.ImageData}: {@code rtds-pixels-v1;}
 * followed by the Base64 of the deflate-compressed stored pixel values, little endian, row by row,
 * each {@link RtDoseImage#getBitsAllocated() BitsAllocated} wide and signed when {@link
 * RtDoseImage#getPixelRepresentation() PixelRepresentation} is 1.
 *
 * <p>The values are the <em>stored</em> values of the RT Dose, exactly as sent (lossless): the dose
 * in the grid's units ({@link RtDose#getDoseUnits()}: Gy, or percent for {@code RELATIVE}) is the
 * stored value &times; {@link RtDose#getDoseGridScaling() DoseGridScaling}. One row per frame keeps
 * every value well below the database's packet limit (a 512 &times; 512 frame of 32-bit values is 1
 * MiB before compression) and lets a frame be read on its own.
 */
public final class DoseImageData {

  /** The format marker that starts every encoded frame. */
  public static final String PREFIX = "rtds-pixels-v1;";

  private DoseImageData() {}

  /**
   * Encodes stored values.
   *
   * @param values the stored values of one frame, row-major
   * @param bitsAllocated 8, 16 or 32
   * @return the text for {@code ImageData}
   */
  public static String encode(long[] values, int bitsAllocated) {
    int bytesPerValue = bytesPerValue(bitsAllocated);
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
    for (long value : values) {
      switch (bytesPerValue) {
        case 1 -> buffer.put((byte) value);
        case 2 -> buffer.putShort((short) value);
        default -> buffer.putInt((int) value);
      }
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(buffer.array());
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.capacity() / 4 + 64);
    byte[] chunk = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    deflater.end();
    return PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @param text the {@code ImageData} value
   * @param count the number of values (rows &times; columns)
   * @param bitsAllocated 8, 16 or 32
   * @param signed whether the values are two's complement (PixelRepresentation 1)
   * @return the stored values
   * @throws IllegalArgumentException if the text is not in this format or holds another number of
   *     values
   */
  public static long[] decode(String text, int count, int bitsAllocated, boolean signed) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "ImageData is not in the " + PREFIX + " format (a legacy row?)");
    }
    int bytesPerValue = bytesPerValue(bitsAllocated);
    byte[] raw = new byte[count * bytesPerValue];
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(Base64.getDecoder().decode(text.substring(PREFIX.length())));
      int read = 0;
      while (read < raw.length && !inflater.finished()) {
        int n = inflater.inflate(raw, read, raw.length - read);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        read += n;
      }
      if (read != raw.length || !inflater.finished()) {
        throw new IllegalArgumentException(
            "ImageData holds " + read + " bytes of values, " + raw.length + " expected");
      }
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("ImageData is corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] =
          switch (bytesPerValue) {
            case 1 -> signed ? buffer.get() : Byte.toUnsignedLong(buffer.get());
            case 2 -> signed ? buffer.getShort() : Short.toUnsignedLong(buffer.getShort());
            default -> signed ? buffer.getInt() : Integer.toUnsignedLong(buffer.getInt());
          };
    }
    return values;
  }

  private static int bytesPerValue(int bitsAllocated) {
    return switch (bitsAllocated) {
      case 8 -> 1;
      case 16 -> 2;
      case 32 -> 4;
      default ->
          throw new IllegalArgumentException(
              "BitsAllocated " + bitsAllocated + " (8, 16 or 32 expected)");
    };
  }
}

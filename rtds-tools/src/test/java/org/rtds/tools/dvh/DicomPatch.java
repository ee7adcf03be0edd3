package org.rtds.tools.dvh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-level edits of explicit VR little endian files written by rtds-testdata, for cases the
 * generator does not offer (RELATIVE dose units, FRACTION summation, ROI names with CSV
 * metacharacters). Only short-VR elements (CS, LO, SH, …) are edited.
 */
public final class DicomPatch {
  private DicomPatch() {}

  /**
   * Replaces the value of the first element (group, element) whose value is {@code oldValue}.
   * Changing the length is only safe for top-level elements (no enclosing defined-length sequence).
   */
  public static void replace(Path file, int group, int element, String oldValue, String newValue)
      throws IOException {
    byte[] b = Files.readAllBytes(file);
    byte[] oldBytes = padded(oldValue);
    byte[] newBytes = padded(newValue);
    for (int i = 0; i + 8 + oldBytes.length <= b.length; i++) {
      if (u16(b, i) == group
          && u16(b, i + 2) == element
          && Character.isUpperCase(b[i + 4])
          && Character.isUpperCase(b[i + 5])
          && u16(b, i + 6) == oldBytes.length
          && regionMatches(b, i + 8, oldBytes)) {
        byte[] out = new byte[b.length - oldBytes.length + newBytes.length];
        System.arraycopy(b, 0, out, 0, i + 6);
        out[i + 6] = (byte) newBytes.length;
        out[i + 7] = (byte) (newBytes.length >> 8);
        System.arraycopy(newBytes, 0, out, i + 8, newBytes.length);
        System.arraycopy(
            b,
            i + 8 + oldBytes.length,
            out,
            i + 8 + newBytes.length,
            b.length - i - 8 - oldBytes.length);
        Files.write(file, out);
        return;
      }
    }
    throw new IllegalStateException(
        String.format("(%04X,%04X) = '%s' not found in %s", group, element, oldValue, file));
  }

  private static byte[] padded(String value) {
    String v = value.length() % 2 == 0 ? value : value + " ";
    return v.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  private static boolean regionMatches(byte[] b, int at, byte[] value) {
    for (int k = 0; k < value.length; k++) {
      if (b[at + k] != value[k]) {
        return false;
      }
    }
    return true;
  }
}

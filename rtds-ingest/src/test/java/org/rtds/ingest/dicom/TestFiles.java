package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes modified copies of DICOM fixtures (test code of this package may use PixelMed directly).
 */
final class TestFiles {

  /** A change to an attribute list. */
  interface Edit {
    void apply(AttributeList list) throws DicomException;
  }

  private TestFiles() {}

  /**
   * Reads {@code source}, applies {@code edit} and writes a Part 10 file with fresh file meta
   * information.
   *
   * @param transferSyntaxUid the transfer syntax to write, or null to keep the source's
   */
  static Path rewrite(Path source, Path target, String transferSyntaxUid, Edit edit)
      throws IOException, DicomException {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    list.read(source.toFile());
    String transferSyntax =
        transferSyntaxUid != null
            ? transferSyntaxUid
            : Attribute.getSingleStringValueOrDefault(
                list, TagFromName.TransferSyntaxUID, DicomReader.IMPLICIT_VR_LITTLE_ENDIAN);
    // Taken before the edit, which may remove the SOP UIDs the file meta information repeats.
    String sopClassUid =
        Attribute.getSingleStringValueOrDefault(list, TagFromName.SOPClassUID, "1.2.3");
    String sopInstanceUid =
        Attribute.getSingleStringValueOrDefault(list, TagFromName.SOPInstanceUID, "1.2.3.4");
    edit.apply(list);
    list.removeGroupLengthAttributes();
    list.removeMetaInformationHeaderAttributes();
    FileMetaInformation.addFileMetaInformation(
        list, sopClassUid, sopInstanceUid, transferSyntax, "RTDS_TEST");
    list.write(target.toFile(), transferSyntax, true, true);
    return target;
  }

  /** Writes the first {@code length} bytes of {@code source}. */
  static Path truncate(Path source, Path target, long length) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    Files.write(target, Arrays.copyOf(bytes, (int) length));
    return target;
  }

  /**
   * Writes a copy with the first occurrence of {@code from} replaced by {@code to} (same length).
   */
  static Path patch(Path source, Path target, String from, String to) throws IOException {
    if (from.length() != to.length()) {
      throw new IllegalArgumentException("a patch must keep the length");
    }
    byte[] bytes = Files.readAllBytes(source);
    int at = indexOf(bytes, from.getBytes(StandardCharsets.US_ASCII));
    if (at < 0) {
      throw new IllegalArgumentException(from + " not found in " + source);
    }
    byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(replacement, 0, bytes, at, replacement.length);
    Files.write(target, bytes);
    return target;
  }

  static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

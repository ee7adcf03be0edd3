package org.rtds.features.dose.inputs;

import org.rtds.features.dose.inputs.StudyInputException.Kind;

/** Parses the backslash-separated decimal strings (DS) of DICOM attributes as stored. */
public final class DicomNumbers {

  private DicomNumbers() {}

  /**
   * Parses a backslash-separated DICOM decimal string.
   *
   * @param value e.g. "-60\-60\-19.5"
   * @param count expected number of values
   * @param what name for messages, e.g. "CT PixelSpacing"
   * @return the numbers
   * @throws StudyInputException ({@link Kind#UNSUPPORTED}) when missing, malformed, not finite or
   *     of another count
   */
  public static double[] parse(String value, int count, String what) throws StudyInputException {
    if (value == null || value.isBlank()) {
      throw new StudyInputException(Kind.UNSUPPORTED, what + " is missing");
    }
    String[] parts = value.trim().split("\\\\");
    if (parts.length != count) {
      throw new StudyInputException(
          Kind.UNSUPPORTED,
          what + " holds " + parts.length + " values, " + count + " expected: " + value);
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new StudyInputException(Kind.UNSUPPORTED, what + " is not numeric: " + value);
      }
      if (!Double.isFinite(out[i])) {
        throw new StudyInputException(Kind.UNSUPPORTED, what + " is not finite: " + value);
      }
    }
    return out;
  }
}

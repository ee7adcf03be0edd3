package org.rtds.domain.rt;

import java.util.List;
import org.rtds.domain.text.DecimalList;

/**
 * The text form of a contour's points in {@code rt_contour.ContourData}: the Contour Data
 * (3006,0050) values x1,y1,z1,x2,y2,z2,&hellip; in mm (DICOM patient coordinates, LPS) separated by
 * commas, each exactly as the decimal string it was sent as, so nothing is lost by reformatting.
 */
public final class ContourPoints {

  private ContourPoints() {}

  /** Joins the decimal strings of Contour Data, as sent. */
  public static String format(List<String> decimalStrings) {
    return String.join(",", decimalStrings);
  }

  /**
   * Parses the stored text (commas; a legacy row may use backslashes or spaces).
   *
   * @return x, y, z of each point in mm
   * @throws IllegalArgumentException if a value is not a number or the count is not a multiple of 3
   */
  public static double[] parse(String text) {
    if (text == null || text.isBlank()) {
      return new double[0];
    }
    try {
      // the stored form (commas, or backslashes as sent): one pass, bit for bit parseDouble's
      // values
      double[] values =
          DecimalList.parse(text, ',', '\\', (index, item) -> new NumberFormatException(item));
      if (values.length % 3 == 0) {
        return values;
      }
    } catch (NumberFormatException e) {
      // a legacy row with spaces or repeated separators, or a bad value: the general path below
    }
    String[] parts = text.trim().split("[,\\\\\\s]+");
    if (parts.length % 3 != 0) {
      throw new IllegalArgumentException(
          "ContourData holds " + parts.length + " values, not a multiple of 3 (x, y, z)");
    }
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "ContourData value " + (i + 1) + " '" + parts[i] + "' is not a number", e);
      }
    }
    return values;
  }
}

package org.rtds.web.api.study;

import java.util.Locale;

/** RFC 4180 CSV rows for the tabular API answers ({@code Accept: text/csv}). */
final class Csv {

  private Csv() {}

  /** One line: fields quoted when they hold a comma, quote or line break; CRLF-free. */
  static String row(String... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String field = fields[i] == null ? "" : fields[i];
      if (field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
    }
    return line.append('\n').toString();
  }

  /** A number with up to 4 decimals, '.' as separator; empty for null. */
  static String number(Double value) {
    if (value == null) {
      return "";
    }
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}

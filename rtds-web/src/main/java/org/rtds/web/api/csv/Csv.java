package org.rtds.web.api.csv;

import java.util.Locale;

/**
 * RFC 4180 CSV fields and lines for the tabular API answers ({@code Accept: text/csv}, written by
 * {@link CsvWriter}) and the pages' exports.
 */
public final class Csv {

  private Csv() {}

  /** One line: fields quoted when they hold a comma, quote or line break; CRLF-free. */
  public static String row(String... fields) {
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

  /**
   * Free text for a CSV field, defused against formula injection: a text a spreadsheet would run as
   * a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP
   * "CSV injection"). Use it for names, descriptions, user input; never for numbers.
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** A number with up to 4 decimals, '.' as separator; empty for null. */
  public static String number(Double value) {
    if (value == null) {
      return "";
    }
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}

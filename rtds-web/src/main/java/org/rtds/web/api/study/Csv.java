package org.rtds.web.api.study;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** RFC 4180 CSV rows for the tabular API answers ({@code Accept: text/csv}). */
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
   * The answer of a tabular endpoint: {@code json} as JSON, or, when the caller accepts {@code
   * text/csv}, the header line and the rows each item gives.
   *
   * @param headers the request's headers
   * @param json the JSON answer
   * @param header the CSV header line (without line end)
   * @param items what the rows come from
   * @param rows writes an item's rows (each a field array) to the consumer
   * @param <T> item type
   * @return the response
   */
  public static <T> Response answer(
      HttpHeaders headers,
      Object json,
      String header,
      List<T> items,
      BiConsumer<T, Consumer<String[]>> rows) {
    boolean csv =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype()));
    if (!csv) {
      return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
    StringBuilder text = new StringBuilder(header).append('\n');
    for (T item : items) {
      rows.accept(item, fields -> text.append(row(fields)));
    }
    return Response.ok(text.toString(), "text/csv").build();
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

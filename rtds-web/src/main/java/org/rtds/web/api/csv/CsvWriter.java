package org.rtds.web.api.csv;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The one writer of {@code text/csv} answers: a {@link CsvRows} representation, or a collection of
 * them (its element type, from the resource method's declared return type, names the columns, so an
 * empty list still has its header). UTF-8, a header line, then the rows, each ended by a line feed.
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

  public static final String TEXT_CSV = "text/csv";

  /** For {@code @Produces} of tabular resources: JSON unless the caller asks for CSV. */
  public static final String TEXT_CSV_SECOND = "text/csv;qs=0.5";

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return columns(type, genericType) != null;
  }

  @Override
  public void writeTo(
      Object entity,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream body)
      throws IOException {
    headers.putSingle(HttpHeaders.CONTENT_TYPE, TEXT_CSV + ";charset=UTF-8");
    Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
    write(entity, columns(type, genericType), out);
    out.flush();
  }

  /**
   * Writes a table.
   *
   * @param entity a {@link CsvRows} or a collection of them
   * @param columns the header
   * @param out where to
   */
  public static void write(Object entity, CsvColumns columns, Writer out) throws IOException {
    out.write(Csv.row(columns.value()));
    IOException[] failure = new IOException[1];
    Iterable<?> items = entity instanceof Collection<?> c ? c : java.util.List.of(entity);
    for (Object item : items) {
      ((CsvRows) item)
          .csvRows(
              fields -> {
                if (fields.length != columns.value().length) {
                  throw new IllegalStateException(
                      "a CSV row of "
                          + item.getClass().getSimpleName()
                          + " has "
                          + fields.length
                          + " fields for "
                          + columns.value().length
                          + " columns");
                }
                if (failure[0] == null) {
                  try {
                    out.write(Csv.row(fields));
                  } catch (IOException e) {
                    failure[0] = e;
                  }
                }
              });
      if (failure[0] != null) {
        throw failure[0];
      }
    }
  }

  /**
   * The columns of a CSV representation type: of the class itself, or of the element type of a
   * collection; null when it has no CSV form.
   */
  public static CsvColumns columns(Class<?> type, Type genericType) {
    if (CsvRows.class.isAssignableFrom(type)) {
      return type.getAnnotation(CsvColumns.class);
    }
    if (Collection.class.isAssignableFrom(type)
        && genericType instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> element
        && CsvRows.class.isAssignableFrom(element)) {
      return element.getAnnotation(CsvColumns.class);
    }
    return null;
  }
}

package org.rtds.web.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streaming reader of MIME multipart bodies ({@code multipart/form-data} uploads, {@code
 * multipart/related} STOW-RS requests, RFC 2046 §5.1): parts are read one after the other straight
 * from the request, so a body of any size needs only a small buffer. Nothing relies on a
 * Content-Length (chunked requests, parts without one): parts end at the next delimiter.
 *
 * <p>Lenient where real clients bend RFC 2046, strict where the body cannot be parsed:
 *
 * <ul>
 *   <li>boundaries longer than RFC 2046's 70 characters, up to {@link #MAX_BOUNDARY_LENGTH} (the
 *       Orthanc DICOMweb plugin sends 73: a UUID, '-', the same UUID);
 *   <li>a preamble before the first delimiter (also the CRLF that dcm4che's stowrs and the
 *       dicomweb-client Python library put first) and an epilogue after the closing one (or none:
 *       Orthanc, dcm4che and dicomweb-client end with {@code --boundary--} and no CRLF);
 *   <li>CRLF or a bare LF before delimiters and in part headers (the CR of a CRLF before a
 *       delimiter belongs to the delimiter, a bare LF alone also ends the part);
 *   <li>white space (transport padding) after a delimiter, part header names in any case, folded
 *       header lines, header lines without a colon (ignored), parts with or without Content-Length
 *       (ignored: the delimiter ends a part) or Content-Type;
 *   <li>a body that ends before the closing delimiter, a delimiter followed by other text, or part
 *       headers beyond {@value #MAX_HEADER_BYTES} bytes: {@link MalformedMultipartException} with
 *       the reason.
 * </ul>
 *
 * <p>Use: {@code while (stream.nextPart()) { stream.headers(); read stream.body() }}. Not
 * thread-safe.
 */
final class MultipartStream {

  /**
   * The longest boundary accepted. RFC 2046 allows 70 characters; clients send more (Orthanc: 73),
   * and nothing in the parser depends on the length, but a header of kilobytes is not a boundary.
   */
  static final int MAX_BOUNDARY_LENGTH = 1000;

  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream in;
  private final String boundary;
  private final byte[] delimiter;
  private final byte[] buffer;
  private int position;
  private int limit;
  private boolean finished;
  private boolean started;
  private Map<String, String> headers = Map.of();
  private PartInputStream current;

  /**
   * @param in the body
   * @param contentType the request's Content-Type, with the {@code boundary} parameter
   * @throws MalformedMultipartException without a usable boundary
   */
  MultipartStream(InputStream in, UploadContentType contentType)
      throws MalformedMultipartException {
    String value = contentType.parameter("boundary").orElse(null);
    if (value == null || value.isEmpty()) {
      throw new MalformedMultipartException(
          contentType.mediaType() + " request without a boundary parameter in its Content-Type");
    }
    if (value.length() > MAX_BOUNDARY_LENGTH) {
      throw new MalformedMultipartException(
          "boundary longer than "
              + MAX_BOUNDARY_LENGTH
              + " characters ("
              + value.length()
              + "; RFC 2046 allows 70)");
    }
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c > 0xFF)) {
      throw new MalformedMultipartException(
          "the boundary has line breaks or characters beyond ISO-8859-1");
    }
    this.in = in;
    this.boundary = value;
    this.delimiter = ("\n--" + value).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[Math.max(64 * 1024, 4 * delimiter.length)];
    // the body may start with "--boundary": pretend a line break precedes it so every delimiter
    // looks alike
    buffer[0] = '\n';
    limit = 1;
  }

  /**
   * Moves to the next part, skipping what is left of the current one.
   *
   * @return false after the closing delimiter
   * @throws MalformedMultipartException if the body is not valid multipart
   */
  boolean nextPart() throws IOException {
    if (finished) {
      return false;
    }
    if (current != null) {
      current.skipToEnd();
    } else if (!started) {
      started = true;
      new PartInputStream(
              "the body holds no boundary "
                  + shown("--" + boundary)
                  + " (the Content-Type's boundary parameter does not match the body)")
          .skipToEnd(); // the preamble
    }
    // after a delimiter: "--" ends the body; otherwise optional white space and a line break
    if (!fill(2)) {
      throw truncated();
    }
    if (buffer[position] == '-' && buffer[position + 1] == '-') {
      finished = true;
      return false;
    }
    String line = readLine();
    if (!line.isBlank()) {
      throw new MalformedMultipartException(
          "unexpected text after the boundary " + shown("--" + boundary) + ": " + shown(line));
    }
    headers = readHeaders();
    current = new PartInputStream(null);
    return true;
  }

  /** Headers of the current part, names in lower case. */
  Map<String, String> headers() {
    return headers;
  }

  /** The content of the current part; reading stops at the next boundary. */
  InputStream body() {
    return current;
  }

  private MalformedMultipartException truncated() {
    return new MalformedMultipartException(
        "the body ends before the closing boundary " + shown("--" + boundary + "--"));
  }

  /** A boundary or text for a message: long ones shortened. */
  private static String shown(String text) {
    return text.length() <= 100 ? text : text.substring(0, 90) + "…(" + text.length() + " chars)";
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> result = new TreeMap<>();
    int total = 0;
    String last = null;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      total += line.length();
      if (total > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException(
            "part headers longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        result.merge(last, " " + line.trim(), String::concat); // a folded line (RFC 5322 §2.2.3)
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        result.putIfAbsent(last, line.substring(colon + 1).trim());
      }
    }
    return result;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (!fill(1)) {
        throw truncated();
      }
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException(
            "a part header line is longer than " + MAX_HEADER_BYTES + " bytes");
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Ensures {@code n} bytes are buffered from {@code position}; false at the end of input. */
  private boolean fill(int n) throws IOException {
    if (limit - position >= n) {
      return true;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < n) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        return false;
      }
      limit += read;
    }
    return true;
  }

  private int indexOfDelimiter() {
    byte first = delimiter[0];
    outer:
    for (int i = position; i <= limit - delimiter.length; i++) {
      if (buffer[i] != first) {
        continue;
      }
      for (int j = 1; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The content of one part (or the preamble): ends where the next delimiter starts, before the CR
   * of its CRLF. Holds back the last {@code delimiter.length} bytes until it knows they are not the
   * start of a delimiter, so the CR before one is never handed out.
   */
  private final class PartInputStream extends InputStream {
    private final String noDelimiter;
    private boolean ended;

    /**
     * @param noDelimiter the message when the input ends without a delimiter, null: truncated
     */
    PartInputStream(String noDelimiter) {
      this.noDelimiter = noDelimiter;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        int found = indexOfDelimiter();
        int available;
        if (found >= 0) {
          int end = found > position && buffer[found - 1] == '\r' ? found - 1 : found;
          if (end == position) {
            position = found + delimiter.length;
            ended = true;
            return -1;
          }
          available = end - position;
        } else {
          available = limit - position - delimiter.length;
        }
        if (available > 0) {
          int n = Math.min(available, length);
          System.arraycopy(buffer, position, target, offset, n);
          position += n;
          return n;
        }
        if (!fill(limit - position + 1)) {
          throw noDelimiter == null ? truncated() : new MalformedMultipartException(noDelimiter);
        }
      }
    }

    void skipToEnd() throws IOException {
      byte[] skip = new byte[8192];
      while (read(skip, 0, skip.length) >= 0) {
        // discard
      }
    }
  }
}

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
 * from the request, so a body of any size needs only a small buffer.
 *
 * <p>Use: {@code while (stream.nextPart()) { stream.headers(); read stream.body() }}. Not
 * thread-safe.
 */
final class MultipartStream {

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream in;
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
   * @param boundary the {@code boundary} parameter of the Content-Type
   */
  MultipartStream(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException(
          "the multipart Content-Type needs a boundary parameter of 1 to 70 characters");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[Math.max(64 * 1024, 4 * delimiter.length)];
    // the body starts with "--boundary": pretend a CRLF precedes it so every delimiter looks alike
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
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
      new PartInputStream().skipToEnd(); // the preamble
    }
    // after a delimiter: "--" ends the body; otherwise optional white space and CRLF
    if (!fill(2)) {
      throw new MalformedMultipartException("the body ends without the closing boundary");
    }
    if (buffer[position] == '-' && buffer[position + 1] == '-') {
      finished = true;
      return false;
    }
    String line = readLine();
    if (!line.isBlank()) {
      throw new MalformedMultipartException("unexpected text after a boundary: " + line);
    }
    headers = readHeaders();
    current = new PartInputStream();
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

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> result = new TreeMap<>();
    int total = 0;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      total += line.length();
      if (total > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException("part headers longer than " + MAX_HEADER_BYTES);
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        result.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return result;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (!fill(1)) {
        throw new MalformedMultipartException("the body ends inside part headers");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException("a part header line is too long");
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
    outer:
    for (int i = position; i <= limit - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The content of one part: ends where the next delimiter starts. */
  private final class PartInputStream extends InputStream {
    private boolean ended;

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
        int available = found >= 0 ? found - position : limit - position - delimiter.length + 1;
        if (available > 0) {
          int n = Math.min(available, length);
          System.arraycopy(buffer, position, target, offset, n);
          position += n;
          return n;
        }
        if (found == position) {
          position += delimiter.length;
          ended = true;
          return -1;
        }
        if (!fill(delimiter.length + 1)) {
          if (!fill(delimiter.length)) {
            throw new MalformedMultipartException("the body ends inside a part (no boundary)");
          }
          // exactly a delimiter's worth left: it must be the delimiter
          if (indexOfDelimiter() != position) {
            throw new MalformedMultipartException("the body ends inside a part (no boundary)");
          }
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

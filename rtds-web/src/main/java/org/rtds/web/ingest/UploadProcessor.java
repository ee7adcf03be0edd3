package org.rtds.web.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.rtds.ingest.boundary.Ingestion;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;

/**
 * Turns an HTTP upload into ingested objects, whatever its form: one {@code application/dicom}
 * object, a {@code multipart/form-data} or {@code multipart/related} body of many (parts may be
 * zips), or an {@code application/zip} archive. Bodies are streamed: each object is spooled into
 * the file store and ingested before the next one is read.
 *
 * <p>Limits: an object beyond {@code RTDS_MAX_OBJECT_MB} is rejected alone (TOO_LARGE); a request
 * body beyond {@code RTDS_MAX_REQUEST_MB} ends the request ({@link RequestTooLargeException}, HTTP
 * 413). A zip is expanded entry by entry with the same per-object limit, so a zip bomb fills at
 * most one object's worth of disk before it is refused; entries with absolute or {@code ..} paths
 * are refused (UNSAFE_PATH).
 */
@ApplicationScoped
public class UploadProcessor {

  /** The media type of a single DICOM object (PS3.18). */
  public static final String APPLICATION_DICOM = "application/dicom";

  /** How many times RTDS_MAX_REQUEST_MB the entries of one zip may expand to. */
  static final long ZIP_EXPANSION_LIMIT = 4;

  @Inject Ingestion ingestion;

  /** One result per received object (or refused entry), with the part or entry it came from. */
  public record Received(String file, IngestOutcome outcome) {}

  /**
   * Ingests an upload.
   *
   * @param contentType the request's Content-Type header (parsed leniently: {@link
   *     UploadContentType})
   * @param body the request body
   * @param origin the sending account, channel and client
   * @return one result per object, in order
   * @throws UnsupportedUploadException if the media type is none of the above
   * @throws RequestTooLargeException beyond RTDS_MAX_REQUEST_MB
   * @throws MalformedMultipartException if a multipart body cannot be parsed (no or a too long
   *     boundary, truncated body ...): a client error
   * @throws IOException if the body cannot be read
   */
  public List<Received> process(String contentType, InputStream body, IngestOrigin origin)
      throws IOException {
    UploadContentType mediaType = UploadContentType.parse(contentType);
    long maxRequest = ingestion.settings().maxRequestBytes();
    InputStream limited =
        new LimitedInputStream(
            body,
            maxRequest,
            "the request is larger than the limit of "
                + maxRequest / (1024 * 1024)
                + " MB (RTDS_MAX_REQUEST_MB); send fewer objects per request");
    List<Received> results = new ArrayList<>();
    String type = mediaType.mediaType();
    switch (type) {
      case APPLICATION_DICOM, "application/octet-stream" ->
          results.add(new Received(null, ingestion.ingest(limited, origin)));
      case "application/zip", "application/x-zip-compressed" ->
          ingestZip(limited, "", origin, results);
      case "multipart/form-data", "multipart/related" -> {
        MultipartStream parts = new MultipartStream(limited, mediaType);
        int index = 0;
        while (parts.nextPart()) {
          index++;
          Map<String, String> headers = parts.headers();
          String name = fileName(headers, index);
          String partType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
          if (partType.startsWith("application/zip")
              || name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            ingestZip(parts.body(), name + "!", origin, results);
          } else {
            results.add(new Received(name, ingestion.ingest(parts.body(), origin)));
          }
        }
      }
      default ->
          throw new UnsupportedUploadException(
              "Content-Type "
                  + (type.isEmpty() ? "(none)" : type)
                  + " is not accepted: send application/dicom (one object),"
                  + " multipart/form-data or multipart/related (many), or application/zip");
    }
    return results;
  }

  private void ingestZip(InputStream in, String prefix, IngestOrigin origin, List<Received> results)
      throws IOException {
    // closed here so that its inflater's native (zlib) memory is freed now, not whenever a GC
    // runs the inflater's cleaner; the caller's stream stays open (a multipart body goes on)
    try (ZipInputStream zip = openZip(new UnclosableInputStream(in))) {
      ingestZipEntries(zip, prefix, origin, results);
    }
  }

  /** Opens a zip archive for reading; a seam for the test that checks it is closed. */
  ZipInputStream openZip(InputStream in) {
    return new ZipInputStream(in);
  }

  private void ingestZipEntries(
      ZipInputStream zip, String prefix, IngestOrigin origin, List<Received> results)
      throws IOException {
    long maxExpanded = ZIP_EXPANSION_LIMIT * ingestion.settings().maxRequestBytes();
    InputStream expanded =
        new LimitedInputStream(
            zip,
            maxExpanded,
            "the zip archive expands to more than "
                + maxExpanded / (1024 * 1024)
                + " MB ("
                + ZIP_EXPANSION_LIMIT
                + " x RTDS_MAX_REQUEST_MB): refused as a possible zip bomb");
    int entries = 0;
    try {
      for (ZipEntry entry = nextEntry(zip); entry != null; entry = nextEntry(zip)) {
        entries++;
        String name = prefix + entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (isUnsafe(entry.getName())) {
          results.add(
              new Received(
                  name,
                  IngestOutcome.rejected(
                      "UNSAFE_PATH",
                      "zip entry '"
                          + entry.getName()
                          + "' has an absolute path or '..'; refused (path traversal)")));
          continue;
        }
        results.add(new Received(name, ingestion.ingest(expanded, origin)));
      }
    } catch (ZipException e) {
      results.add(
          new Received(
              prefix.isEmpty() ? null : prefix,
              IngestOutcome.rejected("NOT_ZIP", "the zip archive is damaged: " + e.getMessage())));
    } catch (EOFException e) {
      // the inflater's "Unexpected end of ZLIB input stream": a cut-off zip is bad input, not a
      // server error (a multipart body cut off is a MalformedMultipartException, not caught here)
      results.add(
          new Received(
              prefix.isEmpty() ? null : prefix,
              IngestOutcome.rejected(
                  "NOT_ZIP", "the zip archive is truncated: " + e.getMessage())));
    }
    if (entries == 0 && results.isEmpty()) {
      results.add(
          new Received(
              prefix.isEmpty() ? null : prefix,
              IngestOutcome.rejected("NOT_ZIP", "not a zip archive, or an empty one")));
    }
  }

  /** The next entry; a name that is not valid UTF-8 is a damaged zip, not a server error. */
  private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (IllegalArgumentException e) { // ZipInputStream's answer to a malformed entry name
      throw new ZipException("an entry name is not valid UTF-8 (" + e.getMessage() + ")");
    }
  }

  static boolean isUnsafe(String entryName) {
    String normalised = entryName.replace('\\', '/');
    if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String segment : normalised.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static String fileName(Map<String, String> headers, int index) {
    String disposition = headers.getOrDefault("content-disposition", "");
    for (String parameter : disposition.split(";")) {
      String p = parameter.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("filename=")) {
        String value = p.substring("filename=".length()).trim();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    String location = headers.get("content-location");
    return location != null ? location : "part " + index;
  }

  /** A view of a stream that {@code close()} leaves open (the caller owns the stream). */
  private static final class UnclosableInputStream extends FilterInputStream {
    UnclosableInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the underlying stream belongs to the caller
    }
  }

  /** Counts bytes read and ends the request beyond the limit. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private final String message;
    private long count;

    LimitedInputStream(InputStream in, long max, String message) {
      super(in);
      this.max = max;
      this.message = message;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws RequestTooLargeException {
      count += n;
      if (count > max) {
        throw new RequestTooLargeException(message);
      }
    }
  }

  /** The request body is larger than {@code RTDS_MAX_REQUEST_MB}. */
  public static final class RequestTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    RequestTooLargeException(String message) {
      super(message);
    }
  }

  /** The media type is not one RTDS ingests. */
  public static final class UnsupportedUploadException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedUploadException(String message) {
      super(message);
    }
  }
}

package org.rtds.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.boundary.IngestSettings;
import org.rtds.ingest.boundary.Ingestion;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/**
 * Zip uploads end their inflater when they are done, whatever the archive's state, and leave the
 * caller's stream open: an inflater left to the garbage collector holds zlib's native memory until
 * a GC happens to run its cleaner, which under sustained uploads with a large heap is memory
 * outside {@code -Xmx} (bench/memory-soak.sh measures the process).
 */
class UploadProcessorZipTest {

  private static final IngestOrigin ORIGIN = new IngestOrigin(1, IngestChannel.REST, "test");

  /** Records every zip it opens and whether it was closed. */
  private static final class RecordingProcessor extends UploadProcessor {
    final List<boolean[]> zips = new ArrayList<>();
    final List<byte[]> ingested = new ArrayList<>();

    RecordingProcessor() {
      ingestion =
          new Ingestion() {
            @Override
            public IngestOutcome ingest(InputStream in, IngestOrigin origin) throws IOException {
              ingested.add(in.readAllBytes());
              return new IngestOutcome(
                  "1.2.3", "1.2.840.10008.5.1.4.1.1.2", IngestStatus.STORED, null, null, "1.2");
            }

            @Override
            public IngestSettings settings() {
              return new IngestSettings() {
                @Override
                public long maxRequestBytes() {
                  return 64L * 1024 * 1024;
                }

                @Override
                public long maxObjectBytes() {
                  return 16L * 1024 * 1024;
                }
              };
            }
          };
    }

    @Override
    ZipInputStream openZip(InputStream in) {
      boolean[] closed = new boolean[1];
      zips.add(closed);
      return new ZipInputStream(in) {
        @Override
        public void close() throws IOException {
          closed[0] = true;
          super.close();
        }
      };
    }

    boolean allZipsClosed() {
      return !zips.isEmpty() && zips.stream().allMatch(c -> c[0]);
    }
  }

  /** The request body; records whether anyone closed it. */
  private static final class Body extends ByteArrayInputStream {
    boolean closed;

    Body(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : entries) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("object " + name).repeat(500).getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipUploadIsReadWholeAndItsInflaterEnded() throws IOException {
    RecordingProcessor processor = new RecordingProcessor();
    Body body = new Body(zip("a.dcm", "b.dcm", "c.dcm"));

    List<UploadProcessor.Received> results = processor.process("application/zip", body, ORIGIN);

    assertThat(results)
        .extracting(UploadProcessor.Received::file)
        .containsExactly("a.dcm", "b.dcm", "c.dcm");
    assertThat(processor.ingested).hasSize(3);
    assertThat(new String(processor.ingested.get(1), StandardCharsets.US_ASCII))
        .isEqualTo("object b.dcm".repeat(500));
    assertThat(processor.allZipsClosed()).isTrue();
    assertThat(body.closed).as("the request body belongs to the caller").isFalse();
  }

  @Test
  void aTruncatedZipIsRejectedAndItsInflaterEndedAllTheSame() throws IOException {
    RecordingProcessor processor = new RecordingProcessor();
    byte[] whole = zip("a.dcm", "b.dcm");
    // the local header (30 bytes + the name) and the first bytes of a.dcm's deflated data
    byte[] cut = Arrays.copyOf(whole, 30 + "a.dcm".length() + 8);

    List<UploadProcessor.Received> results =
        processor.process("application/zip", new Body(cut), ORIGIN);

    assertThat(results)
        .last()
        .satisfies(
            r -> {
              assertThat(r.outcome().status()).isEqualTo(IngestStatus.REJECTED);
              assertThat(r.outcome().reasonCode()).isEqualTo("NOT_ZIP");
            });
    assertThat(processor.allZipsClosed()).isTrue();
  }

  @Test
  void zipsInsideAMultipartBodyAreEachEndedAndTheBodyGoesOn() throws IOException {
    RecordingProcessor processor = new RecordingProcessor();
    String boundary = "rtds-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String part : List.of("first.zip", "second.zip")) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + part
                  + "\"\r\nContent-Type: application/zip\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.write(zip(part + ".dcm"));
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"plain.dcm\"\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.US_ASCII));

    List<UploadProcessor.Received> results =
        processor.process(
            "multipart/form-data; boundary=" + boundary, new Body(body.toByteArray()), ORIGIN);

    assertThat(results)
        .extracting(UploadProcessor.Received::file)
        .containsExactly("first.zip!first.zip.dcm", "second.zip!second.zip.dcm", "plain.dcm");
    assertThat(processor.zips).hasSize(2);
    assertThat(processor.allZipsClosed()).isTrue();
  }
}

package org.rtds.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multipart reader against what real clients send (each test names the client whose habit it
 * reproduces) and against bodies it must refuse with a reason.
 *
 * <p>Clients studied (their sources):
 *
 * <ul>
 *   <li>Orthanc DICOMweb plugin 1.x ({@code Plugin/DicomWebClient.cpp}, StowClientJob): {@code
 *       multipart/related; type="application/dicom"; boundary=<UUID>-<UUID>} (73 characters,
 *       unquoted), chunked transfer, {@code Expect:} empty, parts {@code --b CRLF Content-Type:
 *       application/dicom CRLF Content-Length: n CRLF CRLF <dicom> CRLF}, no preamble, closing
 *       {@code --b--} without CRLF; it requires every object in the Referenced SOP Sequence.
 *   <li>dcm4che's stowrs tool: fixed boundary {@code myboundary}, {@code
 *       multipart/related;type="application/dicom";boundary=myboundary} (no spaces), a CRLF before
 *       the first delimiter, no Content-Length in parts, chunked streaming.
 *   <li>dicomweb-client (Python, ImagingDataCommons): 32 hex digits quoted ({@code boundary="…"}),
 *       {@code type="application/dicom"}, a CRLF before the first delimiter, parts with
 *       Content-Type only, {@code CRLF--b--} at the end without CRLF.
 *   <li>DCMTK has no STOW-RS client; browsers and curl ({@code -F}) send {@code
 *       multipart/form-data} with ~40-70 character boundaries, Content-Disposition and a CRLF after
 *       the closing one.
 * </ul>
 */
class MultipartStreamTest {

  /** Orthanc: Toolbox::GenerateUuid() twice joined by '-' (StowClientJob: "make it longer"). */
  static final String ORTHANC_BOUNDARY = UUID.randomUUID() + "-" + UUID.randomUUID();

  static final byte[] DICOM_A = binary(3000, 1);
  static final byte[] DICOM_B = binary(70_000, 2);

  @Test
  void orthancDicomWebPlugin73CharacterBoundaryWithContentLengthAndNoFinalCrlf() throws Exception {
    assertThat(ORTHANC_BOUNDARY).hasSize(73);
    String contentType =
        "multipart/related; type=\"application/dicom\"; boundary=" + ORTHANC_BOUNDARY;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] dicom : List.of(DICOM_A, DICOM_B)) {
      write(
          body,
          "--"
              + ORTHANC_BOUNDARY
              + "\r\nContent-Type: application/dicom\r\nContent-Length: "
              + dicom.length
              + "\r\n\r\n");
      body.write(dicom);
      write(body, "\r\n");
    }
    write(body, "--" + ORTHANC_BOUNDARY + "--");

    List<Part> parts = parse(contentType, body.toByteArray());

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).body()).isEqualTo(DICOM_A);
    assertThat(parts.get(1).body()).isEqualTo(DICOM_B);
    assertThat(parts.get(0).headers())
        .containsEntry("content-type", "application/dicom")
        .containsEntry("content-length", String.valueOf(DICOM_A.length));
  }

  @Test
  void dcm4cheStowrsFixedBoundaryNoSpacesLeadingCrlfNoContentLength() throws Exception {
    byte[] body =
        concat(
            "\r\n--myboundary\r\nContent-Type: application/dicom\r\n\r\n",
            DICOM_A,
            "\r\n--myboundary\r\nContent-Type: application/dicom\r\n\r\n",
            DICOM_B,
            "\r\n--myboundary--");
    List<Part> parts =
        parse("multipart/related;type=\"application/dicom\";boundary=myboundary", body);
    assertThat(parts).extracting(Part::body).containsExactly(DICOM_A, DICOM_B);
  }

  @Test
  void dicomwebClientPythonQuotedHexBoundary() throws Exception {
    String boundary = "0123456789abcdef0123456789abcdef";
    byte[] body =
        concat(
            "\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n",
            DICOM_B,
            "\r\n--" + boundary + "--");
    List<Part> parts =
        parse("multipart/related; type=\"application/dicom\"; boundary=\"" + boundary + "\"", body);
    assertThat(parts).extracting(Part::body).containsExactly(DICOM_B);
  }

  @Test
  void quotedBoundaryWithSpacesParametersInAnyOrderAndCaseStartAndStartInfo() throws Exception {
    String boundary = "a boundary with spaces; and a semicolon";
    byte[] body =
        concat(
            "--" + boundary + "\r\ncontent-TYPE: Application/DICOM\r\nCONTENT-ID: <1@x>\r\n\r\n",
            DICOM_A,
            "\r\n--" + boundary + "--\r\n");
    String contentType =
        "Multipart/Related ; Boundary = \""
            + boundary
            + "\"; start=\"<1@x>\"; start-info=\"application/dicom\"; TYPE=application/dicom";
    assertThat(UploadContentType.parse(contentType).parameter("type"))
        .hasValue("application/dicom");
    List<Part> parts = parse(contentType, body);
    assertThat(parts).extracting(Part::body).containsExactly(DICOM_A);
    assertThat(parts.get(0).headers())
        .containsEntry("content-type", "Application/DICOM")
        .containsEntry("content-id", "<1@x>");
  }

  @Test
  void browserFormDataWithPreambleEpilogueTransportPaddingAndFoldedHeader() throws Exception {
    String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    byte[] body =
        concat(
            "This is the preamble; ignored.\r\n--"
                + boundary
                + "   \r\nContent-Disposition: form-data; name=\"file\";\r\n"
                + "\tfilename=\"CT.1.dcm\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            DICOM_A,
            "\r\n--" + boundary + "--\r\nThe epilogue: ignored as well.\r\n--" + boundary + "\r\n");
    List<Part> parts = parse("multipart/form-data; boundary=" + boundary, body);
    assertThat(parts).extracting(Part::body).containsExactly(DICOM_A);
    assertThat(parts.get(0).headers().get("content-disposition"))
        .isEqualTo("form-data; name=\"file\"; filename=\"CT.1.dcm\"");
  }

  @Test
  void bareLfLineEndingsAreReadAndCrLfBeforeTheDelimiterIsNotPartOfTheContent() throws Exception {
    byte[] endsWithCr = concat("", DICOM_A, "\r");
    byte[] body =
        concat(
            "--b\nContent-Type: application/dicom\n\n",
            endsWithCr,
            "\n--b\nContent-Type: application/dicom\n\n",
            DICOM_B,
            "\r\n--b--\n");
    List<Part> parts = parse("multipart/related; boundary=b", body);
    // a CR before a bare-LF delimiter is taken as CRLF: the only ambiguity of accepting bare LF
    assertThat(parts).extracting(Part::body).containsExactly(DICOM_A, DICOM_B);
  }

  @Test
  void emptyPartsAndContentThatLooksAlmostLikeTheDelimiter() throws Exception {
    byte[] tricky = "x\r\n--bound\r\n--boundar\r\n-boundary\n--boundarz".getBytes();
    byte[] body =
        concat(
            "--boundary\r\n\r\n",
            new byte[0],
            "\r\n--boundary\r\n\r\n",
            tricky,
            "\r\n--boundary--");
    assertThat(parse("multipart/related; boundary=boundary", body))
        .extracting(Part::body)
        .containsExactly(new byte[0], tricky);
  }

  /** Chunked requests arrive in pieces of any size: the result must not depend on them. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 74, 75, 76, 77, 1000, 65_536})
  void theSplitOfTheInputIntoReadsDoesNotMatter(int chunk) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] dicom : List.of(DICOM_A, new byte[] {'\r'}, DICOM_B, new byte[] {'\r', '\n'})) {
      write(body, "--" + ORTHANC_BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n");
      body.write(dicom);
      write(body, "\r\n");
    }
    write(body, "--" + ORTHANC_BOUNDARY + "--");
    List<Part> parts =
        parse(
            "multipart/related; type=application/dicom; boundary=" + ORTHANC_BOUNDARY,
            new ChunkedInput(body.toByteArray(), chunk));
    assertThat(parts)
        .extracting(Part::body)
        .containsExactly(DICOM_A, new byte[] {'\r'}, DICOM_B, new byte[] {'\r', '\n'});
  }

  @Test
  void aBoundaryOfTheLongestAcceptedLengthWorks() throws Exception {
    String boundary = "x".repeat(MultipartStream.MAX_BOUNDARY_LENGTH);
    byte[] body = concat("--" + boundary + "\r\n\r\n", DICOM_A, "\r\n--" + boundary + "--");
    assertThat(parse("multipart/related; boundary=" + boundary, body))
        .extracting(Part::body)
        .containsExactly(DICOM_A);
  }

  // --- refused, with the reason ---

  @Test
  void noBoundaryParameter() {
    assertThatThrownBy(() -> parse("multipart/related; type=\"application/dicom\"", new byte[0]))
        .isInstanceOf(MalformedMultipartException.class)
        .hasMessageContaining("multipart/related request without a boundary parameter");
    assertThatThrownBy(() -> parse("multipart/form-data; boundary=\"\"", new byte[0]))
        .hasMessageContaining("multipart/form-data request without a boundary parameter");
  }

  @Test
  void boundaryBeyondTheLimit() {
    String boundary = "x".repeat(MultipartStream.MAX_BOUNDARY_LENGTH + 1);
    assertThatThrownBy(() -> parse("multipart/related; boundary=" + boundary, new byte[0]))
        .isInstanceOf(MalformedMultipartException.class)
        .hasMessageContaining("boundary longer than 1000 characters");
  }

  @Test
  void bodyEndsBeforeTheClosingBoundary() {
    byte[] truncatedInPart = concat("--b1\r\nContent-Type: application/dicom\r\n\r\n", DICOM_A, "");
    byte[] truncatedAfterDelimiter = concat("--b1\r\n\r\n", DICOM_A, "\r\n--b1");
    byte[] truncatedInHeaders = concat("--b1\r\nContent-Type: applic", new byte[0], "");
    for (byte[] body : List.of(truncatedInPart, truncatedAfterDelimiter, truncatedInHeaders)) {
      assertThatThrownBy(() -> parse("multipart/related; boundary=b1", body))
          .isInstanceOf(MalformedMultipartException.class)
          .hasMessageContaining("body ends before the closing boundary --b1--");
    }
  }

  @Test
  void noDelimiterAtAllSaysTheBoundaryDoesNotMatch() {
    assertThatThrownBy(
            () -> parse("multipart/related; boundary=other", concat("--b1\r\n", DICOM_A, "")))
        .isInstanceOf(MalformedMultipartException.class)
        .hasMessageContaining("holds no boundary --other");
    assertThatThrownBy(() -> parse("multipart/related; boundary=other", new byte[0]))
        .hasMessageContaining("holds no boundary --other");
  }

  @Test
  void textRightAfterADelimiter() {
    assertThatThrownBy(
            () -> parse("multipart/related; boundary=b", concat("--bXYZ\r\n\r\n", DICOM_A, "")))
        .isInstanceOf(MalformedMultipartException.class)
        .hasMessageContaining("unexpected text after the boundary --b: XYZ");
  }

  @Test
  void endlessPartHeaders() {
    byte[] body = concat("--b\r\n" + "X-Padding: 0123456789\r\n".repeat(2000), new byte[0], "");
    assertThatThrownBy(() -> parse("multipart/related; boundary=b", body))
        .isInstanceOf(MalformedMultipartException.class)
        .hasMessageContaining("part headers longer than");
  }

  // --- Content-Type parsing ---

  @Test
  void contentTypeParsingIsLenientAndNeverThrows() {
    assertThat(UploadContentType.parse(null)).isEqualTo(UploadContentType.NONE);
    assertThat(UploadContentType.parse("  ").mediaType()).isEmpty();
    UploadContentType odd =
        UploadContentType.parse(
            "multipart/related;;novalue; boundary=a/b?c=d ;type=\"app\\\"x\" junk; boundary=second");
    assertThat(odd.mediaType()).isEqualTo("multipart/related");
    assertThat(odd.parameters())
        .containsEntry("boundary", "a/b?c=d")
        .containsEntry("type", "app\"x");
    assertThat(
            UploadContentType.parse("multipart/related; boundary=\"unterminated")
                .parameter("BOUNDARY"))
        .hasValue("unterminated");
    assertThat(UploadContentType.parse("text/plain").isMultipart()).isFalse();
  }

  // --- helpers ---

  record Part(Map<String, String> headers, byte[] body) {}

  static List<Part> parse(String contentType, byte[] body) throws IOException {
    return parse(contentType, new ByteArrayInputStream(body));
  }

  static List<Part> parse(String contentType, InputStream body) throws IOException {
    MultipartStream stream = new MultipartStream(body, UploadContentType.parse(contentType));
    List<Part> parts = new ArrayList<>();
    while (stream.nextPart()) {
      parts.add(new Part(stream.headers(), stream.body().readAllBytes()));
    }
    assertThat(stream.nextPart()).isFalse();
    return parts;
  }

  /** Random bytes sprinkled with CR, LF and '-' (what a delimiter is made of). */
  static byte[] binary(int length, long seed) {
    byte[] bytes = new byte[length];
    Random random = new Random(seed);
    random.nextBytes(bytes);
    for (int i = 0; i < length; i += 97) {
      bytes[i] = (byte) "\r\n-".charAt(random.nextInt(3));
    }
    return bytes;
  }

  static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, head);
    out.writeBytes(middle);
    write(out, tail);
    return out.toByteArray();
  }

  static byte[] concat(String a, byte[] b, String c, byte[] d, String e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(concat(a, b, c));
    out.writeBytes(concat("", d, e));
    return out.toByteArray();
  }

  static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Hands out at most {@code chunk} bytes per read, as a chunked request may arrive. */
  static final class ChunkedInput extends FilterInputStream {
    private final int chunk;

    ChunkedInput(byte[] bytes, int chunk) {
      super(new ByteArrayInputStream(bytes));
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}

package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast Contour Data path gives exactly what PixelMed's own DS parsing gives. */
class ContourDataCaptureTest {

  private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  @TempDir Path temp;

  /** A Contour Data element (explicit VR little endian, DS) holding {@code text}. */
  private static byte[] contourData(String text) {
    byte[] value = text.getBytes(StandardCharsets.US_ASCII);
    byte[] element = new byte[8 + value.length];
    byte[] header = {0x06, 0x30, 0x50, 0x00, 'D', 'S', (byte) value.length, 0};
    System.arraycopy(header, 0, element, 0, 8);
    System.arraycopy(value, 0, element, 8, value.length);
    return element;
  }

  /** What PixelMed is shown for a captured element: OB, length L−4, index, zeros. */
  private static byte[] placeholder(int valueLength, int index) {
    byte[] shown = new byte[8 + valueLength];
    byte[] header = {0x06, 0x30, 0x50, 0x00, 'O', 'B', 0, 0};
    System.arraycopy(header, 0, shown, 0, 8);
    int obLength = valueLength - 4;
    for (int k = 0; k < 4; k++) {
      shown[8 + k] = (byte) (obLength >>> (8 * k));
      shown[12 + k] = (byte) (index >>> (8 * k));
    }
    return shown;
  }

  @Test
  void takesEveryLongEnoughValueOutWhereverChunksSplitItAndKeepsEveryOffset() throws IOException {
    byte[] other = {0x06, 0x30, 0x26, 0x00, 'L', 'O', 2, 0, 'P', 'T'};
    byte[] tiny = contourData("1\\2\\3 "); // 6 bytes: left as it is
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String text = "-1.5\\" + i + ".25\\" + (1000 + i * 37) + "\\2\\0.5\\-3 ";
      text = text.length() % 2 == 0 ? text : text + " ";
      values.add(text);
      input.write(other);
      expected.write(other);
      input.write(contourData(text));
      expected.write(placeholder(text.length(), i));
      input.write(tiny);
      expected.write(tiny);
    }
    for (int chunk : new int[] {1, 2, 3, 5, 7, 8, 9, 64, 100_000}) {
      InputStream source = new Chunked(new ByteArrayInputStream(input.toByteArray()), chunk);
      ContourDataCapture capture = new ContourDataCapture(source);
      assertThat(capture.readAllBytes()).as("chunks of " + chunk).isEqualTo(expected.toByteArray());
      assertThat(capture.values().stream().map(v -> new String(v, StandardCharsets.US_ASCII)))
          .as("chunks of " + chunk)
          .containsExactlyElementsOf(values);
    }
  }

  @Test
  void aValueCutShortShowsAsManyBytesAsArrivedSoTheReaderSeesTheTruncation() throws IOException {
    byte[] whole = contourData("10.5\\20.25\\30.125\\40\\");
    for (int cut = 1; cut < whole.length; cut++) {
      byte[] input = Arrays.copyOf(whole, cut);
      ContourDataCapture capture =
          new ContourDataCapture(new Chunked(new ByteArrayInputStream(input), 3));
      assertThat(capture.readAllBytes()).as("cut at " + cut).hasSize(cut);
      assertThat(capture.values()).as("cut at " + cut).isEmpty();
    }
  }

  @Test
  void theNelmsStructureSetReadsTheSameWithAndWithoutTheCapture() throws Exception {
    Path rs = explicitLittleEndianNelms();
    DicomObject fast = new DicomReader(true).read(rs);
    DicomObject plain = new DicomReader(false).read(rs);
    List<String> fastPoints = contourData(fast);
    assertThat(fastPoints).isNotEmpty().isEqualTo(contourData(plain));
    try (InputStream in = Files.newInputStream(rs)) {
      ContourDataCapture capture = new ContourDataCapture(in);
      capture.readAllBytes();
      assertThat(capture.values()).as("the capture applied").hasSize(fastPoints.size() / 2);
    }
  }

  @Test
  void aValueThatIsNotANumberIsRefusedWithTheSameMessageEitherWay() throws Exception {
    byte[] bytes = Files.readAllBytes(explicitLittleEndianNelms());
    int at = TestFiles.indexOf(bytes, new byte[] {0x06, 0x30, 0x50, 0x00, 'D', 'S'});
    byte[] bad = "1.5e\\NaN\\".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bad, 0, bytes, at + 8, bad.length);
    Path patched = Files.write(temp.resolve("bad.dcm"), bytes);
    String[] messages = new String[2];
    for (boolean capture : new boolean[] {true, false}) {
      DicomObject rs = new DicomReader(capture).read(patched);
      DicomObject contour =
          rs.sequence(DicomTag.ROI_CONTOUR_SEQUENCE)
              .get(0)
              .sequence(DicomTag.CONTOUR_SEQUENCE)
              .get(0);
      assertThatThrownBy(() -> contour.doubles(DicomTag.CONTOUR_DATA))
          .isInstanceOf(DicomParseException.class)
          .satisfies(e -> messages[capture ? 0 : 1] = e.getMessage())
          .hasMessageContaining("is not a list of decimal numbers")
          .hasMessageContaining("value '1.5e\\NaN\\");
    }
    assertThat(messages[0]).isEqualTo(messages[1]);
  }

  private Path explicitLittleEndianNelms() throws Exception {
    return TestFiles.rewrite(
        TestData.nelms("RS.dcm"), temp.resolve("rs.dcm"), EXPLICIT_VR_LITTLE_ENDIAN, list -> {});
  }

  private static List<String> contourData(DicomObject rs) throws DicomParseException {
    List<String> points = new ArrayList<>();
    for (DicomObject roi : rs.sequence(DicomTag.ROI_CONTOUR_SEQUENCE)) {
      for (DicomObject contour : roi.sequence(DicomTag.CONTOUR_SEQUENCE)) {
        points.add(String.join("\\", contour.strings(DicomTag.CONTOUR_DATA)));
        double[] values = contour.doubles(DicomTag.CONTOUR_DATA);
        points.add(Arrays.toString(values));
      }
    }
    return points;
  }

  /** Serves at most {@code chunk} bytes per read. */
  private static final class Chunked extends FilterInputStream {
    private final int chunk;

    Chunked(InputStream in, int chunk) {
      super(in);
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast Contour Data path gives exactly what PixelMed's own DS parsing gives. */
class ContourDataCaptureTest {

  private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  @TempDir Path temp;

  /** A Contour Data element holding {@code text}. */
  private static byte[] contourData(String text, boolean implicit) {
    byte[] value = text.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream element = new ByteArrayOutputStream();
    element.writeBytes(new byte[] {0x06, 0x30, 0x50, 0x00});
    if (implicit) {
      element.writeBytes(new byte[] {(byte) value.length, (byte) (value.length >>> 8), 0, 0});
    } else {
      element.writeBytes(new byte[] {'D', 'S', (byte) value.length, (byte) (value.length >>> 8)});
    }
    element.writeBytes(value);
    return element.toByteArray();
  }

  /** What PixelMed is shown: the private tag, OB (explicit), the length, "RTDS", index, zeros. */
  private static byte[] placeholder(int valueLength, int index, boolean implicit) {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    shown.writeBytes(new byte[] {0x07, 0x30, 0x50, 0x10});
    int length = implicit ? valueLength : valueLength - 4;
    if (!implicit) {
      shown.writeBytes(new byte[] {'O', 'B', 0, 0});
    }
    shown.writeBytes(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), 0});
    shown.writeBytes(new byte[] {'R', 'T', 'D', 'S', (byte) index, 0, 0, 0});
    shown.writeBytes(new byte[length - 8]);
    return shown.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void takesEveryLongEnoughValueOutWhereverChunksSplitItAndKeepsEveryOffset(boolean implicit)
      throws IOException {
    byte[] other = {0x06, 0x30, 0x26, 0x00, 'L', 'O', 2, 0, 'P', 'T'};
    byte[] tiny = contourData("1\\2\\3 ", implicit); // too short for a placeholder: left as is
    byte[] notText = {0x06, 0x30, 0x50, 0x00, 'D', 'S', 12, 0, 0x01, 0x02}; // inside a binary value
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String text = "-1.5\\" + i + ".25\\" + (1000 + i * 37) + "\\2\\0.5\\-3 ";
      text = text.length() % 2 == 0 ? text : text + " ";
      values.add(text);
      for (byte[] unchanged : List.of(other, tiny, notText)) {
        input.writeBytes(unchanged);
        expected.writeBytes(unchanged);
      }
      input.writeBytes(contourData(text, implicit));
      expected.writeBytes(placeholder(text.length(), i, implicit));
    }
    String syntax = implicit ? "1.2.840.10008.1.2" : EXPLICIT_VR_LITTLE_ENDIAN;
    for (int chunk : new int[] {1, 2, 3, 5, 7, 8, 9, 64, 100_000}) {
      InputStream source = new Chunked(new ByteArrayInputStream(input.toByteArray()), chunk);
      ContourDataCapture capture = new ContourDataCapture(source, syntax);
      assertThat(capture.readAllBytes()).as("chunks of " + chunk).isEqualTo(expected.toByteArray());
      assertThat(capture.values().stream().map(v -> new String(v, StandardCharsets.US_ASCII)))
          .as("chunks of " + chunk)
          .containsExactlyElementsOf(values);
    }
  }

  @Test
  void aValueCutShortShowsAsManyBytesAsArrivedSoTheReaderSeesTheTruncation() throws IOException {
    byte[] whole = contourData("10.5\\20.25\\30.125\\40\\", false);
    for (int cut = 1; cut < whole.length; cut++) {
      byte[] input = Arrays.copyOf(whole, cut);
      ContourDataCapture capture =
          new ContourDataCapture(
              new Chunked(new ByteArrayInputStream(input), 3), EXPLICIT_VR_LITTLE_ENDIAN);
      assertThat(capture.readAllBytes()).as("cut at " + cut).hasSize(cut);
      assertThat(capture.values()).as("cut at " + cut).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {EXPLICIT_VR_LITTLE_ENDIAN, "1.2.840.10008.1.2"})
  void theNelmsStructureSetReadsTheSameWithAndWithoutTheCapture(String syntax) throws Exception {
    Path rs = TestFiles.rewrite(TestData.nelms("RS.dcm"), temp.resolve("rs.dcm"), syntax, l -> {});
    DicomObject fast = new DicomReader(true).read(rs);
    DicomObject plain = new DicomReader(false).read(rs);
    List<String> fastPoints = contourData(fast);
    assertThat(fastPoints).isNotEmpty().isEqualTo(contourData(plain));
    try (InputStream in = Files.newInputStream(rs)) {
      ContourDataCapture capture = new ContourDataCapture(in, syntax);
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
    assertThat(at).isPositive();
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
        TestData.nelms("RS.dcm"), temp.resolve("rs.dcm"), EXPLICIT_VR_LITTLE_ENDIAN, l -> {});
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

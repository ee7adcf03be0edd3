package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast Contour Data path gives exactly what PixelMed's own DS parsing gives. */
class ContourDataAsTextTest {

  @Test
  void rewritesTheVrOfContourDataOnlyWhereverChunksSplitIt() throws IOException {
    byte[] header = {0x06, 0x30, 0x50, 0x00, 'D', 'S', 4, 0, '1', '\\', '2', ' '};
    byte[] other = {0x06, 0x30, 0x26, 0x00, 'L', 'O', 2, 0, 'P', 'T'};
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      input.write(other);
      input.write(header);
    }
    byte[] expected = input.toByteArray().clone();
    for (int i = 0; i < expected.length - 5; i++) {
      if (expected[i] == 0x06 && expected[i + 2] == 0x50 && expected[i + 4] == 'D') {
        expected[i + 4] = 'L';
        expected[i + 5] = 'T';
      }
    }
    for (int chunk : new int[] {1, 2, 3, 5, 7, 64}) {
      InputStream source = new Chunked(new ByteArrayInputStream(input.toByteArray()), chunk);
      assertThat(new ContourDataAsText(source).readAllBytes())
          .as("chunks of " + chunk)
          .isEqualTo(expected);
    }
  }

  @Test
  void theNelmsStructureSetReadsTheSameWithAndWithoutTheFastPath() throws Exception {
    DicomObject fast = new DicomReader(true).read(TestData.nelms("RS.dcm"));
    DicomObject plain = new DicomReader(false).read(TestData.nelms("RS.dcm"));
    List<String> fastPoints = contourData(fast);
    assertThat(fastPoints).isNotEmpty().isEqualTo(contourData(plain));
  }

  private static List<String> contourData(DicomObject rs) throws DicomParseException {
    List<String> points = new ArrayList<>();
    for (DicomObject roi : rs.sequence(DicomTag.ROI_CONTOUR_SEQUENCE)) {
      for (DicomObject contour : roi.sequence(DicomTag.CONTOUR_SEQUENCE)) {
        points.add(String.join("\\", contour.strings(DicomTag.CONTOUR_DATA)));
        double[] values = contour.doubles(DicomTag.CONTOUR_DATA);
        points.add(java.util.Arrays.toString(values));
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

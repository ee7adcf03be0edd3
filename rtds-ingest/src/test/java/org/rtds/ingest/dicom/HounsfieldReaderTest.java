package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.ingest.entity.HounsfieldImage;

class HounsfieldReaderTest {

  @TempDir Path folder;

  @Test
  void storedValuesTimesSlopePlusInterceptAreTheHounsfieldUnits() throws Exception {
    // pydicom's CT_small.dcm: slope 1, intercept -1024; stored values start 175, 180, 166
    HounsfieldImage ct = HounsfieldReader.read(TestData.pydicom("CT_small.dcm"));

    assertThat(ct.rows()).isEqualTo(128);
    assertThat(ct.columns()).isEqualTo(128);
    assertThat(ct.hu()).hasSize(128 * 128).startsWith((short) -849, (short) -844, (short) -858);
    assertThat(ct.hu()[127 * 128 + 127]).isEqualTo((short) (909 - 1024));
  }

  @Test
  void aSlopeOtherThanOneScalesAndRounds() throws Exception {
    Path edited =
        TestFiles.rewrite(
            TestData.pydicom("CT_small.dcm"),
            folder.resolve("scaled.dcm"),
            null,
            list -> {
              put(list, TagFromName.RescaleSlope, "0.5");
              put(list, TagFromName.RescaleIntercept, "-100.25");
            });

    HounsfieldImage ct = HounsfieldReader.read(edited);

    // 175 × 0.5 − 100.25 = −12.75 → −13; 180 × 0.5 − 100.25 = −10.25 → −10
    assertThat(ct.hu()).startsWith((short) -13, (short) -10);
  }

  @Test
  void anObjectWithoutPixelsIsRefusedWithTheReason() {
    assertThatThrownBy(() -> HounsfieldReader.read(TestData.pydicom("rtstruct.dcm")))
        .isInstanceOf(DicomParseException.class)
        .hasMessageContaining("PixelData");
  }

  private static void put(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String value)
      throws com.pixelmed.dicom.DicomException {
    DecimalStringAttribute a = new DecimalStringAttribute(tag);
    a.addValue(value);
    list.put(a);
  }
}

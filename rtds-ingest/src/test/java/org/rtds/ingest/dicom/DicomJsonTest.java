package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DicomJsonTest {

  @Test
  void aStructureSetKeepsItsSequencesNamesAndContourNumbers() throws Exception {
    JsonObject json = DicomJson.metadata(TestData.pydicom("rtstruct.dcm"));

    assertThat(json.keySet()).noneMatch(tag -> tag.startsWith("0002")).contains("00080018");
    assertThat(json.getJsonObject("00080060").getJsonArray("Value").getString(0))
        .isEqualTo("RTSTRUCT");
    JsonObject name = json.getJsonObject("00100010");
    assertThat(name.getString("vr")).isEqualTo("PN");
    assertThat(name.getJsonArray("Value").getJsonObject(0)).containsKey("Alphabetic");
    assertThat(json.getJsonObject("30060020").getString("vr")).isEqualTo("SQ");
    assertThat(json.getJsonObject("30060020").getJsonArray("Value"))
        .allSatisfy(
            roi ->
                assertThat(
                        roi.asJsonObject()
                            .getJsonObject("30060026")
                            .getJsonArray("Value")
                            .getString(0))
                    .isNotBlank());
    JsonObject contour =
        json.getJsonObject("30060039")
            .getJsonArray("Value")
            .getJsonObject(0)
            .getJsonObject("30060040")
            .getJsonArray("Value")
            .getJsonObject(0);
    int points = contour.getJsonObject("30060046").getJsonArray("Value").getInt(0);
    assertThat(contour.getJsonObject("30060050").getString("vr")).isEqualTo("DS");
    assertThat(contour.getJsonObject("30060050").getJsonArray("Value"))
        .hasSize(points * 3)
        .allSatisfy(v -> assertThat(v.getValueType()).isEqualTo(JsonValue.ValueType.NUMBER));
  }

  @Test
  void aCtSliceHasTypedNumbersAndItsPixelsInlineWhenSmall() throws Exception {
    JsonObject json = DicomJson.metadata(TestData.pydicom("CT_small.dcm"));

    int rows = json.getJsonObject("00280010").getJsonArray("Value").getInt(0);
    int columns = json.getJsonObject("00280011").getJsonArray("Value").getInt(0);
    assertThat(json.getJsonObject("00280010").getString("vr")).isEqualTo("US");
    assertThat(json.getJsonObject("00281052").getJsonArray("Value").get(0))
        .isInstanceOf(JsonNumber.class);
    JsonObject pixels = json.getJsonObject("7FE00010");
    byte[] inline = Base64.getDecoder().decode(pixels.getString("InlineBinary"));
    assertThat(inline).hasSize(rows * columns * 2);
    assertThat(rows * columns * 2).isLessThanOrEqualTo(DicomJson.MAX_INLINE_BYTES);
  }
}

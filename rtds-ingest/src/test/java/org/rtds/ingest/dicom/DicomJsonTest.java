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

  @Test
  void largeBinaryValuesAreBulkDataUrisAndServedAsLittleEndianBytes(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    int rows = 256;
    int columns = 256;
    short[] pixels = new short[rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) (i % 4096 - 1024);
    }
    java.nio.file.Path big =
        TestFiles.rewrite(
            TestData.pydicom("CT_small.dcm"),
            temp.resolve("ct-256.dcm"),
            null,
            list -> {
              var r =
                  new com.pixelmed.dicom.UnsignedShortAttribute(
                      com.pixelmed.dicom.TagFromName.Rows);
              r.addValue(rows);
              list.put(r);
              var c =
                  new com.pixelmed.dicom.UnsignedShortAttribute(
                      com.pixelmed.dicom.TagFromName.Columns);
              c.addValue(columns);
              list.put(c);
              var data =
                  new com.pixelmed.dicom.OtherWordAttribute(
                      com.pixelmed.dicom.TagFromName.PixelData);
              data.setValues(pixels);
              list.put(data);
            });
    String base = "http://rtds.example/rtds/dicomweb/studies/1.2/series/1.2.3/instances/1.2.3.4";

    JsonObject json = DicomJson.metadata(big, base);
    JsonObject pixelData = json.getJsonObject("7FE00010");
    assertThat(pixelData.getString("vr")).isEqualTo("OW");
    assertThat(pixelData.containsKey("InlineBinary")).isFalse();
    assertThat(pixelData.getString("BulkDataURI")).isEqualTo(base + "/bulkdata/7FE00010");
    // small values stay inline, and without a base there are no URIs
    assertThat(json.getJsonObject("00280010").getJsonArray("Value").getInt(0)).isEqualTo(rows);
    assertThat(DicomJson.metadata(big).getJsonObject("7FE00010").containsKey("BulkDataURI"))
        .isFalse();

    byte[] value = DicomJson.bulkData(big, 0x7FE00010).orElseThrow();
    assertThat(value).hasSize(rows * columns * 2);
    java.nio.ByteBuffer le =
        java.nio.ByteBuffer.wrap(value).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(le.getShort(0)).isEqualTo(pixels[0]);
    assertThat(le.getShort(2 * 4097)).isEqualTo(pixels[4097]);
    // not binary, or absent: nothing to serve
    assertThat(DicomJson.bulkData(big, 0x00280010)).isEmpty();
    assertThat(DicomJson.bulkData(big, 0x60003000)).isEmpty();
  }
}

package org.rtds.web.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.entity.QidoAnswer;
import org.rtds.ingest.entity.QidoAttribute;

class QidoRsTest {

  @Test
  void resultsAreDicomJsonKeyedByTagInTagOrder() {
    Map<QidoAttribute, List<String>> result = new LinkedHashMap<>();
    result.put(QidoAttribute.STUDY_INSTANCE_UID, List.of("1.2.3"));
    result.put(QidoAttribute.PATIENT_NAME, List.of("Doe^Jane"));
    result.put(QidoAttribute.STUDY_DATE, List.of("20200131"));
    result.put(QidoAttribute.MODALITIES_IN_STUDY, List.of("CT", "RTDOSE"));
    result.put(QidoAttribute.NUMBER_OF_STUDY_RELATED_SERIES, List.of("4"));
    result.put(QidoAttribute.ACCESSION_NUMBER, List.of());
    result.put(QidoAttribute.SERIES_NUMBER, List.of("A"));

    String json = QidoRs.json(new QidoAnswer(List.of(result), false)).build().toString();

    assertThat(json)
        .isEqualTo(
            "[{\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20200131\"]},"
                + "\"00080050\":{\"vr\":\"SH\"},"
                + "\"00080061\":{\"vr\":\"CS\",\"Value\":[\"CT\",\"RTDOSE\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^Jane\"}]},"
                + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},"
                + "\"00200011\":{\"vr\":\"IS\"},"
                + "\"00201206\":{\"vr\":\"IS\",\"Value\":[4]}}]");
  }

  @Test
  void noResultIsAnEmptyArray() {
    assertThat(QidoRs.json(new QidoAnswer(List.of(), false)).build().toString()).isEqualTo("[]");
  }

  @Test
  void dicomJsonUnlessOnlyPlainJsonIsAcceptable() {
    assertThat(QidoRs.contentType(null)).isEqualTo("application/dicom+json");
    assertThat(QidoRs.contentType("*/*")).isEqualTo("application/dicom+json");
    assertThat(QidoRs.contentType("application/dicom+json; q=0.9, application/json"))
        .isEqualTo("application/dicom+json");
    assertThat(QidoRs.contentType("application/json")).isEqualTo("application/json");
    assertThat(QidoRs.contentType("multipart/related; type=\"application/dicom+xml\"")).isNull();
  }
}

package org.rtds.web.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rtds.web.api.patient.PatientDtos.PatientPage;
import org.rtds.web.api.patient.PatientDtos.PatientSummary;
import org.rtds.web.api.study.StudyDtos.DvhView;
import org.rtds.web.api.study.StudyDtos.MetricView;
import org.rtds.web.api.study.StudyDtos.RoiView;

class CsvWriterTest {

  /** The declared type of a resource method returning {@code List<RoiView>}. */
  static List<RoiView> roisMethod() {
    return List.of();
  }

  static Type roiList() throws NoSuchMethodException {
    return CsvWriterTest.class.getDeclaredMethod("roisMethod").getGenericReturnType();
  }

  @Test
  void anEmptyListStillHasItsHeaderFromTheDeclaredElementType() throws Exception {
    CsvWriter writer = new CsvWriter();
    MediaType csv = MediaType.valueOf("text/csv");
    assertThat(writer.isWriteable(List.class, roiList(), new Annotation[0], csv)).isTrue();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
    writer.writeTo(List.of(), List.class, roiList(), new Annotation[0], csv, headers, out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("roi_number,roi_name,standard_name,type,volume_cc\n");
    assertThat(headers.getFirst("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
  }

  @Test
  void onlyRepresentationsWithColumnsAreTables() throws Exception {
    CsvWriter writer = new CsvWriter();
    MediaType csv = MediaType.valueOf("text/csv");
    assertThat(writer.isWriteable(String.class, String.class, new Annotation[0], csv)).isFalse();
    assertThat(writer.isWriteable(List.class, List.class, new Annotation[0], csv)).isFalse();
    assertThat(writer.isWriteable(PatientPage.class, PatientPage.class, new Annotation[0], csv))
        .isTrue();
  }

  @Test
  void anItemWritesAsManyRowsAsItHasAndFreeTextIsDefused() throws Exception {
    DvhView dvh =
        new DvhView(
            "3",
            "=HYPERLINK(\"x\")",
            "Parotid_L",
            "OAR",
            "COMPUTED",
            "1.2.3",
            0.5,
            40.0,
            21.25,
            List.of(
                new MetricView("Dmean", 21.25, "Gy", null),
                new MetricView("D2%", null, "Gy", "undefined: no volume")),
            new double[0],
            new double[0],
            new double[0]);
    StringWriter out = new StringWriter();
    CsvWriter.write(List.of(dvh), DvhView.class.getAnnotation(CsvColumns.class), out);
    assertThat(out.toString())
        .isEqualTo(
            "roi_number,roi_name,metric,value,unit,source\n"
                + "3,\"'=HYPERLINK(\"\"x\"\")\",Dmean,21.25,Gy,COMPUTED\n"
                + "3,\"'=HYPERLINK(\"\"x\"\")\",D2%,,Gy,COMPUTED\n");
  }

  @Test
  void aPageWritesItsItems() throws Exception {
    PatientPage page =
        new PatientPage(
            List.of(
                new PatientSummary(
                    7,
                    "P-7",
                    "Doe^Jane",
                    LocalDate.of(1960, 2, 29),
                    "F",
                    2,
                    java.time.LocalDateTime.of(2026, 3, 1, 9, 14, 2)),
                new PatientSummary(8, "+P-8", "Roe^Richard", null, "M", 1, null)),
            1,
            50,
            2);
    StringWriter out = new StringWriter();
    CsvWriter.write(page, PatientPage.class.getAnnotation(CsvColumns.class), out);
    assertThat(out.toString())
        .isEqualTo(
            "id,patient_id,patient_name,birth_date,sex,studies,last_received_at\n"
                + "7,P-7,Doe^Jane,1960-02-29,F,2,2026-03-01T09:14:02\n"
                + "8,'+P-8,Roe^Richard,,M,1,\n");
  }

  @CsvColumns({"a", "b"})
  record Wrong(String a) implements CsvRows {
    @Override
    public void csvRows(Consumer<String[]> row) {
      row.accept(new String[] {a});
    }
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsAProgrammingErrorNotASilentShift() {
    assertThatThrownBy(
            () ->
                CsvWriter.write(
                    List.of(new Wrong("x")),
                    Wrong.class.getAnnotation(CsvColumns.class),
                    new StringWriter()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 fields for 2 columns");
  }
}

package org.rtds.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.web.report.QcReport;

class QcReportFileNameTest {

  private static QcReport at(String when) {
    return new QcReport(
        new QcReport.Study("A", "X", null, null, "1.2", null),
        List.of(),
        List.of(),
        List.of(),
        new QcReport.Findings(QcReport.Status.NOT_COMPUTED, null, 3, 5, List.of()),
        new QcReport.Provenance(Instant.parse(when), "admin", null, "1"));
  }

  @Test
  void theFileIsNamedAfterThePatientIdAndTheUtcDateOfGeneration() {
    assertThat(QcView.fileName("DEMO-008", at("2026-12-06T23:59:59Z")))
        .isEqualTo("rtds-report-DEMO-008-2026-12-06.pdf");
  }

  @Test
  void aPatientIdIsReducedToASafeFileNameAndHeaderValue() {
    assertThat(QcView.fileName("Łódź \"12\"/../a;b", at("2026-01-02T00:00:00Z")))
        .isEqualTo("rtds-report-__d___12__.._a_b-2026-01-02.pdf");
    assertThat(QcView.fileName("", at("2026-01-02T00:00:00Z")))
        .isEqualTo("rtds-report-patient-2026-01-02.pdf");
  }
}

package org.rtds.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.dose.metric.MetricValue;

class QcReportPdfTest {

  private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.rtds.web.messages");

  private static final List<String> METRICS =
      List.of("Dmean", "Dmax", "D98%", "D95%", "D2%", "D0.03cc");

  private static final String NAME = "Øster-Łukasiewicz, Zoë Élise Müller";

  private static final Instant WHEN = Instant.parse("2026-03-04T05:06:07Z");

  /** A falling curve 100 % → 0 % from 0 to {@code maxGy}. */
  private static StudyDvhs.Dvh dvh(
      int id, String name, String role, String colour, String source, double maxGy) {
    int bins = 2001;
    double[] dose = new double[bins];
    double[] volume = new double[bins];
    for (int i = 0; i < bins; i++) {
      dose[i] = maxGy * i / (bins - 1);
      volume[i] = 100.0 * Math.pow(1 - (double) i / (bins - 1), 2);
    }
    List<MetricValue> metrics = new ArrayList<>();
    for (int i = 0; i < METRICS.size(); i++) {
      metrics.add(
          new MetricValue(METRICS.get(i), OptionalDouble.of(maxGy * (i + 1) / 10.0), "Gy", ""));
    }
    return new StudyDvhs.Dvh(
        new StudyDvhs.Roi(id, String.valueOf(id), name, name, role, "ORGAN", 12.5 * id, colour),
        source,
        "1.2.3.4",
        dose,
        null,
        volume,
        0.0,
        maxGy,
        maxGy / 3,
        metrics);
  }

  private static KnowledgeBase.QcRow row(
      String oar, double achieved, Double achievable, boolean flagged) {
    List<String> evidence =
        achievable == null ? List.of() : List.of("KB-AAAABBBBCCCCDDDD", "1.2.826.0.1.99");
    return new KnowledgeBase.QcRow(
        "ALL",
        oar,
        oar + "_roi",
        "D50%",
        8.5,
        achieved,
        achievable,
        3,
        achievable == null ? null : achievable + 3,
        achievable == null ? null : achieved - achievable,
        flagged,
        "D50 > achievable + tolerance (harder-geometry rule); harder-or-equal geometry: same target levels",
        evidence,
        achievable == null ? null : "KB-AAAABBBBCCCCDDDD",
        37,
        oar + (flagged ? " receives more than plans with harder geometry achieved" : " is within"),
        List.of(
            new KnowledgeBase.TopMetric(
                "Dmean", 20.0, 15.5, "KB-AAAABBBBCCCCDDDD", List.of("KB-AAAABBBBCCCCDDDD")),
            new KnowledgeBase.TopMetric(
                "D50%", 18.0, 14.25, "1.2.826.0.1.99", List.of("1.2.826.0.1.99"))),
        "median and minimum of the k most similar plans, k = 5");
  }

  private static StudyConstraints.Result constraint(String roi, Boolean passed) {
    return new StudyConstraints.Result(
        1,
        "3",
        roi,
        roi,
        "Dmax",
        "<=",
        45,
        "Gy",
        46.5,
        passed,
        -1.5,
        "COMPUTED",
        "QUANTEC",
        null,
        null);
  }

  private static QcReport report(
      List<KnowledgeBase.QcRow> rows,
      QcReport.Status status,
      List<StudyConstraints.Result> constraints) {
    List<StudyDvhs.Dvh> curves = new ArrayList<>();
    curves.add(dvh(1, "BODY", "EXTERNAL", "0\\255\\0", "COMPUTED", 72));
    curves.add(dvh(2, "PTV70", "PTV", "255\\0\\0", "COMPUTED", 73.5));
    curves.add(dvh(3, "Parotid_L", "OAR", null, "COMPUTED", 55));
    curves.add(dvh(4, "SpinalCord", "OAR", "0\\0\\255", "TPS_EMBEDDED", 44));
    return new QcReport(
        new QcReport.Study(
            NAME,
            "ŁÓDŹ-042",
            LocalDate.of(2026, 2, 1),
            "Oropharynx VMAT",
            "1.2.826.0.1.3680043.8.498.1",
            70.0),
        curves,
        METRICS,
        constraints,
        new QcReport.Findings(
            status,
            status == QcReport.Status.NOT_COMPUTED ? "waiting for RTDOSE" : null,
            3,
            5,
            rows),
        new QcReport.Provenance(WHEN, "dr.søren", "Hôpital Saint-Éloi", "1.2.3-TEST"));
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    List<String> pages = new ArrayList<>();
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      pages.add(extractor.getTextFromPage(i).replaceAll("\\s+", " "));
    }
    reader.close();
    return pages;
  }

  @Test
  void theReportNamesThePatientWithAccentsAndHoldsEveryQcRowTheDisclaimerAndPageNumbers()
      throws IOException {
    List<KnowledgeBase.QcRow> rows = new ArrayList<>();
    rows.add(row("Parotid_L", 31.2, 24.0, true));
    rows.add(row("Parotid_R", 22.0, 21.5, false));
    rows.add(row("Larynx", 40.0, null, false));
    for (int i = 0; i < 25; i++) { // enough rows to run over several pages
      rows.add(row(String.format("Organ_%02d", i), 10 + i, 9.0 + i, false));
    }
    byte[] pdf =
        QcReportPdf.write(
            report(
                rows,
                QcReport.Status.SHOWN,
                List.of(constraint("SpinalCord", false), constraint("Brainstem", true))),
            TEXT);

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // kept for review: pdftoppm -png -r 60 target/qc-report-sample.pdf
    Files.write(Path.of("target", "qc-report-sample.pdf"), pdf);
    List<String> pages = pages(pdf);
    assertThat(pages).hasSizeGreaterThan(1);
    String all = String.join(" ", pages);
    assertThat(all)
        .contains(NAME)
        .contains("ŁÓDŹ-042")
        .contains("Hôpital Saint-Éloi")
        .contains("dr.søren");
    assertThat(all)
        .contains("1.2.826.0.1.3680043.8.498.1")
        .contains("2026-02-01")
        .contains("Oropharynx VMAT");
    assertThat(all).contains("70.00 Gy");
    assertThat(all).contains("2026-03-04 05:06:07 UTC").contains("RTDS 1.2.3-TEST");
    // the notice, whole
    assertThat(all).contains(TEXT.getString("qc.report.disclaimer").replaceAll("\\s+", " "));
    // every row of the check, with its doses
    for (KnowledgeBase.QcRow r : rows) {
      assertThat(all).as(r.oar()).contains(r.oar());
    }
    assertThat(all).contains("31.20").contains("24.00").contains("27.00").contains("+7.20");
    assertThat(all).contains("Flagged: 1 of 28 organs (Parotid_L).");
    assertThat(all).contains("ABOVE ACHIEVABLE").contains("no plan with harder geometry");
    // the rule and the evidence of the flagged organ, de-identified keys as given
    assertThat(all).contains("3.00 Gy").contains("harder-geometry rule");
    assertThat(all).contains("Parotid_L receives more than plans with harder geometry achieved");
    assertThat(all)
        .contains(
            "2 plans with harder or equal geometry, lowest D50% first: KB-AAAABBBBCCCCDDDD, 1.2.826.0.1.99");
    assertThat(all).contains("D50%: median 18.00 Gy, minimum 14.25 Gy (plan 1.2.826.0.1.99)");
    // the DVH figure's axes and legend (not the outline), the metric and constraint tables
    assertThat(all).contains("Dose (Gy)").contains("Volume (% of the structure)");
    assertThat(all).contains("PTV70").contains("SpinalCord");
    assertThat(all).contains("D0.03cc (Gy)").contains("planning system");
    assertThat(all)
        .contains("Dmax <= 45 Gy")
        .contains("FAIL")
        .contains("pass")
        .contains("-1.50 Gy");
    // every page: patient, page n of N
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i))
          .contains("Page " + (i + 1) + " of " + pages.size())
          .contains("ŁÓDŹ-042");
    }
    // the font is embedded, so the letters do not depend on the reader's fonts
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
        .contains("/FontFile2")
        .contains("LiberationSans");
  }

  @Test
  void aReportWithoutQcRowsOrConstraintsStillBuildsAndSaysWhy() throws IOException {
    for (QcReport.Status status : QcReport.Status.values()) {
      if (status == QcReport.Status.SHOWN) {
        continue;
      }
      String all =
          String.join(" ", pages(QcReportPdf.write(report(List.of(), status, List.of()), TEXT)));
      assertThat(all).contains(NAME).contains(TEXT.getString("qc.report.constraints.empty"));
      String why =
          switch (status) {
            case NOT_COMPUTED -> TEXT.getString("qc.notComputed") + " waiting for RTDOSE";
            case NOT_PERMITTED -> TEXT.getString("qc.notPermitted");
            default -> TEXT.getString("qc.tooFewPlans");
          };
      assertThat(all).as(status.name()).contains(why.replaceAll("\\s+", " "));
      assertThat(all).doesNotContain("ABOVE ACHIEVABLE").contains("Page 1 of");
    }
    // SHOWN without rows (a caller's mistake) reads as no comparable plan, not a failure
    String empty =
        String.join(
            " ",
            pages(QcReportPdf.write(report(List.of(), QcReport.Status.SHOWN, List.of()), TEXT)));
    assertThat(empty).contains(TEXT.getString("qc.tooFewPlans").replaceAll("\\s+", " "));
  }

  @Test
  void findingsWithoutAnyComparablePlanAreTooFewPlans() {
    KnowledgeBase.QcRow lonely = row("Parotid_L", 30, null, false);
    KnowledgeBase.QcRow none =
        new KnowledgeBase.QcRow(
            lonely.ptv(),
            lonely.oar(),
            lonely.oarRoi(),
            lonely.metric(),
            lonely.r50Mm(),
            lonely.achievedGy(),
            null,
            3,
            null,
            null,
            false,
            lonely.rule(),
            List.of(),
            null,
            0,
            lonely.explanation(),
            List.of(),
            lonely.topKRule());
    assertThat(QcReport.Findings.statusOf(List.of())).isEqualTo(QcReport.Status.TOO_FEW_PLANS);
    assertThat(QcReport.Findings.statusOf(List.of(none))).isEqualTo(QcReport.Status.TOO_FEW_PLANS);
    assertThat(QcReport.Findings.statusOf(List.of(none, lonely))).isEqualTo(QcReport.Status.SHOWN);
  }

  @Test
  void axisTicksAreRoundSteps() {
    assertThat(DvhFigure.niceStep(73.5, 8)).isEqualTo(10);
    assertThat(DvhFigure.niceStep(44, 8)).isEqualTo(10);
    assertThat(DvhFigure.niceStep(12, 8)).isEqualTo(2);
    assertThat(DvhFigure.niceStep(2, 8)).isEqualTo(0.5);
    assertThat(
            DvhFigure.curves(report(List.of(), QcReport.Status.TOO_FEW_PLANS, List.of()).curves()))
        .extracting(DvhFigure.Curve::name)
        .containsExactly("PTV70", "Parotid_L", "SpinalCord");
  }

  @Test
  void aLegendOfManyStructuresNamesEveryOneInTwoColumns() throws IOException {
    List<StudyDvhs.Dvh> curves = new ArrayList<>();
    for (int i = 1; i <= 35; i++) {
      StudyDvhs.Dvh d =
          dvh(i, String.format("Submandibular_%02d", i), "OAR", null, "COMPUTED", 20 + i);
      StudyDvhs.Roi r = d.roi();
      curves.add( // no TG-263 name: the ROI name appears in the legend and the metric table only
          new StudyDvhs.Dvh(
              new StudyDvhs.Roi(
                  r.roiId(),
                  r.roiNumber(),
                  r.name(),
                  null,
                  r.role(),
                  r.interpretedType(),
                  r.volumeCc(),
                  r.displayColor()),
              d.source(),
              d.doseSopInstanceUid(),
              d.doseGy(),
              d.volumeCc(),
              d.volumePercent(),
              d.minGy(),
              d.maxGy(),
              d.meanGy(),
              d.metrics()));
    }
    QcReport many = report(List.of(), QcReport.Status.TOO_FEW_PLANS, List.of());
    byte[] pdf =
        QcReportPdf.write(
            new QcReport(many.study(), curves, METRICS, List.of(), many.qc(), many.provenance()),
            TEXT);
    Files.write(Path.of("target", "qc-report-legend.pdf"), pdf);
    String all = String.join(" ", pages(pdf));
    for (StudyDvhs.Dvh d : curves) {
      // once in the legend, once in the metric table
      assertThat(all.split(d.roi().name(), -1)).as(d.roi().name()).hasSize(3);
    }
    assertThat(all).doesNotContain("... and");
  }
}

package org.rtds.web.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyConstraints;
import org.rtds.features.boundary.StudyDvhs;

/**
 * The PDF report of one study's plan check (A4 portrait), drawn with OpenPDF from a {@link
 * QcReport}: a decision-support notice, the patient and study, the achievable-dose check with its
 * rule and the evidence of every flagged organ, the DVH figure (vector graphics), the dose metrics
 * (Gy) and the constraints checked; every page names the patient, when (UTC), by whom and with
 * which RTDS it was made, and its number out of the total.
 *
 * <p>Text is set in Liberation Sans, embedded (subset) from the OpenPDF jar, so names in any Latin
 * script (é, ü, ø, ł, …) come out as sent: the PDF standard fonts cover Western European letters
 * only. Bold is Liberation Sans drawn with a stroke. Every text comes from the {@code
 * org.rtds.web.messages} bundle ({@code qc.*} keys).
 */
public final class QcReportPdf {

  /** The font, a TrueType file inside the OpenPDF jar (SIL Open Font License). */
  static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";

  private static final byte[] FONT_BYTES = fontBytes();

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final Color INK = new Color(0x1f, 0x29, 0x33);
  private static final Color MUTED = new Color(0x52, 0x60, 0x6d);
  private static final Color HEAD = new Color(0x0b, 0x4f, 0x6c);
  private static final Color RULE = new Color(0xc5, 0xcd, 0xd5);
  private static final Color TABLE_HEAD = new Color(0xe4, 0xec, 0xf2);
  private static final Color FLAG = new Color(0xb3, 0x26, 0x1e);
  private static final Color FLAG_ROW = new Color(0xfd, 0xec, 0xea);
  private static final Color NOTICE = new Color(0xff, 0xf6, 0xdc);
  private static final Color NOTICE_EDGE = new Color(0xc9, 0x9a, 0x2e);
  private static final Color PASS = new Color(0x1b, 0x7f, 0x3b);

  private static final float MARGIN = 40;
  private static final float TOP = 58;
  private static final float BOTTOM = 62;

  private final QcReport report;
  private final ResourceBundle text;
  private final BaseFont base;
  private final Font body;
  private final Font small;
  private final Font smallMuted;
  private final Font bold;
  private final Font cellBold;
  private final Font cell;
  private final Font cellFlag;
  private final Font h1;
  private final Font h2;

  private QcReportPdf(QcReport report, ResourceBundle text) {
    this.report = report;
    this.text = text;
    try {
      base =
          BaseFont.createFont(
              "LiberationSans.ttf", BaseFont.IDENTITY_H, true, false, FONT_BYTES, null);
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("the report font " + FONT + " cannot be read", e);
    }
    body = new Font(base, 9, Font.NORMAL, INK);
    small = new Font(base, 7.5f, Font.NORMAL, INK);
    smallMuted = new Font(base, 7.5f, Font.NORMAL, MUTED);
    bold = new Font(base, 9, Font.BOLD, INK);
    cell = new Font(base, 7.5f, Font.NORMAL, INK);
    cellBold = new Font(base, 7.5f, Font.BOLD, INK);
    cellFlag = new Font(base, 7.5f, Font.BOLD, FLAG);
    h1 = new Font(base, 15, Font.BOLD, HEAD);
    h2 = new Font(base, 11.5f, Font.BOLD, HEAD);
  }

  /**
   * Draws the report.
   *
   * @param report what it shows
   * @param text the messages bundle ({@code org.rtds.web.messages})
   * @return the PDF
   */
  public static byte[] write(QcReport report, ResourceBundle text) {
    return new QcReportPdf(report, text).pdf();
  }

  private byte[] pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, TOP, BOTTOM);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(new Frame());
    document.addTitle(t("qc.report.title") + " · " + report.study().patientName());
    document.addAuthor(report.provenance().user());
    document.addCreator("RTDS " + report.provenance().version());
    document.addSubject(t("qc.report.disclaimer"));
    document.open();
    document.add(new Paragraph(t("qc.report.title"), h1));
    notice(document);
    study(document);
    findings(document);
    dvhs(document, writer);
    metrics(document);
    constraints(document);
    document.close();
    return numbered(out.toByteArray());
  }

  // --- sections --------------------------------------------------------------------------------

  private void notice(Document document) {
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    box.setSpacingBefore(6);
    box.setSpacingAfter(4);
    Paragraph p = new Paragraph();
    p.add(new Chunk(t("qc.report.disclaimer.title") + " ", bold));
    p.add(new Chunk(t("qc.report.disclaimer"), body));
    PdfPCell c = new PdfPCell(p);
    c.setBackgroundColor(NOTICE);
    c.setBorderColor(NOTICE_EDGE);
    c.setPadding(6);
    c.setPaddingTop(3);
    box.addCell(c);
    document.add(box);
  }

  private void study(Document document) {
    heading(document, t("qc.report.study"));
    QcReport.Study s = report.study();
    PdfPTable table = new PdfPTable(new float[] {1.3f, 4});
    table.setWidthPercentage(100);
    row(table, t("qc.report.patient"), s.patientName(), bold);
    row(table, t("qc.report.patientId"), s.patientId(), body);
    row(
        table,
        t("qc.report.studyDate"),
        s.studyDate() == null ? "–" : s.studyDate().toString(),
        body);
    row(table, t("qc.report.description"), orDash(s.description()), body);
    row(table, t("qc.report.studyUid"), s.studyInstanceUid(), body);
    row(
        table,
        t("qc.report.prescription"),
        s.prescriptionGy() == null
            ? t("qc.report.prescription.unknown")
            : gy(s.prescriptionGy()) + " Gy",
        body);
    document.add(table);
  }

  private void findings(Document document) {
    heading(document, t("qc.title"));
    QcReport.Findings qc = report.qc();
    switch (qc.status()) {
      case NOT_COMPUTED -> {
        document.add(para(t("qc.notComputed") + " " + orDash(qc.detail()), body));
        return;
      }
      case NOT_PERMITTED -> {
        document.add(para(t("qc.notPermitted"), body));
        return;
      }
      case TOO_FEW_PLANS -> {
        document.add(para(t("qc.tooFewPlans"), body));
        return;
      }
      case SHOWN -> {
        if (qc.rows().isEmpty()) {
          document.add(para(t("qc.tooFewPlans"), body));
          return;
        }
      }
    }
    document.add(para(t("qc.lead"), body));
    List<KnowledgeBase.QcRow> flagged = qc.flagged();
    Paragraph summary =
        flagged.isEmpty()
            ? para(f("qc.summary.none", qc.rows().size()), bold)
            : para(
                f(
                    "qc.summary",
                    flagged.size(),
                    qc.rows().size(),
                    String.join(", ", flagged.stream().map(KnowledgeBase.QcRow::oar).toList())),
                new Font(base, 9, Font.BOLD, FLAG));
    document.add(summary);
    if (qc.mostCandidates() < qc.k()) {
      document.add(para(f("qc.fewPlans", qc.mostCandidates(), qc.k()), body));
    }
    // the rule
    PdfPTable rule = new PdfPTable(new float[] {1.3f, 4});
    rule.setWidthPercentage(100);
    rule.setSpacingBefore(4);
    row(rule, t("qc.rule.metric"), t("qc.rule.metric.value"), small);
    row(rule, t("qc.rule.tolerance"), gy(qc.toleranceGy()) + " Gy", small);
    row(rule, t("qc.rule.k"), Integer.toString(qc.k()), small);
    row(rule, t("qc.rule.criterion"), qc.rows().get(0).rule(), small);
    document.add(rule);

    PdfPTable table = new PdfPTable(new float[] {2.2f, 1.1f, 1.1f, 1.1f, 1f, 1.5f, 3.3f, 1.2f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    table.setHeaderRows(1);
    head(
        table,
        t("qc.col.organ"),
        t("qc.col.achieved"),
        t("qc.col.achievable"),
        t("qc.col.threshold"),
        t("qc.col.excess"),
        t("qc.col.result"),
        t("qc.col.evidence"),
        t("qc.col.candidates"));
    for (KnowledgeBase.QcRow r : qc.rows()) {
      Color shade = r.flagged() ? FLAG_ROW : null;
      Phrase organ = new Phrase();
      organ.add(new Chunk(r.oar(), r.flagged() ? cellFlag : cellBold));
      if (r.oarRoi() != null && !r.oarRoi().equals(r.oar())) {
        organ.add(new Chunk("\n" + r.oarRoi(), smallMuted));
      }
      table.addCell(cell(organ, Element.ALIGN_LEFT, shade));
      table.addCell(cell(new Phrase(gy(r.achievedGy()), cell), Element.ALIGN_RIGHT, shade));
      table.addCell(cell(new Phrase(gy(r.achievableGy()), cell), Element.ALIGN_RIGHT, shade));
      table.addCell(cell(new Phrase(gy(r.thresholdGy()), cell), Element.ALIGN_RIGHT, shade));
      table.addCell(cell(new Phrase(signed(r.excessGy()), cell), Element.ALIGN_RIGHT, shade));
      table.addCell(
          cell(new Phrase(result(r), r.flagged() ? cellFlag : cell), Element.ALIGN_LEFT, shade));
      table.addCell(
          cell(
              new Phrase(r.evidenceStudyKey() == null ? "–" : r.evidenceStudyKey(), cell),
              Element.ALIGN_LEFT,
              shade));
      table.addCell(
          cell(new Phrase(Integer.toString(r.candidates()), cell), Element.ALIGN_RIGHT, shade));
    }
    document.add(table);
    document.add(para(t("qc.keys"), smallMuted));

    if (!flagged.isEmpty()) {
      heading(document, t("qc.report.evidence"));
      document.add(para(t("qc.report.evidence.lead"), body));
      for (KnowledgeBase.QcRow r : flagged) {
        Paragraph title =
            new Paragraph(
                r.oar() + (r.oarRoi() == null ? "" : " (" + r.oarRoi() + ")"),
                new Font(base, 9.5f, Font.BOLD, FLAG));
        title.setSpacingBefore(6);
        title.setKeepTogether(true);
        document.add(title);
        document.add(para(r.explanation(), body));
        document.add(
            para(
                f("qc.evidence", r.evidence().size()) + ": " + String.join(", ", r.evidence()),
                small));
        document.add(para(t("qc.topK.title") + " (" + r.topKRule() + "):", small));
        for (KnowledgeBase.TopMetric m : r.topK()) {
          document.add(para("    " + topK(m), small));
        }
      }
    }
  }

  /** The figure with its heading and caption, kept together on one page. */
  private void dvhs(Document document, PdfWriter writer) {
    List<DvhFigure.Curve> curves = DvhFigure.curves(report.curves());
    if (curves.isEmpty()) {
      heading(document, t("qc.report.dvh"));
      document.add(para(t("qc.report.dvh.none"), body));
      return;
    }
    float width = document.getPageSize().getWidth() - 2 * MARGIN;
    PdfTemplate figure = writer.getDirectContent().createTemplate(width, 300);
    DvhFigure.draw(
        figure,
        base,
        curves,
        t("qc.report.dvh.dose"),
        t("qc.report.dvh.volume"),
        t("qc.report.dvh.more"));
    PdfPTable block = new PdfPTable(1);
    block.setWidthPercentage(100);
    block.setKeepTogether(true);
    PdfPCell title = new PdfPCell();
    title.addElement(headingParagraph(t("qc.report.dvh")));
    PdfPCell image = new PdfPCell(Image.getInstance(figure), false);
    image.setPaddingTop(4);
    PdfPCell caption = new PdfPCell(para(t("qc.report.dvh.caption"), smallMuted));
    for (PdfPCell c : List.of(title, image, caption)) {
      c.setBorder(Rectangle.NO_BORDER);
      c.setPaddingLeft(0);
      c.setPaddingRight(0);
      block.addCell(c);
    }
    document.add(block);
  }

  private void metrics(Document document) {
    heading(document, t("qc.report.metrics"));
    List<String> names = report.metricNames();
    if (report.curves().isEmpty()) {
      document.add(para(t("qc.report.dvh.none"), body));
      return;
    }
    float[] widths = new float[5 + names.size()];
    widths[0] = 2.4f;
    widths[1] = 2.2f;
    widths[2] = 1.35f;
    widths[3] = 1.1f;
    for (int i = 0; i < names.size(); i++) {
      widths[4 + i] = 1f;
    }
    widths[4 + names.size()] = 1.3f;
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    List<String> heads = new ArrayList<>();
    heads.add(t("qc.report.structure"));
    heads.add(t("qc.report.standardName"));
    heads.add(t("qc.report.role"));
    heads.add(t("qc.report.volume"));
    names.forEach(n -> heads.add(n + " (Gy)"));
    heads.add(t("qc.report.source"));
    head(table, heads.toArray(String[]::new));
    for (StudyDvhs.Dvh d : report.curves()) {
      table.addCell(cell(new Phrase(d.roi().name(), cell), Element.ALIGN_LEFT, null));
      table.addCell(
          cell(new Phrase(orDash(d.roi().standardName()), cell), Element.ALIGN_LEFT, null));
      table.addCell(cell(new Phrase(orDash(d.roi().role()), cell), Element.ALIGN_LEFT, null));
      table.addCell(cell(new Phrase(one(d.roi().volumeCc()), cell), Element.ALIGN_RIGHT, null));
      for (int i = 0; i < names.size(); i++) {
        OptionalDouble v =
            i < d.metrics().size() ? d.metrics().get(i).value() : OptionalDouble.empty();
        table.addCell(
            cell(
                new Phrase(v.isPresent() ? gy(v.getAsDouble()) : "–", cell),
                Element.ALIGN_RIGHT,
                null));
      }
      table.addCell(
          cell(
              new Phrase(
                  "COMPUTED".equals(d.source())
                      ? t("qc.report.source.computed")
                      : t("qc.report.source.tps"),
                  cell),
              Element.ALIGN_LEFT,
              null));
    }
    document.add(table);
  }

  private void constraints(Document document) {
    heading(document, t("qc.report.constraints"));
    if (report.constraints().isEmpty()) {
      document.add(para(t("qc.report.constraints.empty"), body));
      return;
    }
    PdfPTable table = new PdfPTable(new float[] {2.2f, 2.4f, 1.2f, 1.2f, 1.2f, 2.4f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    head(
        table,
        t("qc.report.structure"),
        t("qc.report.constraint"),
        t("qc.report.value"),
        t("qc.report.result"),
        t("qc.report.margin"),
        t("qc.report.constraintSource"));
    for (StudyConstraints.Result c : report.constraints()) {
      table.addCell(cell(new Phrase(c.roiName(), cell), Element.ALIGN_LEFT, null));
      table.addCell(
          cell(
              new Phrase(
                  c.metric() + " " + c.comparator() + " " + number(c.limit()) + " " + c.unit(),
                  cell),
              Element.ALIGN_LEFT,
              null));
      table.addCell(
          cell(
              new Phrase(c.value() == null ? "–" : gy(c.value()) + " " + c.unit(), cell),
              Element.ALIGN_RIGHT,
              null));
      String result =
          c.passed() == null
              ? t("qc.report.notEvaluable")
                  + (c.note() == null || c.note().isBlank() ? "" : ": " + c.note())
              : c.passed() ? t("qc.report.pass") : t("qc.report.fail");
      Font font =
          c.passed() == null ? cell : c.passed() ? new Font(base, 7.5f, Font.BOLD, PASS) : cellFlag;
      table.addCell(cell(new Phrase(result, font), Element.ALIGN_LEFT, null));
      table.addCell(
          cell(
              new Phrase(c.margin() == null ? "–" : signed(c.margin()) + " " + c.unit(), cell),
              Element.ALIGN_RIGHT,
              null));
      table.addCell(cell(new Phrase(orDash(c.constraintSource()), cell), Element.ALIGN_LEFT, null));
    }
    document.add(table);
  }

  // --- page frame ------------------------------------------------------------------------------

  /** Every page's header (report, patient) and footer (who, when, RTDS, notice). */
  private final class Frame extends PdfPageEventHelper {
    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      Rectangle page = document.getPageSize();
      float left = MARGIN;
      float right = page.getWidth() - MARGIN;
      float headY = page.getHeight() - 32;
      QcReport.Study s = report.study();
      ColumnText.showTextAligned(
          cb, Element.ALIGN_LEFT, new Phrase(t("qc.report.header"), smallMuted), left, headY, 0);
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_RIGHT,
          new Phrase(
              s.patientName() + " · " + t("qc.report.patientId") + " " + s.patientId(), small),
          right,
          headY,
          0);
      cb.setColorStroke(RULE);
      cb.setLineWidth(0.5f);
      cb.moveTo(left, headY - 5);
      cb.lineTo(right, headY - 5);
      cb.moveTo(left, 46);
      cb.lineTo(right, 46);
      cb.stroke();
      QcReport.Provenance p = report.provenance();
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          new Phrase(
              f(
                  "qc.report.generated",
                  WHEN.format(p.generatedAt()),
                  p.user(),
                  p.hospital() == null || p.hospital().isBlank()
                      ? t("qc.report.noHospital")
                      : p.hospital(),
                  p.version()),
              small),
          left,
          36,
          0);
      ColumnText.showTextAligned(
          cb, Element.ALIGN_LEFT, new Phrase(t("qc.report.footer"), smallMuted), left, 26, 0);
    }
  }

  /** Stamps "Page n of N" on every page, once the number of pages is known. */
  private byte[] numbered(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfStamper stamper = new PdfStamper(reader, out);
      int pages = reader.getNumberOfPages();
      for (int i = 1; i <= pages; i++) {
        Rectangle page = reader.getPageSize(i);
        ColumnText.showTextAligned(
            stamper.getOverContent(i),
            Element.ALIGN_RIGHT,
            new Phrase(f("qc.report.page", i, pages), small),
            page.getWidth() - MARGIN,
            36,
            0);
      }
      stamper.close();
      reader.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void heading(Document document, String title) {
    document.add(headingParagraph(title));
  }

  private Paragraph headingParagraph(String title) {
    Paragraph p = new Paragraph(title, h2);
    p.setLeading(14);
    p.setSpacingBefore(8);
    p.setSpacingAfter(6);
    return p;
  }

  private static Paragraph para(String s, Font font) {
    Paragraph p = new Paragraph(s, font);
    p.setSpacingBefore(2);
    p.setLeading(font.getSize() * 1.3f);
    return p;
  }

  private void row(PdfPTable table, String key, String value, Font font) {
    PdfPCell k = new PdfPCell(new Phrase(key, new Font(base, font.getSize(), Font.NORMAL, MUTED)));
    PdfPCell v = new PdfPCell(new Phrase(orDash(value), font));
    for (PdfPCell c : List.of(k, v)) {
      c.setBorder(Rectangle.BOTTOM);
      c.setBorderColor(RULE);
      c.setPadding(3);
      c.setPaddingBottom(4);
      table.addCell(c);
    }
  }

  private void head(PdfPTable table, String... titles) {
    for (String title : titles) {
      PdfPCell c = new PdfPCell(new Phrase(title, cellBold));
      c.setBackgroundColor(TABLE_HEAD);
      c.setBorderColor(RULE);
      c.setPadding(3);
      c.setVerticalAlignment(Element.ALIGN_BOTTOM);
      table.addCell(c);
    }
  }

  private static PdfPCell cell(Phrase phrase, int align, Color shade) {
    PdfPCell c = new PdfPCell(phrase);
    c.setHorizontalAlignment(align);
    c.setBorderColor(RULE);
    c.setPadding(2.5f);
    c.setPaddingBottom(3.5f);
    if (shade != null) {
      c.setBackgroundColor(shade);
    }
    return c;
  }

  private String result(KnowledgeBase.QcRow r) {
    if (r.flagged()) {
      return t("qc.flagged");
    }
    return r.achievableGy() == null ? t("qc.noEvidence") : t("qc.within");
  }

  private String topK(KnowledgeBase.TopMetric m) {
    return topK(t("qc.topK.metric"), m);
  }

  /**
   * One line of what the k most similar plans achieved for a metric.
   *
   * @param pattern the message {@code qc.topK.metric}: {0} metric, {1} median and {2} minimum (Gy),
   *     {3} the plan with the minimum
   * @param m the summary
   * @return the line, doses with two decimals, "–" for none
   */
  public static String topK(String pattern, KnowledgeBase.TopMetric m) {
    return new MessageFormat(pattern, Locale.ROOT)
        .format(
            new Object[] {
              m.metric(),
              gy(m.medianGy()),
              gy(m.minimumGy()),
              m.minimumStudyKey() == null ? "–" : m.minimumStudyKey()
            });
  }

  private String t(String key) {
    return text.getString(key);
  }

  /** A message with arguments, each given as text or a whole number. */
  private String f(String key, Object... arguments) {
    Object[] strings = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      strings[i] = String.valueOf(arguments[i]);
    }
    return new MessageFormat(t(key), Locale.ROOT).format(strings);
  }

  /** Gy with two decimals, "–" for none. */
  static String gy(Double value) {
    return value == null || !Double.isFinite(value)
        ? "–"
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String signed(Double value) {
    return value == null || !Double.isFinite(value)
        ? "–"
        : String.format(Locale.ROOT, "%+.2f", value);
  }

  private static String one(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A limit as written: no trailing zeros. */
  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }

  private static byte[] fontBytes() {
    try (InputStream in = QcReportPdf.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("the report font " + FONT + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

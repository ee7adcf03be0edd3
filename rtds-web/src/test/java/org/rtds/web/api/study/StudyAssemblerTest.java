package org.rtds.web.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.boundary.StudyDvhs;
import org.rtds.features.dose.metric.MetricValue;
import org.rtds.ingest.entity.SeriesRecord;
import org.rtds.ingest.entity.StudyInputs;
import org.rtds.ingest.entity.StudyListing;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.web.api.study.StudyDtos.DvhView;
import org.rtds.web.api.study.StudyDtos.MetricView;
import org.rtds.web.api.study.StudyDtos.QcView;
import org.rtds.web.api.study.StudyDtos.SeriesView;
import org.rtds.web.api.study.StudyDtos.SimilarView;
import org.rtds.web.api.study.StudyDtos.StudyView;

class StudyAssemblerTest {

  private static StudyRecord record(FeatureJobStatus status, Map<String, Long> objects) {
    return new StudyRecord(
        11,
        new StudyListing(
            "1.2.3", LocalDate.of(2026, 3, 1), "H&N", "P-1", "Doe^Jane", status, "detail"),
        List.of(new StudyRecord.SeriesListing("1.2.3.4", "CT", "planning CT", "1.2.3.9")),
        StudyInputs.of(objects));
  }

  @Test
  void aStudyWithoutAFeatureJobIsPendingAndWithoutAPlanRecommendsOne() {
    StudyView view = StudyAssembler.study(record(null, Map.of("CT", 40L, "RTSTRUCT", 1L)), null);
    assertThat(view.features().status()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(view.features().detail()).isEqualTo("no feature job yet");
    assertThat(view.features().knowledgeBase()).isNull();
    assertThat(view.missing()).containsExactly("RTDOSE");
    assertThat(view.recommended()).containsExactly("RTPLAN");
    assertThat(view.objects()).containsEntry("CT", 40L);
    assertThat(view.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.modality()).isEqualTo("CT");
              assertThat(s.frameOfReferenceUid()).isEqualTo("1.2.3.9");
            });
    assertThat(view.patientName()).isEqualTo("Doe^Jane");
  }

  @Test
  void aDoneStudyCarriesTheKnowledgeBaseSummaryWithLinks() {
    StudyView view =
        StudyAssembler.study(
            record(
                FeatureJobStatus.DONE,
                Map.of("CT", 40L, "RTSTRUCT", 1L, "RTPLAN", 1L, "RTDOSE", 1L)),
            new KnowledgeBase.Summary(6, 6, 12, List.of("Parotid_L")));
    assertThat(view.recommended()).isEmpty();
    assertThat(view.missing()).isEmpty();
    assertThat(view.features().status()).isEqualTo(FeatureJobStatus.DONE);
    var kb = view.features().knowledgeBase();
    assertThat(kb.comparedStudies()).isEqualTo(12);
    assertThat(kb.flaggedOars()).containsExactly("Parotid_L");
    assertThat(kb.links())
        .containsEntry("qc", "/rtds/api/v1/studies/1.2.3/qc")
        .containsEntry("dvhBand", "/rtds/api/v1/studies/1.2.3/similar/dvh-band{?oar,k,step}");
  }

  @Test
  void anUndefinedMetricHasNoValueAndSaysWhyAndADefinedOneHasNoNote() {
    MetricView undefined =
        StudyAssembler.metric(
            new MetricValue("D0.03cc", OptionalDouble.empty(), "Gy", "ROI smaller than 0.03 cc"));
    assertThat(undefined.value()).isNull();
    assertThat(undefined.note()).isEqualTo("ROI smaller than 0.03 cc");
    MetricView defined =
        StudyAssembler.metric(new MetricValue("Dmean", OptionalDouble.of(21.5), "Gy", ""));
    assertThat(defined.value()).isEqualTo(21.5);
    assertThat(defined.note()).isNull();
  }

  @Test
  void aDvhKeepsItsRoiCurveAndUnits() {
    StudyDvhs.Roi roi =
        new StudyDvhs.Roi(5, "3", "Parotid L", "Parotid_L", "OAR", "ORGAN", 25.1, "255\\0\\0");
    DvhView view =
        StudyAssembler.dvh(
            new StudyDvhs.Dvh(
                roi,
                "COMPUTED",
                "1.2.9",
                new double[] {0, 1},
                new double[] {25.1, 20},
                new double[] {100, 79.7},
                0.0,
                30.0,
                12.0,
                List.of(new MetricValue("Dmean", OptionalDouble.of(12), "Gy", ""))));
    assertThat(view.roiNumber()).isEqualTo("3");
    assertThat(view.roiName()).isEqualTo("Parotid L");
    assertThat(view.standardName()).isEqualTo("Parotid_L");
    assertThat(view.type()).isEqualTo("OAR");
    assertThat(view.volumeCc()).containsExactly(25.1, 20);
    assertThat(view.metrics()).extracting(MetricView::metric).containsExactly("Dmean");
    assertThat(StudyAssembler.roi(roi).volumeCc()).isEqualTo(25.1);
    assertThat(StudyAssembler.roi(roi).interpretedType()).isEqualTo("ORGAN");
  }

  @Test
  void aDeidentifiedSimilarStudyShowsItsKeyButNoIdentity() {
    SimilarView view =
        StudyAssembler.similar(
            new KnowledgeBase.Similar(
                1,
                new KnowledgeBase.StudyRef("KB-7F3A", false, null, null, 70.0),
                0.42,
                0.0,
                List.of(new KnowledgeBase.OarMatch("PTV_All", "Parotid_L", 1.5, 2.5, 24.0, 22.0))));
    assertThat(view.studyKey()).isEqualTo("KB-7F3A");
    assertThat(view.identifiable()).isFalse();
    assertThat(view.studyInstanceUid()).isNull();
    assertThat(view.patientId()).isNull();
    assertThat(view.prescriptionGy()).isEqualTo(70.0);
    assertThat(view.oars())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ovhEmdMm()).isEqualTo(1.5);
              assertThat(m.achievedDmeanGy()).isEqualTo(24.0);
            });
  }

  @Test
  void aQcRowKeepsTheRuleTheEvidenceAndTheTopK() {
    QcView view =
        StudyAssembler.qc(
            new KnowledgeBase.QcRow(
                "ALL",
                "Parotid_L",
                "Parotid L",
                "D50%",
                4.5,
                30.0,
                20.0,
                3.0,
                23.0,
                10.0,
                true,
                "rule",
                List.of("KB-1", "1.2.3"),
                "KB-1",
                9,
                "30 Gy > 23 Gy",
                List.of(new KnowledgeBase.TopMetric("Dmean", 22.0, 19.0, "KB-1", List.of("KB-1"))),
                "top-k rule"));
    assertThat(view.flagged()).isTrue();
    assertThat(view.thresholdGy()).isEqualTo(23.0);
    assertThat(view.evidence()).containsExactly("KB-1", "1.2.3");
    assertThat(view.topK())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.minimumStudyKey()).isEqualTo("KB-1");
              assertThat(t.medianGy()).isEqualTo(22.0);
            });
    assertThat(view.topKRule()).isEqualTo("top-k rule");
  }

  @Test
  void aSeriesListsItsObjectsAndWhereDicomWebServesThem() {
    SeriesView view =
        StudyAssembler.series(
            "1.2.3",
            new SeriesRecord(
                new StudyRecord.SeriesListing("1.2.3.4", "CT", "planning CT", "1.2.3.9"),
                List.of(
                    new SeriesRecord.InstanceListing(
                        "1.2.3.4.1",
                        "1.2.840.10008.5.1.4.1.1.2",
                        "CT",
                        "1.2.840.10008.1.2.1",
                        526_004,
                        LocalDateTime.of(2026, 3, 1, 9, 14, 2),
                        "DIMSE"))));
    assertThat(view.seriesInstanceUid()).isEqualTo("1.2.3.4");
    assertThat(view.frameOfReferenceUid()).isEqualTo("1.2.3.9");
    assertThat(view.instances())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.sopInstanceUid()).isEqualTo("1.2.3.4.1");
              assertThat(i.sizeBytes()).isEqualTo(526_004);
              assertThat(i.receivedAt()).isEqualTo(LocalDateTime.of(2026, 3, 1, 9, 14, 2));
              assertThat(i.channel()).isEqualTo("DIMSE");
            });
    assertThat(view.links())
        .containsEntry("study", "/rtds/api/v1/studies/1.2.3")
        .containsEntry("retrieve", "/rtds/dicomweb/studies/1.2.3/series/1.2.3.4")
        .containsEntry("metadata", "/rtds/dicomweb/studies/1.2.3/series/1.2.3.4/metadata");
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    view.csvRows(rows::add);
    assertThat(rows)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsExactly(
                        "1.2.3.4.1",
                        "1.2.840.10008.5.1.4.1.1.2",
                        "CT",
                        "1.2.840.10008.1.2.1",
                        "526004",
                        "2026-03-01T09:14:02",
                        "DIMSE"));
  }
}

package org.rtds.web.api.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.ingest.entity.PatientListing;
import org.rtds.ingest.entity.PatientRecord;
import org.rtds.ingest.entity.ResultPage;
import org.rtds.ingest.entity.StudyListing;
import org.rtds.web.api.patient.PatientDtos.PatientPage;
import org.rtds.web.api.patient.PatientDtos.PatientView;

class PatientAssemblerTest {

  @Test
  void aPageKeepsItsPositionAndTheTotalOfAllPages() {
    PatientPage page =
        PatientAssembler.page(
            new ResultPage<>(
                List.of(
                    new PatientListing(
                        4, "P-4", "Doe^Jane", LocalDate.of(1950, 1, 2), "F", 3, null)),
                41),
            3,
            20);
    assertThat(page.page()).isEqualTo(3);
    assertThat(page.size()).isEqualTo(20);
    assertThat(page.total()).isEqualTo(41);
    assertThat(page.items())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(4);
              assertThat(p.sex()).isEqualTo("F");
              assertThat(p.studies()).isEqualTo(3);
            });
  }

  @Test
  void aPatientsStudiesLinkToTheirResourceAndShowTheFeatureStatus() {
    PatientView view =
        PatientAssembler.patient(
            new PatientRecord(
                4,
                "P-4",
                "Doe^Jane",
                null,
                "F",
                "",
                List.of(
                    new StudyListing(
                        "1.2.3", null, "H&N", "P-4", "Doe^Jane", FeatureJobStatus.DONE, "done"),
                    new StudyListing("1.2.4", null, null, "P-4", "Doe^Jane", null, null))));
    assertThat(view.studies())
        .extracting(s -> s.link() + " " + s.features())
        .containsExactly("/rtds/api/v1/studies/1.2.3 DONE", "/rtds/api/v1/studies/1.2.4 null");
    assertThat(view.ethnicGroup()).isEmpty();
  }
}

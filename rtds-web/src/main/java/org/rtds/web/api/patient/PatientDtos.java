package org.rtds.web.api.patient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.web.api.PagedAnswer;
import org.rtds.web.api.csv.Csv;
import org.rtds.web.api.csv.CsvColumns;
import org.rtds.web.api.csv.CsvRows;

/** What {@code /api/v1/patients} answers, built by {@link PatientAssembler}. */
public final class PatientDtos {

  private PatientDtos() {}

  /**
   * One patient in a list.
   *
   * @param id the patient's RTDS id ({@code patients.id}), for {@code /patients/{id}}
   * @param patientId DICOM Patient ID (0010,0020)
   * @param patientName DICOM Patient's Name (0010,0010), {@code ^}-separated
   * @param birthDate Patient's Birth Date (0010,0030)
   * @param sex M, F or O ({@code patients.Gender})
   * @param studies studies RTDS holds for the patient
   * @param lastReceivedAt when RTDS last stored an object of the patient (UTC)
   */
  public record PatientSummary(
      int id,
      String patientId,
      String patientName,
      LocalDate birthDate,
      String sex,
      long studies,
      LocalDateTime lastReceivedAt) {}

  /**
   * A page of patients, ordered by name.
   *
   * @param page 1 for the first
   * @param size patients per page (the last page may hold fewer)
   * @param total patients matching in all pages
   */
  @CsvColumns({
    "id",
    "patient_id",
    "patient_name",
    "birth_date",
    "sex",
    "studies",
    "last_received_at"
  })
  public record PatientPage(List<PatientSummary> items, int page, int size, long total)
      implements PagedAnswer, CsvRows {
    /** The patients of this page. */
    @Override
    public void csvRows(Consumer<String[]> row) {
      for (PatientSummary p : items) {
        row.accept(
            new String[] {
              String.valueOf(p.id()),
              Csv.text(p.patientId()),
              Csv.text(p.patientName()),
              p.birthDate() == null ? "" : p.birthDate().toString(),
              p.sex(),
              String.valueOf(p.studies()),
              p.lastReceivedAt() == null ? "" : p.lastReceivedAt().toString()
            });
      }
    }
  }

  /**
   * A study of a patient.
   *
   * @param features PENDING, RUNNING, DONE or FAILED; absent before the study has a feature job
   * @param link the study's API resource
   */
  public record StudySummary(
      String studyInstanceUid,
      LocalDate studyDate,
      String description,
      FeatureJobStatus features,
      String link) {}

  /** One patient with its studies (newest first). */
  public record PatientView(
      int id,
      String patientId,
      String patientName,
      LocalDate birthDate,
      String sex,
      String ethnicGroup,
      List<StudySummary> studies) {}
}

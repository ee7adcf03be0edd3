package org.rtds.ingest.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient with its studies, newest first.
 *
 * @param id {@code patients.id}
 * @param patientId DICOM Patient ID (0010,0020)
 * @param patientName DICOM Patient's Name (0010,0010)
 * @param birthDate Patient's Birth Date (0010,0030)
 * @param sex M, F or O
 * @param ethnicGroup Ethnic Group (0010,2160)
 * @param studies its studies, newest first
 */
public record PatientRecord(
    int id,
    String patientId,
    String patientName,
    LocalDate birthDate,
    String sex,
    String ethnicGroup,
    List<StudyListing> studies) {

  public PatientRecord {
    studies = List.copyOf(studies);
  }
}

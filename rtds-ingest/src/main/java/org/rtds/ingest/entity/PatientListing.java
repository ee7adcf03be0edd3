package org.rtds.ingest.entity;

import java.time.LocalDate;

/**
 * A patient in a list.
 *
 * @param id {@code patients.id}
 * @param patientId DICOM Patient ID (0010,0020)
 * @param patientName DICOM Patient's Name (0010,0010), {@code ^}-separated
 * @param birthDate Patient's Birth Date (0010,0030)
 * @param sex M, F or O ({@code patients.Gender})
 * @param studies studies RTDS holds for the patient
 */
public record PatientListing(
    int id, String patientId, String patientName, LocalDate birthDate, String sex, long studies) {}

package org.rtds.ingest.entity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A patient in a list.
 *
 * @param id {@code patients.id}
 * @param patientId DICOM Patient ID (0010,0020)
 * @param patientName DICOM Patient's Name (0010,0010), {@code ^}-separated
 * @param birthDate Patient's Birth Date (0010,0030)
 * @param sex M, F or O ({@code patients.Gender})
 * @param studies studies RTDS holds for the patient
 * @param lastReceivedAt when RTDS last stored an object of the patient (UTC); null for a patient
 *     adopted from a legacy database whose objects RTDS never received
 */
public record PatientListing(
    int id,
    String patientId,
    String patientName,
    LocalDate birthDate,
    String sex,
    long studies,
    LocalDateTime lastReceivedAt) {}

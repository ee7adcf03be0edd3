package org.rtds.ingest.entity;

import java.time.LocalDate;
import org.rtds.domain.feature.FeatureJobStatus;

/**
 * A study in a list, with where its feature computation stands.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param studyDate Study Date (0008,0020)
 * @param description Study Description (0008,1030)
 * @param patientId its patient's DICOM Patient ID
 * @param patientName its patient's DICOM Patient's Name
 * @param featureStatus where its feature computation stands; null before the study has a feature
 *     job
 * @param featureDetail what the status means (e.g. "waiting for RTDOSE"); null without a job
 */
public record StudyListing(
    String studyInstanceUid,
    LocalDate studyDate,
    String description,
    String patientId,
    String patientName,
    FeatureJobStatus featureStatus,
    String featureDetail) {}

/**
 * The ingestion pipeline and its rules, plain Java objects run by the boundary's EJBs (the
 * command-line tools use {@link org.rtds.ingest.control.RtObjectMapper} and {@link
 * org.rtds.ingest.control.ParsedInstance} too): keeping received bytes ({@link
 * org.rtds.ingest.control.ContentAddressedStore}), DICOM to {@link
 * org.rtds.ingest.control.ParsedInstance} ({@link org.rtds.ingest.control.RtObjectMapper}),
 * duplicates ({@link org.rtds.ingest.control.ContentFingerprint}), the pipeline with its retries
 * ({@link org.rtds.ingest.control.IngestPipeline}), the drop folder's claiming ({@link
 * org.rtds.ingest.control.DropFolder}) and ROI name standardisation ({@link
 * org.rtds.ingest.control.RoiNameNormalizer}: clinical ROI names to AAPM TG-263 names and roles,
 * from the data table {@code org/rtds/ingest/roi-synonyms.tsv}).
 *
 * <p>Rows are written by {@link org.rtds.ingest.control.IngestWriter}, in the caller's transaction
 * through the {@code EntityManager} it is given, with one helper per responsibility: {@code
 * PatientHierarchy} (find, check and create patient, study and series), {@code StoredObjects} (the
 * {@code rtds_object} index), {@code RejectionLog} ({@code rtds_rejection}), one {@code
 * ModalityWriter} per kind of object ({@code CtSliceWriter}, {@code StructureSetWriter}, {@code
 * PlanWriter}, {@code DoseWriter}), {@link org.rtds.ingest.control.FeatureJobBooking} ({@code
 * rtds_feature_job} and a study's input counts) and {@code Columns} (column lengths, UTC
 * timestamps). Adding a kind of object means a record in {@link
 * org.rtds.ingest.control.ParsedInstance}'s {@code permits} clause, its mapping in {@link
 * org.rtds.ingest.control.RtObjectMapper}, its part of {@link
 * org.rtds.ingest.control.ContentFingerprint} and a {@code ModalityWriter} that {@code
 * IngestWriter} dispatches to; the type switches of {@code ContentFingerprint} and {@code
 * IngestWriter} fail on a kind they do not know.
 *
 * <p>The only Jakarta APIs used here are the persistence API (through the {@code EntityManager} the
 * boundary passes in); nothing here looks up a container service or configuration, or depends on
 * the boundary ({@code org.rtds.ingest.ArchitectureTest} checks both). A database the pipeline
 * finds unreachable is a {@code org.rtds.domain.db.DatabaseUnavailableException}, which the
 * boundary answers as its {@code IngestUnavailableException}.
 */
package org.rtds.ingest.control;

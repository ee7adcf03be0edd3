/**
 * Value types of the ingestion component that its callers see: where an object came from ({@link
 * org.rtds.ingest.entity.IngestOrigin}, {@link org.rtds.ingest.entity.IngestChannel}) and what
 * became of it ({@link org.rtds.ingest.entity.IngestOutcome}, {@link
 * org.rtds.ingest.entity.IngestStatus}); the stored records as listed and shown ({@link
 * org.rtds.ingest.entity.PatientListing}, {@link org.rtds.ingest.entity.PatientRecord}, {@link
 * org.rtds.ingest.entity.StudyListing}, {@link org.rtds.ingest.entity.StudyRecord}, {@link
 * org.rtds.ingest.entity.SeriesRecord}, {@link org.rtds.ingest.entity.ResultPage}, {@link
 * org.rtds.ingest.entity.PatientOrder}) and what a study holds for features ({@link
 * org.rtds.ingest.entity.StudyInputs}); QIDO-RS queries and answers ({@link
 * org.rtds.ingest.entity.QidoQuery}, {@link org.rtds.ingest.entity.QidoAttribute}, {@link
 * org.rtds.ingest.entity.QidoLevel}, {@link org.rtds.ingest.entity.QidoAnswer}); the archive's
 * files and counts ({@link org.rtds.ingest.entity.ArchivedFile}, {@link
 * org.rtds.ingest.entity.ArchiveCounts}), the file store's state ({@link
 * org.rtds.ingest.entity.FileStoreState}) and a CT image in Hounsfield units ({@link
 * org.rtds.ingest.entity.HounsfieldImage}).
 *
 * <p>Records and enums without state beyond their values: validation, parsing from and formatting
 * to text, and derived values (e.g. {@link org.rtds.ingest.entity.StudyInputs#missing()}). They
 * depend on the JDK and {@code rtds-domain} only, not on JPA, the container or the other ingest
 * packages ({@code org.rtds.ingest.ArchitectureTest}).
 */
package org.rtds.ingest.entity;

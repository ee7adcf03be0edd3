/**
 * The ingest boundary: the EJBs other modules and the channels call, and the CDI beans that
 * configure and watch them. {@link org.rtds.ingest.boundary.Ingestion} stores objects from every
 * channel (web upload, REST, STOW-RS, C-STORE, drop folder), each object in its own transaction
 * ({@link org.rtds.ingest.boundary.IngestTransaction}); {@link
 * org.rtds.ingest.boundary.DicomListenerService} (the C-STORE listener) and {@link
 * org.rtds.ingest.boundary.DropFolderService} are two of those channels, the web module the other
 * three; {@link org.rtds.ingest.boundary.PatientRecords} and {@link
 * org.rtds.ingest.boundary.DicomArchive} read the stored records (the hospital scope passed in),
 * the archive's searches as {@link org.rtds.ingest.boundary.QidoQueryParser} (plain Java) reads
 * them from the query parameters; {@link org.rtds.ingest.boundary.DatabaseOutages} decides for
 * every channel whether a failure is an outage, and {@link
 * org.rtds.ingest.boundary.IngestUnavailableException} is what {@code Ingestion} throws while the
 * database is down; {@link org.rtds.ingest.boundary.FileStore} holds the file store under {@code
 * RTDS_DATA_DIR}; {@link org.rtds.ingest.boundary.IngestSettings} reads the module's settings
 * ({@code RTDS_…} through MicroProfile Config), and the readiness checks ({@link
 * org.rtds.ingest.boundary.FileStoreReadinessCheck}, {@link
 * org.rtds.ingest.boundary.DicomListenerReadinessCheck}, {@link
 * org.rtds.ingest.boundary.DropFolderReadinessCheck}) report the file store and the two channels to
 * MicroProfile Health.
 *
 * <p>Other modules use this package and the value types of {@code org.rtds.ingest.entity} only,
 * never {@code control} or {@code dicom} (the web module's {@code ArchitectureTest} checks it).
 */
package org.rtds.ingest.boundary;

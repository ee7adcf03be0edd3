/**
 * The ingest boundary: the EJBs other modules and the channels call. {@link
 * org.rtds.ingest.boundary.Ingestion} stores objects from every channel (web upload, REST, STOW-RS,
 * C-STORE, drop folder); {@link org.rtds.ingest.boundary.DicomListenerService} and {@link
 * org.rtds.ingest.boundary.DropFolderService} are two of those channels; {@link
 * org.rtds.ingest.boundary.PatientRecords} and {@link org.rtds.ingest.boundary.DicomArchive} read
 * the stored records (the hospital scope passed in); {@link
 * org.rtds.ingest.boundary.DatabaseOutages} decides for every channel whether a failure is an
 * outage; {@link org.rtds.ingest.boundary.FileStore} holds the file store under {@code
 * RTDS_DATA_DIR}.
 */
package org.rtds.ingest.boundary;

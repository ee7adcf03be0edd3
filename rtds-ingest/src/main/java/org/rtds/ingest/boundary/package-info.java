/**
 * The ingest boundary: EJBs other modules call. Today the file store under {@code RTDS_DATA_DIR};
 * the ingestion channels (upload, REST, STOW-RS, C-STORE, drop folder) arrive with the ingestion
 * issue.
 */
package org.rtds.ingest.boundary;

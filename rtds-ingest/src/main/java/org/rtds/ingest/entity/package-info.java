/**
 * Value types of the ingestion component that its callers see: where an object came from ({@link
 * org.rtds.ingest.entity.IngestOrigin}, {@link org.rtds.ingest.entity.IngestChannel}) and what
 * became of it ({@link org.rtds.ingest.entity.IngestOutcome}, {@link
 * org.rtds.ingest.entity.IngestStatus}). Plain records, no behaviour beyond validation.
 */
package org.rtds.ingest.entity;

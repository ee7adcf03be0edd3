/**
 * The ingestion pipeline and its rules, plain Java objects run by the boundary's EJBs: keeping
 * received bytes ({@link org.rtds.ingest.control.ContentAddressedStore}), DICOM to rows ({@link
 * org.rtds.ingest.control.RtObjectMapper}, {@link org.rtds.ingest.control.IngestWriter} in the
 * caller's transaction through the {@code EntityManager} it is given), duplicates ({@link
 * org.rtds.ingest.control.ContentFingerprint}), the pipeline with its retries ({@link
 * org.rtds.ingest.control.IngestPipeline}), the drop folder's claiming ({@link
 * org.rtds.ingest.control.DropFolder}), QIDO-RS query parsing ({@link
 * org.rtds.ingest.control.QidoQueryParser}) and ROI name standardisation ({@link
 * org.rtds.ingest.control.RoiNameNormalizer}: clinical ROI names to AAPM TG-263 names and roles,
 * from the data table {@code org/rtds/ingest/roi-synonyms.tsv}). Jakarta APIs used here are the
 * persistence API and the EJB application-exception annotation; no container service is looked up.
 */
package org.rtds.ingest.control;

/**
 * Ingestion logic without Jakarta dependencies (tested on its own): the file store's directory
 * tree, and ROI name standardisation ({@link org.rtds.ingest.control.RoiNameNormalizer}: clinical
 * ROI names to AAPM TG-263 standard names and roles, from the data table {@code
 * org/rtds/ingest/roi-synonyms.tsv}); DICOM-to-entity mapping comes with ingestion.
 */
package org.rtds.ingest.control;

/**
 * Ingestion logic without Jakarta dependencies (tested on its own): today the file store's
 * directory tree; DICOM-to-entity mapping comes with ingestion.
 */
package org.rtds.ingest.control;

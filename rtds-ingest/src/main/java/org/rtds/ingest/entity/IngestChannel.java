package org.rtds.ingest.entity;

/** The way an object reached RTDS (recorded in {@code rtds_object.Channel}). */
public enum IngestChannel {
  /** {@code POST /rtds/api/v1/instances}. */
  REST,
  /** DICOMweb STOW-RS, {@code POST /rtds/dicomweb/studies}. */
  STOW_RS,
  /** DICOM C-STORE to the listener on {@code RTDS_DICOM_PORT}. */
  DIMSE,
  /** A file placed in the drop folder. */
  DROP_FOLDER,
  /** The clinicians' upload page. */
  UPLOAD,
  /** {@code ./rtds import DIR}. */
  IMPORT
}

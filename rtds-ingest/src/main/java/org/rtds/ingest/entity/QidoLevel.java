package org.rtds.ingest.entity;

/** The level a DICOMweb search answers: one result per study, series or instance. */
public enum QidoLevel {
  STUDY,
  SERIES,
  INSTANCE
}

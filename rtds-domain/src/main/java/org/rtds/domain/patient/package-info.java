/**
 * The DICOM information hierarchy above the objects: patients, studies and series.
 *
 * <p>Promises: a study belongs to one patient, a series to one study and patient; studies and
 * series are found by their DICOM UIDs through named queries ({@link
 * org.rtds.domain.patient.Study#FIND_BY_STUDY_UID}, {@link
 * org.rtds.domain.patient.Series#FIND_BY_SERIES_UID}). Patient data is personal health information:
 * entities never leave the server, DTOs carry what a screen needs. The mapped superclasses {@link
 * org.rtds.domain.patient.StudyScopedEntity}, {@link org.rtds.domain.patient.SeriesScopedEntity}
 * and {@link org.rtds.domain.patient.UserCreatedSeriesScopedEntity} map, once for all tables, the
 * foreign keys that place a row in this hierarchy.
 */
package org.rtds.domain.patient;

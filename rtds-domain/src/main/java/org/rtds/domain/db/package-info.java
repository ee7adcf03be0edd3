/**
 * What a database failure means for the caller, decided in one place for every channel (REST,
 * DICOMweb, the DICOM listener, the drop folder, sign-in and the feature jobs): plain Java over
 * {@link java.sql.SQLException} and the names of the driver's, Hibernate's and the container's
 * wrappers, no persistence API.
 */
package org.rtds.domain.db;

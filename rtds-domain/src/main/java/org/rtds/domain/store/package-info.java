/**
 * The index of RTDS's file store of received DICOM objects: {@link
 * org.rtds.domain.store.StoredObject} (one row per stored object and sending account, the
 * idempotency key of ingestion) and {@link org.rtds.domain.store.ObjectRejection} (objects RTDS
 * refused, with the reason; their bytes stay in the store).
 *
 * <p>Promises: files are content-addressed (SHA-256) under {@code RTDS_DATA_DIR}; every row names
 * its file relative to that directory, so several nodes sharing one store agree on paths.
 */
package org.rtds.domain.store;

package org.rtds.domain.event;

/**
 * A DICOM object was stored (its rows and its {@code rtds_object} entry are in the same
 * transaction).
 *
 * @param studyId {@code studies.id} of the object's study
 * @param sopInstanceUid the object's SOP Instance UID
 * @param modality CT, RTSTRUCT, RTPLAN or RTDOSE
 * @param accountId {@code auth_user.id} of the sending account
 */
public record InstanceStored(int studyId, String sopInstanceUid, String modality, int accountId) {}

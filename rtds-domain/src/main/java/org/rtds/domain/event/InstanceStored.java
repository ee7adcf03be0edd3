package org.rtds.domain.event;

/**
 * A DICOM object was stored (its rows and its {@code rtds_object} entry are in the same
 * transaction).
 *
 * @param studyId {@code studies.id} of the object's study
 * @param sopInstanceUid the object's SOP Instance UID
 * @param modality CT, RTSTRUCT, RTPLAN or RTDOSE
 * @param accountId {@code auth_user.id} of the sending account
 * @param channel how it came: REST, STOW_RS, DIMSE, DROP_FOLDER, UPLOAD or IMPORT
 * @param origin who sent it on that channel: calling AE title and address, client address, file
 *     name (for the audit trail)
 */
public record InstanceStored(
    int studyId,
    String sopInstanceUid,
    String modality,
    int accountId,
    String channel,
    String origin) {}

package org.rtds.ingest.entity;

import java.nio.file.Path;

/**
 * One stored DICOM object's file, as received (for WADO-RS).
 *
 * @param path the file in the file store
 * @param sopClassUid SOP Class UID
 * @param sopInstanceUid SOP Instance UID
 * @param seriesInstanceUid Series Instance UID
 * @param transferSyntaxUid the transfer syntax it was received in (null if unknown)
 */
public record ArchivedFile(
    Path path,
    String sopClassUid,
    String sopInstanceUid,
    String seriesInstanceUid,
    String transferSyntaxUid) {}

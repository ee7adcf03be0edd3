package org.rtds.testdata;

import java.nio.file.Path;

/** One written DICOM file: where it is and the identifiers a reader should find in it. */
public record DicomFile(
    Path path,
    String modality,
    String sopClassUid,
    String sopInstanceUid,
    String seriesInstanceUid,
    String transferSyntaxUid) {}

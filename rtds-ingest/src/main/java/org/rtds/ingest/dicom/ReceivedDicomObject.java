package org.rtds.ingest.dicom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One object received by C-STORE, as written to the spool folder.
 *
 * <p>The file is a DICOM Part 10 file: a 128-byte preamble, {@code DICM}, file meta information
 * (explicit VR little endian) written by the listener, then the data set exactly as received, in
 * {@link #transferSyntaxUid()}: compressed pixel data stays compressed, a deflated data set stays
 * deflated. Nothing in it has been checked: read it with {@link DicomReader}.
 *
 * @param file the spool file (see {@link DicomStoreHandler} for who deletes it)
 * @param callingAeTitle the sender's AE title, as it called itself (spaces around it removed); not
 *     authenticated
 * @param calledAeTitle the AE title the sender called (the listener's own)
 * @param sopClassUid Affected SOP Class UID of the C-STORE request
 * @param sopInstanceUid Affected SOP Instance UID of the C-STORE request
 * @param transferSyntaxUid transfer syntax of the data set (that of the presentation context)
 * @param sizeBytes size of the data set as received, in bytes (the file is larger by its meta
 *     information header)
 * @param remoteAddress the sender's IP address and port, e.g. {@code 10.1.2.3:50123}, for logs
 */
public record ReceivedDicomObject(
    Path file,
    String callingAeTitle,
    String calledAeTitle,
    String sopClassUid,
    String sopInstanceUid,
    String transferSyntaxUid,
    long sizeBytes,
    String remoteAddress) {

  /** Checks that no component is null. */
  public ReceivedDicomObject {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(callingAeTitle, "callingAeTitle");
    Objects.requireNonNull(calledAeTitle, "calledAeTitle");
    Objects.requireNonNull(sopClassUid, "sopClassUid");
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }
}

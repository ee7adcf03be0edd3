package org.rtds.testdata.dicom;

/** The transfer syntaxes {@link DicomWriter} can write (PS3.5 §10 and Annex A). */
public enum TransferSyntax {
  /**
   * Implicit VR Little Endian, the DICOM default: no VR in the element headers, every length
   * 32-bit.
   */
  IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false, false),
  /** Explicit VR Little Endian. */
  EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", true, false),
  /**
   * RLE Lossless (PS3.5 Annex G): explicit VR little endian with encapsulated, run-length-encoded
   * pixel data.
   */
  RLE_LOSSLESS("1.2.840.10008.1.2.5", true, true);

  private final String uid;
  private final boolean explicitVr;
  private final boolean encapsulated;

  TransferSyntax(String uid, boolean explicitVr, boolean encapsulated) {
    this.uid = uid;
    this.explicitVr = explicitVr;
    this.encapsulated = encapsulated;
  }

  /** The transfer syntax UID, written to (0002,0010) TransferSyntaxUID. */
  public String uid() {
    return uid;
  }

  /** Whether the data set's element headers carry the VR. */
  public boolean explicitVr() {
    return explicitVr;
  }

  /** Whether (7FE0,0010) PixelData is encapsulated (compressed fragments) rather than native. */
  public boolean encapsulated() {
    return encapsulated;
  }
}

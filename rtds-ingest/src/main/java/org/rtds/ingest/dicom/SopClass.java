package org.rtds.ingest.dicom;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The storage SOP classes RTDS ingests (DICOM PS3.4 Annex B). Anything else is rejected with {@link
 * DicomParseException.Reason#UNSUPPORTED_SOP_CLASS}.
 */
public enum SopClass {
  /** CT Image Storage: one axial slice of the planning CT. */
  CT_IMAGE("1.2.840.10008.5.1.4.1.1.2", "CT Image", "CT"),
  /** RT Structure Set Storage: ROI contours (polygons in patient LPS coordinates, mm). */
  RT_STRUCTURE_SET("1.2.840.10008.5.1.4.1.1.481.3", "RT Structure Set", "RTSTRUCT"),
  /** RT Plan Storage: photon/electron plan with prescription and fractionation. */
  RT_PLAN("1.2.840.10008.5.1.4.1.1.481.5", "RT Plan", "RTPLAN"),
  /**
   * RT Ion Plan Storage: proton/ion plan; prescription and fractionation as in {@link #RT_PLAN}.
   */
  RT_ION_PLAN("1.2.840.10008.5.1.4.1.1.481.8", "RT Ion Plan", "RTPLAN"),
  /** RT Dose Storage: dose grid (and/or DVHs), scaled by {@code DoseGridScaling}. */
  RT_DOSE("1.2.840.10008.5.1.4.1.1.481.2", "RT Dose", "RTDOSE");

  private final String uid;
  private final String displayName;
  private final String modality;

  SopClass(String uid, String displayName, String modality) {
    this.uid = uid;
    this.displayName = displayName;
    this.modality = modality;
  }

  /** Returns the SOP Class UID, e.g. {@code 1.2.840.10008.5.1.4.1.1.481.3}. */
  public String uid() {
    return uid;
  }

  /** Returns the human-readable name, e.g. {@code RT Structure Set}. */
  public String displayName() {
    return displayName;
  }

  /** Returns the Modality (0008,0060) objects of this class carry, e.g. {@code RTSTRUCT}. */
  public String modality() {
    return modality;
  }

  /**
   * Finds the SOP class with this UID.
   *
   * @param uid a SOP Class UID (surrounding spaces and NUL padding are ignored)
   * @return the class, or empty if RTDS does not ingest it
   */
  public static Optional<SopClass> find(String uid) {
    if (uid == null) {
      return Optional.empty();
    }
    String trimmed = DicomObject.trimValue(uid);
    return Arrays.stream(values()).filter(c -> c.uid.equals(trimmed)).findFirst();
  }

  /**
   * Returns the SOP class with this UID.
   *
   * @param uid a SOP Class UID
   * @return the class
   * @throws DicomParseException ({@link DicomParseException.Reason#UNSUPPORTED_SOP_CLASS}) if RTDS
   *     does not ingest objects of this class; the message lists the accepted ones
   */
  public static SopClass fromUid(String uid) throws DicomParseException {
    return fromUid(uid, null);
  }

  static SopClass fromUid(String uid, String libraryName) throws DicomParseException {
    Optional<SopClass> found = find(uid);
    if (found.isPresent()) {
      return found.get();
    }
    String name = libraryName == null || libraryName.isBlank() ? "" : " (" + libraryName + ")";
    throw new DicomParseException(
        DicomParseException.Reason.UNSUPPORTED_SOP_CLASS,
        "unsupported SOP class " + uid + name + "; RTDS accepts " + acceptedList());
  }

  static String acceptedList() {
    return Arrays.stream(values())
        .map(c -> c.displayName + " (" + c.uid + ")")
        .collect(Collectors.joining(", "));
  }
}

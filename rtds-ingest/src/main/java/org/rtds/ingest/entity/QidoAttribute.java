package org.rtds.ingest.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The DICOM attributes RTDS answers in a DICOMweb search (QIDO-RS, PS3.18 §10.6): what is stored in
 * the documented tables and {@code rtds_object}. Each has its tag (as DICOM JSON writes it),
 * keyword, value representation, the level it belongs to and how a search matches it ({@link
 * Matching}); attributes RTDS does not store are {@link #isStored() known but not stored} (a search
 * on one is ignored with a warning, as PS3.18 allows, and the attribute is absent from answers).
 */
public enum QidoAttribute {
  STUDY_DATE("00080020", "StudyDate", "DA", QidoLevel.STUDY, Matching.DATE_RANGE),
  STUDY_TIME("00080030", "StudyTime", "TM", QidoLevel.STUDY, Matching.NOT_STORED),
  ACCESSION_NUMBER("00080050", "AccessionNumber", "SH", QidoLevel.STUDY, Matching.NOT_STORED),
  MODALITIES_IN_STUDY(
      "00080061", "ModalitiesInStudy", "CS", QidoLevel.STUDY, Matching.MODALITIES_IN_STUDY),
  REFERRING_PHYSICIAN_NAME(
      "00080090", "ReferringPhysicianName", "PN", QidoLevel.STUDY, Matching.NOT_STORED),
  STUDY_DESCRIPTION("00081030", "StudyDescription", "LO", QidoLevel.STUDY, Matching.WILDCARD),
  PATIENT_NAME("00100010", "PatientName", "PN", QidoLevel.STUDY, Matching.WILDCARD),
  PATIENT_ID("00100020", "PatientID", "LO", QidoLevel.STUDY, Matching.WILDCARD),
  PATIENT_BIRTH_DATE("00100030", "PatientBirthDate", "DA", QidoLevel.STUDY, Matching.DATE_RANGE),
  PATIENT_SEX("00100040", "PatientSex", "CS", QidoLevel.STUDY, Matching.SINGLE_VALUE),
  STUDY_INSTANCE_UID("0020000D", "StudyInstanceUID", "UI", QidoLevel.STUDY, Matching.UID_LIST),
  STUDY_ID("00200010", "StudyID", "SH", QidoLevel.STUDY, Matching.NOT_STORED),
  NUMBER_OF_STUDY_RELATED_SERIES(
      "00201206", "NumberOfStudyRelatedSeries", "IS", QidoLevel.STUDY, Matching.RETURN_ONLY),
  NUMBER_OF_STUDY_RELATED_INSTANCES(
      "00201208", "NumberOfStudyRelatedInstances", "IS", QidoLevel.STUDY, Matching.RETURN_ONLY),

  MODALITY("00080060", "Modality", "CS", QidoLevel.SERIES, Matching.LIST),
  SERIES_DATE("00080021", "SeriesDate", "DA", QidoLevel.SERIES, Matching.DATE_RANGE),
  SERIES_DESCRIPTION("0008103E", "SeriesDescription", "LO", QidoLevel.SERIES, Matching.WILDCARD),
  SERIES_INSTANCE_UID("0020000E", "SeriesInstanceUID", "UI", QidoLevel.SERIES, Matching.UID_LIST),
  SERIES_NUMBER("00200011", "SeriesNumber", "IS", QidoLevel.SERIES, Matching.SINGLE_VALUE),
  NUMBER_OF_SERIES_RELATED_INSTANCES(
      "00201209", "NumberOfSeriesRelatedInstances", "IS", QidoLevel.SERIES, Matching.RETURN_ONLY),

  SOP_CLASS_UID("00080016", "SOPClassUID", "UI", QidoLevel.INSTANCE, Matching.UID_LIST),
  SOP_INSTANCE_UID("00080018", "SOPInstanceUID", "UI", QidoLevel.INSTANCE, Matching.UID_LIST),
  INSTANCE_NUMBER("00200013", "InstanceNumber", "IS", QidoLevel.INSTANCE, Matching.NOT_STORED),
  AVAILABLE_TRANSFER_SYNTAX_UID(
      "00083002", "AvailableTransferSyntaxUID", "UI", QidoLevel.INSTANCE, Matching.RETURN_ONLY);

  /** How a search value is compared with the stored one (PS3.4 §C.2.2.2). */
  public enum Matching {
    /** Single value; {@code *} and {@code ?} wildcards; case-insensitive for names (PN). */
    WILDCARD,
    /** Single value, exact. */
    SINGLE_VALUE,
    /** One value or several separated by {@code ,} or {@code \}, exact. */
    LIST,
    /** UID list matching: one or several UIDs separated by {@code ,} or {@code \}. */
    UID_LIST,
    /** A date {@code YYYYMMDD} or a range {@code A-B}, {@code A-}, {@code -B}. */
    DATE_RANGE,
    /** A study whose series include one of the listed modalities. */
    MODALITIES_IN_STUDY,
    /** Computed for the answer; a search on it is ignored with a warning. */
    RETURN_ONLY,
    /** A standard attribute RTDS does not store; a search on it is ignored with a warning. */
    NOT_STORED
  }

  private final String tag;
  private final String keyword;
  private final String vr;
  private final QidoLevel level;
  private final Matching matching;

  QidoAttribute(String tag, String keyword, String vr, QidoLevel level, Matching matching) {
    this.tag = tag;
    this.keyword = keyword;
    this.vr = vr;
    this.level = level;
    this.matching = matching;
  }

  /** The tag as eight upper-case hex digits, as DICOM JSON keys it. */
  public String tag() {
    return tag;
  }

  public String keyword() {
    return keyword;
  }

  /** Value representation (PS3.5 §6.2). */
  public String vr() {
    return vr;
  }

  public QidoLevel level() {
    return level;
  }

  public Matching matching() {
    return matching;
  }

  /** Whether RTDS stores (or computes) this attribute and can answer it. */
  public boolean isStored() {
    return matching != Matching.NOT_STORED;
  }

  /** Whether a search can be narrowed by this attribute. */
  public boolean isMatchable() {
    return matching != Matching.NOT_STORED && matching != Matching.RETURN_ONLY;
  }

  /** The attribute named by a keyword ({@code PatientID}) or a tag ({@code 00100020}). */
  public static Optional<QidoAttribute> byKeyOrTag(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(a -> a.keyword.equals(key) || a.tag.equals(upper))
        .findFirst();
  }
}

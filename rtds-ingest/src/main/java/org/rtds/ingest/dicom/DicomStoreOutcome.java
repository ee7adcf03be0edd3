package org.rtds.ingest.dicom;

import java.util.Objects;

/**
 * What a {@link DicomStoreHandler} answers for one received object: the C-STORE response status
 * (PS3.4 B.2.3, PS3.7 C) and, for failures, the Error Comment (0000,0902) that says why.
 *
 * @param kind the status to answer
 * @param comment why it failed, in plain words (e.g. {@code missing PatientID (0010,0020)}); sent
 *     for failure kinds only, as Error Comment, which holds at most {@link #MAX_COMMENT_LENGTH}
 *     characters of ASCII: longer comments are cut (ending in {@code ...}), other characters are
 *     replaced by {@code ?}. Empty for {@link Kind#SUCCESS} and {@link Kind#DUPLICATE}
 */
public record DicomStoreOutcome(Kind kind, String comment) {

  /** Longest Error Comment DICOM allows (VR LO: 64 characters). */
  public static final int MAX_COMMENT_LENGTH = 64;

  /** The statuses RTDS answers, with their DICOM codes. */
  public enum Kind {
    /** Stored: status 0x0000. */
    SUCCESS(0x0000),
    /**
     * Already held (same SOP Instance UID and content): answered as success, status 0x0000 without
     * comment, so that the sender does not retry; RTDS counts it apart.
     */
    DUPLICATE(0x0000),
    /**
     * Refused for now, worth retrying later (disk full, database unreachable, object above the size
     * limit): status 0xA700 "Refused: out of resources".
     */
    OUT_OF_RESOURCES(0xA700),
    /**
     * The data set does not match its SOP class (e.g. an RT Dose without dose grid attributes):
     * status 0xA900 "Error: data set does not match SOP class".
     */
    DATA_SET_DOES_NOT_MATCH_SOP_CLASS(0xA900),
    /**
     * The object cannot be read (not DICOM, truncated, malformed, a required attribute missing):
     * status 0xC000 "Error: cannot understand".
     */
    CANNOT_UNDERSTAND(0xC000),
    /** RTDS does not ingest this SOP class: status 0x0122 "Refused: SOP class not supported". */
    SOP_CLASS_NOT_SUPPORTED(0x0122),
    /**
     * An unexpected problem while processing (a bug, an exception): status 0x0110 "Processing
     * failure".
     */
    PROCESSING_FAILURE(0x0110);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /** Returns the DIMSE status code, e.g. 0xA700. */
    public int status() {
      return status;
    }

    /** Returns whether the sender is told the object was not stored. */
    public boolean isFailure() {
      return status != 0x0000;
    }
  }

  /** Checks that a failure has a comment, and that a success has none. */
  public DicomStoreOutcome {
    Objects.requireNonNull(kind, "kind");
    comment = comment == null ? "" : comment.strip();
    if (kind.isFailure() && comment.isEmpty()) {
      throw new IllegalArgumentException("a failure (" + kind + ") needs a comment that says why");
    }
    if (!kind.isFailure() && !comment.isEmpty()) {
      throw new IllegalArgumentException(kind + " carries no comment");
    }
  }

  /** Stored. */
  public static DicomStoreOutcome success() {
    return new DicomStoreOutcome(Kind.SUCCESS, "");
  }

  /** Already held; answered as success. */
  public static DicomStoreOutcome duplicate() {
    return new DicomStoreOutcome(Kind.DUPLICATE, "");
  }

  /**
   * Not stored.
   *
   * @param kind a failure kind
   * @param comment why, in plain words (cut to {@link #MAX_COMMENT_LENGTH} characters when sent)
   */
  public static DicomStoreOutcome failure(Kind kind, String comment) {
    if (!Objects.requireNonNull(kind, "kind").isFailure()) {
      throw new IllegalArgumentException(kind + " is not a failure");
    }
    return new DicomStoreOutcome(kind, comment);
  }

  /** Returns the DIMSE status code to answer. */
  public int status() {
    return kind.status();
  }

  /**
   * Returns the Error Comment as sent: at most {@link #MAX_COMMENT_LENGTH} characters of printable
   * ASCII without backslash; empty for success.
   */
  public String errorComment() {
    return errorComment(comment);
  }

  static String errorComment(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // LO: default character repertoire (the command set has no Specific Character Set), no
      // backslash (the value delimiter), no control characters.
      if (c == '\n' || c == '\r' || c == '\t') {
        clean.append(' ');
      } else if (c < 0x20 || c > 0x7e) {
        clean.append('?');
      } else if (c == '\\') {
        clean.append('/');
      } else {
        clean.append(c);
      }
    }
    String value = clean.toString().strip();
    if (value.length() <= MAX_COMMENT_LENGTH) {
      return value;
    }
    return value.substring(0, MAX_COMMENT_LENGTH - 3).stripTrailing() + "...";
  }
}

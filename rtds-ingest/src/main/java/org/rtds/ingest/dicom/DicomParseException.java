package org.rtds.ingest.dicom;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The input cannot be used as a DICOM object by RTDS. The message names the problem precisely
 * (which attribute, at which byte offset, which SOP class), and {@link #reason()} classifies it, so
 * that callers can map it to a status (for example a C-STORE or STOW-RS failure code) without
 * parsing the message.
 *
 * <p>Input/output failures of the underlying file or stream are not parse problems: they are thrown
 * as {@link java.io.IOException}.
 */
public final class DicomParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the input. */
  public enum Reason {
    /**
     * Empty input, or neither a DICOM Part 10 file ({@code DICM} at byte 128) nor a bare data set.
     */
    NOT_DICOM,
    /** The data ends inside an attribute: the file or stream was cut short. */
    TRUNCATED,
    /**
     * The data is DICOM but its encoding is broken (bad lengths, illegal values, data after the
     * end).
     */
    MALFORMED,
    /** An attribute RTDS needs is absent or empty. */
    MISSING_ATTRIBUTE,
    /**
     * An attribute is present but its value cannot be used (not a number, wrong multiplicity, wrong
     * VR).
     */
    INVALID_VALUE,
    /** The SOP class is not one RTDS ingests (see {@link SopClass}). */
    UNSUPPORTED_SOP_CLASS,
    /**
     * The pixel data is valid DICOM but encoded in a way RTDS does not decode: a compressed
     * transfer syntax other than RLE Lossless, more than one sample per pixel (colour), or a bit
     * depth other than 8, 16 or 32 bits allocated (see {@link PixelFrames}).
     */
    UNSUPPORTED_ENCODING,
    /**
     * The object declares more pixel values or frames than RTDS reads into memory ({@link
     * PixelFrames#MAX_VALUES}, {@link PixelFrames#MAX_FRAMES}).
     */
    TOO_LARGE
  }

  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason what kind of problem
   * @param message precise description: what, where (attribute, byte offset), and what was expected
   */
  public DicomParseException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception with the library's exception as cause (kept for the log; the message must
   * not depend on it).
   *
   * @param reason what kind of problem
   * @param message precise description
   * @param cause the underlying exception
   */
  public DicomParseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns what kind of problem the input has. */
  public Reason reason() {
    return reason;
  }

  static DicomParseException missing(List<DicomTag> tags, String where) {
    String names = tags.stream().map(DicomTag::toString).collect(Collectors.joining(", "));
    String noun = tags.size() == 1 ? "attribute" : "attributes";
    return new DicomParseException(
        Reason.MISSING_ATTRIBUTE, "missing or empty required " + noun + " " + names + where);
  }

  /** Returns the same problem with {@code prefix} (e.g. the file name) in front of the message. */
  DicomParseException withPrefix(String prefix) {
    DicomParseException copy = new DicomParseException(reason, prefix + getMessage(), getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}

package org.rtds.domain.rt;

import java.util.List;
import org.rtds.domain.MultiRowInsert;

/**
 * The rows of the RT tables that come by the hundred and are written many per statement ({@link
 * MultiRowInsert}): an RT Structure Set's contours, an RT Dose's frames, a dose's isodose lines.
 * Every column the entity maps is written (the ids by the database).
 */
public final class RtRows {

  /** Large text columns per statement: well within MariaDB's 16 MiB packet. */
  private static final long MAX_CHARS_PER_STATEMENT = 4L * 1024 * 1024;

  /** {@code rt_contour}: a structure set's contours (points as text, often kilobytes each). */
  public static final MultiRowInsert<RtContour> CONTOURS =
      MultiRowInsert.<RtContour>of(
              "RtContour",
              List.of(
                  "contourGeometricType",
                  "numberOfContourPoints",
                  "contourData",
                  "referencedSopClassUid",
                  "referencedSopInstanceUid",
                  "roi",
                  "structureSet"),
              c ->
                  new Object[] {
                    c.getContourGeometricType(),
                    c.getNumberOfContourPoints(),
                    c.getContourData(),
                    c.getReferencedSopClassUid(),
                    c.getReferencedSopInstanceUid(),
                    c.getRoi(),
                    c.getStructureSet()
                  })
          .withSizeLimit(c -> c.getContourData().length(), MAX_CHARS_PER_STATEMENT);

  /** {@code rt_dose_image}: an RT Dose's frames (each frame's values as text). */
  public static final MultiRowInsert<RtDoseImage> DOSE_IMAGES =
      MultiRowInsert.<RtDoseImage>of(
              "RtDoseImage",
              List.of(
                  "columns",
                  "rows",
                  "imageOrientationPatient",
                  "imagePositionPatient",
                  "photometricInterpretation",
                  "pixelSpacing",
                  "numberOfFrames",
                  "imageData",
                  "dose",
                  "frameNumber",
                  "bitsAllocated",
                  "pixelRepresentation",
                  "patient",
                  "study",
                  "series",
                  "user"),
              i ->
                  new Object[] {
                    i.getColumns(),
                    i.getRows(),
                    i.getImageOrientationPatient(),
                    i.getImagePositionPatient(),
                    i.getPhotometricInterpretation(),
                    i.getPixelSpacing(),
                    i.getNumberOfFrames(),
                    i.getImageData(),
                    i.getDose(),
                    i.getFrameNumber(),
                    i.getBitsAllocated(),
                    i.getPixelRepresentation(),
                    i.getPatient(),
                    i.getStudy(),
                    i.getSeries(),
                    i.getUser()
                  })
          .withSizeLimit(i -> i.getImageData().length(), MAX_CHARS_PER_STATEMENT);

  /** {@code rt_isdose}: a dose's isodose lines (about 1,400 for a clinical study). */
  public static final MultiRowInsert<RtIsodose> ISODOSES =
      MultiRowInsert.<RtIsodose>of(
              "RtIsodose",
              List.of(
                  "rowPositions",
                  "columnPositions",
                  "isodoseLevel",
                  "ctImage",
                  "dose",
                  "patient",
                  "series",
                  "study"),
              i ->
                  new Object[] {
                    i.getRowPositions(),
                    i.getColumnPositions(),
                    i.getIsodoseLevel(),
                    i.getCtImage(),
                    i.getDose(),
                    i.getPatient(),
                    i.getSeries(),
                    i.getStudy()
                  })
          .withSizeLimit(
              i -> i.getRowPositions().length() + i.getColumnPositions().length(),
              MAX_CHARS_PER_STATEMENT);

  private RtRows() {}
}

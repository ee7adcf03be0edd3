package org.rtds.testdata;

import java.util.List;

/**
 * One ROI as written to the RT Structure Set: (3006,0022) ROINumber, (3006,0026) ROIName,
 * (3006,00A4) RTROIInterpretedType, and the exact (3006,0046) NumberOfContourPoints of each
 * CLOSED_PLANAR contour in file order together with each contour's plane z (mm).
 */
public record RoiSummary(
    int number,
    String name,
    String interpretedType,
    List<Integer> pointsPerContour,
    List<Double> contourZMm) {

  /** Copies the lists. */
  public RoiSummary {
    pointsPerContour = List.copyOf(pointsPerContour);
    contourZMm = List.copyOf(contourZMm);
  }

  /** Number of contours ((3006,0040) ContourSequence items). */
  public int contourCount() {
    return pointsPerContour.size();
  }

  /** Sum of the points of all contours. */
  public long totalPoints() {
    return pointsPerContour.stream().mapToLong(Integer::longValue).sum();
  }
}

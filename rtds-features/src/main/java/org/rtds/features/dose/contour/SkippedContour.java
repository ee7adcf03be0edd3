package org.rtds.features.dose.contour;

/**
 * A contour that was not used, with the reason (degenerate geometry, non-area type, …).
 *
 * @param contourIndex index in {@link RoiContours#contours()}
 * @param reason human-readable reason
 */
public record SkippedContour(int contourIndex, String reason) {}

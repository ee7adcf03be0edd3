package org.rtds.ingest.entity;

/**
 * One CT image's pixels in Hounsfield units (HU), for a viewer.
 *
 * @param rows Rows
 * @param columns Columns
 * @param hu {@code rows × columns} values in row order: stored value × RescaleSlope +
 *     RescaleIntercept, rounded to the nearest HU and clamped to −32768…32767
 */
public record HounsfieldImage(int rows, int columns, short[] hu) {}

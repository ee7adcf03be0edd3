/**
 * Radiotherapy objects: RT Structure Sets with their ROIs and planar contours, RT Doses with their
 * dose grids, dose-volume histograms and isodose lines.
 *
 * <p>Promises: coordinates are DICOM patient coordinates (LPS) in mm, volumes in cm³, doses in Gy
 * unless a row's dose units say {@code RELATIVE}; DVH rows follow the DICOM DVH Sequence semantics
 * whether imported or computed. Large text columns (contour points, dose grids) are loaded with
 * their entity, so bulk readers use projections.
 */
package org.rtds.domain.rt;

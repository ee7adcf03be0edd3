/**
 * ROI contour input records (DICOM ContourSequence semantics, LPS mm), grouping into axial planes
 * with validation, polygon geometry and stacked-prism ROI volumes (§6).
 */
package org.rtds.features.dose.contour;

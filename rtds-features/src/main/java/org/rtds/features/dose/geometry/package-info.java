/**
 * Image and dose-grid geometry in DICOM LPS patient coordinates (mm): orientations, CT sampling
 * grid, dose grid with trilinear interpolation.
 */
package org.rtds.features.dose.geometry;

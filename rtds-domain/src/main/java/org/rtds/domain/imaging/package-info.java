/**
 * CT images: the per-slice geometry (DICOM patient coordinates, mm) that contours, dose grids and
 * isodose lines are placed on. Pixel data is not kept in the database.
 */
package org.rtds.domain.imaging;

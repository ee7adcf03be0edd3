/**
 * Pure-Java dose-feature calculators (docs/algorithms.md §4 DVH, §5 isodose, §6 volumes): arrays
 * and records in, records out; no {@code jakarta.*}, no JPA entities, no DICOM library.
 *
 * <p>Conventions used throughout: patient coordinates are DICOM LPS (+x patient left, +y posterior,
 * +z superior) in mm; volumes are in cc (cm³) unless a name says mm³; doses are in Gy. Pixel
 * coordinates are (row, column) with the centre of pixel (0, 0) at ImagePositionPatient.
 * Calculators are stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link org.rtds.features.dose.geometry}: CT sampling grid, dose grid, trilinear sampling.
 *   <li>{@link org.rtds.features.dose.contour}: contour input records, plane grouping, prism
 *       volumes.
 *   <li>{@link org.rtds.features.dose.raster}: scan-line rasterisation of ROIs on the CT grid.
 *   <li>{@link org.rtds.features.dose.dvh}: DVH computation, exact voxel metrics, DVHData codec.
 *   <li>{@link org.rtds.features.dose.metric}: metric-name parser and evaluator.
 *   <li>{@link org.rtds.features.dose.isodose}: isodose lines per CT slice.
 * </ul>
 */
package org.rtds.features.dose;

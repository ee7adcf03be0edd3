/**
 * Scan-line rasterisation of ROIs on the CT sampling grid (§4.4 steps 1–3, §6 voxelisation):
 * even-odd inclusion of voxel centres over all closed contours of a plane, slab assignment of CT
 * slices to contour planes, optional in-plane supersampling.
 */
package org.rtds.features.dose.raster;

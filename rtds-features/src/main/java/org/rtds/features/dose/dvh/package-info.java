/**
 * Dose-volume histograms (§4.4): dose sampling of rasterised ROIs, the exact voxel dose list with
 * its metrics, cumulative DVHs in 0.01 Gy bins and the {@code rt_dvh} DVHData codec.
 */
package org.rtds.features.dose.dvh;

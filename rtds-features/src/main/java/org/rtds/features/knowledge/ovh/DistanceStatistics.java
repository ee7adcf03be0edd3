package org.rtds.features.knowledge.ovh;

/**
 * Volume-weighted statistics of the signed distances d (mm) of an OAR's voxels from the PTV
 * boundary (negative inside the PTV). Exact (from the voxel distances, not from the binned curve).
 *
 * @param meanMm weighted mean (mm)
 * @param medianMm weighted lower median = exact r50 (mm)
 * @param minMm smallest d (mm)
 * @param maxMm largest d (mm)
 * @param sdMm weighted population standard deviation (mm)
 * @param skewness weighted population skewness (dimensionless; 0 when sd = 0)
 */
public record DistanceStatistics(
    double meanMm, double medianMm, double minMm, double maxMm, double sdMm, double skewness) {}

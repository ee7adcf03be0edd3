package org.rtds.features.knowledge.sts;

/**
 * The spatial target signature of one PTV about one OAR (spec §2.3): the fraction of the PTV volume
 * in each (elevation, distance, azimuth) bin of {@link StsBins}, seen from the OAR centroid. Arrays
 * are not copied: do not modify them.
 *
 * @param amounts {@value StsBins#SIZE} PTV volume fractions in [0, 1], summing to 1, flattened (ε,
 *     ρ, φ)
 * @param oarCentroidMm volume-weighted mean of the OAR voxel centres {x, y, z} (LPS, mm)
 * @param ptvVolumeMm3 PTV volume (mm³)
 * @param ptvVoxelCount number of PTV voxels
 */
public record StsResult(
    double[] amounts, double[] oarCentroidMm, double ptvVolumeMm3, long ptvVoxelCount) {

  /**
   * @param elevationBin ε bin
   * @param distanceBin ρ bin
   * @param azimuthBin φ bin
   * @return the amount of that bin
   */
  public double amount(int elevationBin, int distanceBin, int azimuthBin) {
    return amounts[StsBins.index(elevationBin, distanceBin, azimuthBin)];
  }
}

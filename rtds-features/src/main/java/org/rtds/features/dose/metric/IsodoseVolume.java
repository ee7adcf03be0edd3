package org.rtds.features.dose.metric;

/**
 * Source of the volume enclosed by an isodose (the "prescription isodose volume" of conformity
 * indices). Typical sources: {@code DoseGrid::volumeAtLeastCc} (dose-grid voxels, the default) or
 * the external/body ROI's {@code DoseVolumeSamples::volumeAtLeastCc}.
 */
@FunctionalInterface
public interface IsodoseVolume {
  /**
   * @param doseGy isodose level (Gy)
   * @return volume (cc) receiving at least that dose
   */
  double volumeAtLeastCc(double doseGy);
}

package org.rtds.features.dose.metric;

import java.util.Optional;
import java.util.OptionalDouble;
import org.rtds.features.dose.dvh.DoseVolumeSamples;

/**
 * What a metric is evaluated on.
 *
 * @param samples the ROI's exact voxel dose list (the target, for indices)
 * @param prescriptionGy prescription dose Rx (Gy), empty when unknown
 * @param isodoseVolume isodose-volume source for CI_RTOG, CI_Paddick and GI, empty when unknown
 */
public record MetricContext(
    DoseVolumeSamples samples,
    OptionalDouble prescriptionGy,
    Optional<IsodoseVolume> isodoseVolume) {

  /**
   * @param samples the ROI's voxel dose list
   * @return a context without Rx and without isodose volumes
   */
  public static MetricContext of(DoseVolumeSamples samples) {
    return new MetricContext(samples, OptionalDouble.empty(), Optional.empty());
  }

  /**
   * @param rxGy prescription dose (Gy), positive
   * @return a copy with that prescription
   */
  public MetricContext withPrescription(double rxGy) {
    if (!(rxGy > 0)) {
      throw new IllegalArgumentException("prescription dose must be positive Gy");
    }
    return new MetricContext(samples, OptionalDouble.of(rxGy), isodoseVolume);
  }

  /**
   * @param source isodose volume source
   * @return a copy with that source
   */
  public MetricContext withIsodoseVolume(IsodoseVolume source) {
    return new MetricContext(samples, prescriptionGy, Optional.of(source));
  }
}

package org.rtds.domain.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What feature computation needs before it can run, the one place that says so: a planning CT, a
 * structure set and a dose grid of the same study (an RT Plan improves the prescription but is not
 * required). Ingestion asks it to book jobs and say what is missing; the features module computes
 * only studies it calls complete.
 */
public final class FeatureInputs {

  /** The modalities a study must hold at least one object of. */
  public static final List<String> REQUIRED_MODALITIES = List.of("CT", "RTSTRUCT", "RTDOSE");

  private FeatureInputs() {}

  /**
   * @param objectsByModality a study's stored objects per modality
   * @return the required modalities it has no object of, in {@link #REQUIRED_MODALITIES} order
   */
  public static List<String> missing(Map<String, Long> objectsByModality) {
    List<String> missing = new ArrayList<>();
    for (String modality : REQUIRED_MODALITIES) {
      if (objectsByModality.getOrDefault(modality, 0L) == 0) {
        missing.add(modality);
      }
    }
    return List.copyOf(missing);
  }
}

package org.rtds.ingest.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtds.domain.feature.FeatureInputs;

/**
 * What a study holds for feature computation.
 *
 * @param objectsByModality number of stored objects per modality, ordered by modality
 * @param missing which of the modalities features need ({@link FeatureInputs}) the study still
 *     lacks
 */
public record StudyInputs(Map<String, Long> objectsByModality, List<String> missing) {

  /** The inputs of a study with these object counts per modality. */
  public static StudyInputs of(Map<String, Long> objectsByModality) {
    Map<String, Long> counts = new TreeMap<>(objectsByModality);
    return new StudyInputs(counts, FeatureInputs.missing(counts));
  }

  public boolean complete() {
    return missing.isEmpty();
  }

  /** E.g. {@code CT 41, RTDOSE 1, RTPLAN 1, RTSTRUCT 1}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    objectsByModality.forEach((modality, count) -> parts.add(modality + " " + count));
    return parts.isEmpty() ? "no objects" : String.join(", ", parts);
  }
}

package org.rtds.ingest.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a study holds for feature computation.
 *
 * @param objectsByModality number of stored objects per modality, ordered by modality
 * @param missing which of {@link #FEATURE_INPUTS} the study still lacks
 */
public record StudyInputs(Map<String, Long> objectsByModality, List<String> missing) {

  /** What features need before they can run: a CT, a structure set and a dose. */
  public static final List<String> FEATURE_INPUTS = List.of("CT", "RTSTRUCT", "RTDOSE");

  /** The inputs of a study with these object counts per modality. */
  public static StudyInputs of(Map<String, Long> objectsByModality) {
    Map<String, Long> counts = new TreeMap<>(objectsByModality);
    List<String> missing = new ArrayList<>();
    for (String modality : FEATURE_INPUTS) {
      if (counts.getOrDefault(modality, 0L) == 0) {
        missing.add(modality);
      }
    }
    return new StudyInputs(counts, List.copyOf(missing));
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

package org.rtds.ingest.entity;

import java.util.List;

/**
 * What RTDS holds of one study.
 *
 * @param id {@code studies.id}
 * @param study the study as listed (with its feature status)
 * @param series its series, in the order they arrived
 * @param inputs objects per modality and what feature computation still needs
 */
public record StudyRecord(
    int id, StudyListing study, List<SeriesListing> series, StudyInputs inputs) {

  public StudyRecord {
    series = List.copyOf(series);
  }

  /**
   * One series.
   *
   * @param seriesInstanceUid Series Instance UID (0020,000E)
   * @param modality Modality (0008,0060)
   * @param description Series Description (0008,103E)
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052)
   */
  public record SeriesListing(
      String seriesInstanceUid, String modality, String description, String frameOfReferenceUid) {}
}

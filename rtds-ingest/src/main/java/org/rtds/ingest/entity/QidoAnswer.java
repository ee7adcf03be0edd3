package org.rtds.ingest.entity;

import java.util.List;
import java.util.Map;

/**
 * The answer to a DICOMweb search: one map per result, each attribute with its values as DICOM
 * strings (dates {@code YYYYMMDD}, numbers in decimal; an empty list for an attribute RTDS does not
 * store but PS3.18 asks every answer to carry), in the order of the search.
 *
 * @param results the page of results
 * @param more whether results beyond this page match too
 */
public record QidoAnswer(List<Map<QidoAttribute, List<String>>> results, boolean more) {

  public QidoAnswer {
    results = List.copyOf(results);
  }
}

package org.rtds.tools.cli;

import static org.rtds.tools.cli.Format.json;

/**
 * Which objects of a study a report was computed from.
 *
 * @param studyInstanceUid the study
 * @param structureSetUid the RT Structure Set used
 * @param structureSetLabel its label
 * @param ctSeriesUid the CT series used
 * @param ctSlices its number of slices
 */
public record StudyIds(
    String studyInstanceUid,
    String structureSetUid,
    String structureSetLabel,
    String ctSeriesUid,
    int ctSlices) {

  /**
   * @param selection a selected study
   * @return the objects it uses
   */
  public static StudyIds of(StudySelection selection) {
    return new StudyIds(
        selection.structureSet().header().study().studyInstanceUid(),
        selection.structureSet().header().sopInstanceUid(),
        selection.structureSet().label(),
        selection.ctSlices().get(0).header().series().seriesInstanceUid(),
        selection.ctSlices().size());
  }

  /**
   * Appends the first members of a report's JSON document: {@code studyInstanceUid}, {@code
   * structureSet} and {@code ct}, each on its own line, indented by two blanks, ending with ",\n".
   *
   * @param sb receives the members
   */
  public void appendJson(StringBuilder sb) {
    sb.append("  \"studyInstanceUid\": ").append(json(studyInstanceUid)).append(",\n");
    sb.append("  \"structureSet\": {\"sopInstanceUid\": ")
        .append(json(structureSetUid))
        .append(", \"label\": ")
        .append(json(structureSetLabel))
        .append("},\n");
    sb.append("  \"ct\": {\"seriesInstanceUid\": ")
        .append(json(ctSeriesUid))
        .append(", \"slices\": ")
        .append(ctSlices)
        .append("},\n");
  }
}

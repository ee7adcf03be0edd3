package org.rtds.domain.rt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * An RT Structure Set object ({@code rt_structureset}): the set of ROIs (targets and organs at
 * risk) delineated on a CT series. Its ROIs are {@link RtRoi} rows, their planar contours {@link
 * RtContour} rows.
 */
@Entity
@Table(name = "rt_structureset")
@NamedQuery(
    name = RtStructureSet.FIND_BY_SOP_INSTANCE_UID,
    query = "select s from RtStructureSet s where s.sopInstanceUid = :sopInstanceUid")
public class RtStructureSet extends UserCreatedSeriesScopedEntity {

  /** The structure set with the given SOP Instance UID (parameter {@code sopInstanceUid}). */
  /** Structure Set Label (3006,0002). */
  @Column(name = "StructureSetLabel", length = 64)
  private String structureSetLabel;

  /**
   * Series Instance UID of the CT series the contours were drawn on (RT Referenced Series
   * Sequence), if named.
   */
  @Column(name = "ReferencedSeriesInstanceUID", length = 64)
  private String referencedSeriesInstanceUid;

  public static final String FIND_BY_SOP_INSTANCE_UID = "RtStructureSet.findBySopInstanceUid";

  /** SOP Instance UID (0008,0018) of the RT Structure Set object. */
  @Column(name = "SOPInstanceUID", nullable = false, length = 200)
  private String sopInstanceUid;

  /** SOP Class UID (0008,0016), RT Structure Set Storage {@code 1.2.840.10008.5.1.4.1.1.481.3}. */
  @Column(name = "SOPClassUID", nullable = false, length = 200)
  private String sopClassUid;

  /** Number of ROIs in the Structure Set ROI Sequence (3006,0020). */
  @Column(name = "TotalROIs")
  private Integer totalRois;

  public String getSopInstanceUid() {
    return sopInstanceUid;
  }

  public void setSopInstanceUid(String sopInstanceUid) {
    this.sopInstanceUid = sopInstanceUid;
  }

  public String getSopClassUid() {
    return sopClassUid;
  }

  public void setSopClassUid(String sopClassUid) {
    this.sopClassUid = sopClassUid;
  }

  public Integer getTotalRois() {
    return totalRois;
  }

  public void setTotalRois(Integer totalRois) {
    this.totalRois = totalRois;
  }

  public String getStructureSetLabel() {
    return structureSetLabel;
  }

  public void setStructureSetLabel(String structureSetLabel) {
    this.structureSetLabel = structureSetLabel;
  }

  public String getReferencedSeriesInstanceUid() {
    return referencedSeriesInstanceUid;
  }

  public void setReferencedSeriesInstanceUid(String referencedSeriesInstanceUid) {
    this.referencedSeriesInstanceUid = referencedSeriesInstanceUid;
  }
}

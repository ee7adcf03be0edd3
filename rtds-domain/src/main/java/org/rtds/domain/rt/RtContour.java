package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.Length;
import org.rtds.domain.GeneratedIdEntity;

/**
 * One planar contour of an ROI on one CT slice ({@code rt_contour}), from the ROI Contour Sequence
 * of an RT Structure Set.
 *
 * <p>{@link #getContourData() contourData} holds the contour points in mm, DICOM patient
 * coordinates (LPS), as comma-separated x, y, z triplets; all points of a {@code CLOSED_PLANAR}
 * contour share one z, the z of the CT slice named by {@link #getReferencedSopInstanceUid()
 * referencedSopInstanceUid}. The text can be large: it is loaded with the entity (bytecode
 * enhancement is off, so there are no lazy basic attributes), so list views use projections that
 * leave it out.
 */
@Entity
@Table(name = "rt_contour")
public class RtContour extends GeneratedIdEntity {

  /** Contour Geometric Type (3006,0042), normally {@code CLOSED_PLANAR}. */
  @Column(name = "ContourGeometricType", length = 100)
  private String contourGeometricType;

  /** Number of Contour Points (3006,0046): number of (x, y, z) triplets in the contour data. */
  @Column(name = "NumberOfContourPoints")
  private Integer numberOfContourPoints;

  /**
   * Contour Data (3006,0050): x, y, z of each point in mm, DICOM patient coordinates (LPS), comma
   * separated; all z are equal for a planar contour.
   */
  @Column(name = "ContourData", nullable = false, length = Length.LONG32)
  private String contourData;

  /** SOP Class UID of the image the contour lies on (CT Image Storage). */
  @Column(name = "ReferencedSOPClassUID", length = 100)
  private String referencedSopClassUid;

  /** SOP Instance UID of the CT slice the contour lies on (Contour Image Sequence). */
  @Column(name = "ReferencedSOPInstanceUID", length = 100)
  private String referencedSopInstanceUid;

  /** The ROI the contour outlines. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_roi_id_id", nullable = false)
  private RtRoi roi;

  /** The structure set the contour comes from. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_structureset_id_id", nullable = false)
  private RtStructureSet structureSet;

  public String getContourGeometricType() {
    return contourGeometricType;
  }

  public void setContourGeometricType(String contourGeometricType) {
    this.contourGeometricType = contourGeometricType;
  }

  public Integer getNumberOfContourPoints() {
    return numberOfContourPoints;
  }

  public void setNumberOfContourPoints(Integer numberOfContourPoints) {
    this.numberOfContourPoints = numberOfContourPoints;
  }

  public String getContourData() {
    return contourData;
  }

  public void setContourData(String contourData) {
    this.contourData = contourData;
  }

  public String getReferencedSopClassUid() {
    return referencedSopClassUid;
  }

  public void setReferencedSopClassUid(String referencedSopClassUid) {
    this.referencedSopClassUid = referencedSopClassUid;
  }

  public String getReferencedSopInstanceUid() {
    return referencedSopInstanceUid;
  }

  public void setReferencedSopInstanceUid(String referencedSopInstanceUid) {
    this.referencedSopInstanceUid = referencedSopInstanceUid;
  }

  public RtRoi getRoi() {
    return roi;
  }

  public void setRoi(RtRoi roi) {
    this.roi = roi;
  }

  public RtStructureSet getStructureSet() {
    return structureSet;
  }

  public void setStructureSet(RtStructureSet structureSet) {
    this.structureSet = structureSet;
  }
}

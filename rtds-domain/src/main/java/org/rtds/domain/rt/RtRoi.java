package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * One region of interest of an RT Structure Set ({@code rt_rois}): a target (PTV, CTV, GTV) or an
 * organ at risk, e.g. {@code PTV70} or {@code Rectum}.
 *
 * <p>{@code Volume} ("in what measurement?" in the schema document) is the ROI volume in cm&sup3;
 * (cc), computed from the planar contours (docs/algorithms.md section 6); the field is {@link
 * #getVolumeCc() volumeCc}. {@code ROINumber} is the DICOM ROI Number (3006,0022), the key by which
 * contours, DVHs and plans inside the DICOM objects refer to the ROI. The ROIs of a structure set
 * are read through {@link StructureSetQueries}.
 */
@Entity
@Table(name = "rt_rois")
public class RtRoi extends UserCreatedSeriesScopedEntity {

  /**
   * RT ROI Interpreted Type (3006,00A4) as sent, e.g. {@code PTV}, {@code ORGAN}, {@code EXTERNAL}.
   */
  @Column(name = "RTROIInterpretedType", length = 16)
  private String interpretedType;

  /**
   * Role inferred from the name and interpreted type: {@code PTV}, {@code CTV}, {@code GTV}, {@code
   * OAR}, {@code EXTERNAL} or {@code OTHER}.
   */
  @Column(name = "Role", length = 16)
  private String role;

  /**
   * The standard (AAPM TG-263) structure the name maps to; {@code null} when the name is not
   * recognised (kept as sent).
   */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_oar_id_id")
  private OarDictionaryEntry standardStructure;

  /** ROI Display Color (3006,002A) as {@code r\\g\\b}, 0–255 each. */
  @Column(name = "ROIDisplayColor", length = 32)
  private String displayColor;

  /** ROI Name (3006,0026) as drawn by the planner, e.g. {@code PTV70}, {@code Rectum}. */
  @Column(name = "ROIName", nullable = false, length = 100)
  private String roiName;

  /** ROI volume in cm&sup3; (cc), computed from the planar contours. */
  @Column(name = "Volume")
  private Double volumeCc;

  /** Number of planar contours drawn for the ROI. */
  @Column(name = "TotalContours")
  private Integer totalContours;

  /** The structure set that defines the ROI. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_structureset_id_id", nullable = false)
  private RtStructureSet structureSet;

  /**
   * ROI Number (3006,0022), the key that contours and DVHs of the RT objects refer to, as found in
   * the file.
   */
  @Column(name = "ROINumber", length = 200)
  private String roiNumber;

  public String getRoiName() {
    return roiName;
  }

  public void setRoiName(String roiName) {
    this.roiName = roiName;
  }

  public Double getVolumeCc() {
    return volumeCc;
  }

  public void setVolumeCc(Double volumeCc) {
    this.volumeCc = volumeCc;
  }

  public Integer getTotalContours() {
    return totalContours;
  }

  public void setTotalContours(Integer totalContours) {
    this.totalContours = totalContours;
  }

  public RtStructureSet getStructureSet() {
    return structureSet;
  }

  public void setStructureSet(RtStructureSet structureSet) {
    this.structureSet = structureSet;
  }

  public String getRoiNumber() {
    return roiNumber;
  }

  public void setRoiNumber(String roiNumber) {
    this.roiNumber = roiNumber;
  }

  public String getInterpretedType() {
    return interpretedType;
  }

  public void setInterpretedType(String interpretedType) {
    this.interpretedType = interpretedType;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public OarDictionaryEntry getStandardStructure() {
    return standardStructure;
  }

  public void setStandardStructure(OarDictionaryEntry standardStructure) {
    this.standardStructure = standardStructure;
  }

  public String getDisplayColor() {
    return displayColor;
  }

  public void setDisplayColor(String displayColor) {
    this.displayColor = displayColor;
  }
}

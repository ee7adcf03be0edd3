package org.rtds.domain.rt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * An RT Dose object ({@code rt_dose}): a 3-D dose distribution calculated by the treatment planning
 * system, with the attributes needed to turn its stored values into dose. The grid itself is an
 * {@link RtDoseImage}; DVHs are {@link RtDvh} rows.
 *
 * <p>Dose in Gy = stored pixel value &times; {@link #getDoseGridScaling() dose grid scaling} when
 * {@link #getDoseUnits() dose units} is {@code GY}. RTDS stores in {@code ReferencedRTPlanSequence}
 * (and in {@code ReferencedStructureSetSequence}) the SOP Instance UID of the first referenced
 * object, not the sequence itself. The schema document and V1 spell that column {@code
 * eferencedRTPlanSequence} (a typo); migration V5 renames it to the Django application's correct
 * name (ARCHITECTURE D27).
 */
@Entity
@Table(name = "rt_dose")
@NamedQuery(
    name = RtDose.FIND_BY_SOP_INSTANCE_UID,
    query = "select d from RtDose d where d.sopInstanceUid = :sopInstanceUid")
public class RtDose extends UserCreatedSeriesScopedEntity {

  /** The RT Dose with the given SOP Instance UID (parameter {@code sopInstanceUid}). */
  /** Frame of Reference UID (0020,0052) of the dose grid. */
  @Column(name = "FrameOfReferenceUID", length = 64)
  private String frameOfReferenceUid;

  /** Referenced Beam Number of a {@code BEAM} dose; {@code null} for other summation types. */
  @Column(name = "ReferencedBeamNumber", length = 16)
  private String referencedBeamNumber;

  public static final String FIND_BY_SOP_INSTANCE_UID = "RtDose.findBySopInstanceUid";

  /** SOP Class UID (0008,0016), RT Dose Storage {@code 1.2.840.10008.5.1.4.1.1.481.2}. */
  @Column(name = "SOPClassUID", nullable = false, length = 100)
  private String sopClassUid;

  /** SOP Instance UID (0008,0018) of the RT Dose object. */
  @Column(name = "SOPInstanceUID", nullable = false, length = 100)
  private String sopInstanceUid;

  /**
   * Dose Grid Scaling (3004,000E), decimal string: dose = stored pixel value &times; scaling, in
   * {@link #getDoseUnits() dose units}.
   */
  @Column(name = "DoseGridScaling", length = 100)
  private String doseGridScaling;

  /**
   * Dose Summation Type (3004,000A): {@code PLAN}, {@code MULTI_PLAN}, {@code FRACTION}, {@code
   * BEAM}, {@code BRACHY}, ...
   */
  @Column(name = "DoseSummationType", length = 100)
  private String doseSummationType;

  /** Dose Type (3004,0004): {@code PHYSICAL}, {@code EFFECTIVE} or {@code ERROR}. */
  @Column(name = "DoseType", length = 100)
  private String doseType;

  /** Dose Units (3004,0002): {@code GY} or {@code RELATIVE} (percent of a reference dose). */
  @Column(name = "DoseUnits", length = 100)
  private String doseUnits;

  /**
   * SOP Instance UID of the RT Plan the dose was calculated for (first item of Referenced RT Plan
   * Sequence (300C,0002)). The schema document's {@code eferencedRTPlanSequence} is renamed to this
   * by V5.
   */
  @Column(name = "ReferencedRTPlanSequence", length = 100)
  private String referencedRtPlan;

  /**
   * SOP Instance UID of the RT Structure Set referenced by the dose (first item of Referenced
   * Structure Set Sequence (300C,0060)), if any.
   */
  @Column(name = "ReferencedStructureSetSequence", length = 100)
  private String referencedStructureSet;

  public String getSopClassUid() {
    return sopClassUid;
  }

  public void setSopClassUid(String sopClassUid) {
    this.sopClassUid = sopClassUid;
  }

  public String getSopInstanceUid() {
    return sopInstanceUid;
  }

  public void setSopInstanceUid(String sopInstanceUid) {
    this.sopInstanceUid = sopInstanceUid;
  }

  public String getDoseGridScaling() {
    return doseGridScaling;
  }

  public void setDoseGridScaling(String doseGridScaling) {
    this.doseGridScaling = doseGridScaling;
  }

  public String getDoseSummationType() {
    return doseSummationType;
  }

  public void setDoseSummationType(String doseSummationType) {
    this.doseSummationType = doseSummationType;
  }

  public String getDoseType() {
    return doseType;
  }

  public void setDoseType(String doseType) {
    this.doseType = doseType;
  }

  public String getDoseUnits() {
    return doseUnits;
  }

  public void setDoseUnits(String doseUnits) {
    this.doseUnits = doseUnits;
  }

  public String getReferencedRtPlan() {
    return referencedRtPlan;
  }

  public void setReferencedRtPlan(String referencedRtPlan) {
    this.referencedRtPlan = referencedRtPlan;
  }

  public String getReferencedStructureSet() {
    return referencedStructureSet;
  }

  public void setReferencedStructureSet(String referencedStructureSet) {
    this.referencedStructureSet = referencedStructureSet;
  }

  public String getFrameOfReferenceUid() {
    return frameOfReferenceUid;
  }

  public void setFrameOfReferenceUid(String frameOfReferenceUid) {
    this.frameOfReferenceUid = frameOfReferenceUid;
  }

  public String getReferencedBeamNumber() {
    return referencedBeamNumber;
  }

  public void setReferencedBeamNumber(String referencedBeamNumber) {
    this.referencedBeamNumber = referencedBeamNumber;
  }
}

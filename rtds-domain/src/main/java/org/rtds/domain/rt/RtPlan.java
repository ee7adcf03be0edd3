package org.rtds.domain.rt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * One RT Plan or RT Ion Plan ({@code rt_plan}, an RTDS table): what the planner prescribed. The
 * prescription (Gy, number of fractions) is what relative dose metrics (V95%Rx), isodose levels and
 * the target-dose comparison between patients refer to; the individual dose references are {@link
 * RtPlanDoseReference} rows. Which plan of a study counts is {@link PlanQueries}' rule.
 */
@Entity
@Table(name = "rt_plan")
public class RtPlan extends UserCreatedSeriesScopedEntity {

  /** SOP Instance UID (0008,0018) of the plan. */
  @Column(name = "SOPInstanceUID", nullable = false, length = 64)
  private String sopInstanceUid;

  /** SOP Class UID (0008,0016): RT Plan or RT Ion Plan Storage. */
  @Column(name = "SOPClassUID", nullable = false, length = 64)
  private String sopClassUid;

  /** RT Plan Label (300A,0002). */
  @Column(name = "RTPlanLabel", length = 64)
  private String planLabel;

  /** RT Plan Name (300A,0003). */
  @Column(name = "RTPlanName", length = 64)
  private String planName;

  /** RT Plan Date (300A,0006). */
  @Column(name = "RTPlanDate")
  private LocalDate planDate;

  /** Plan Intent (300A,000A), e.g. {@code CURATIVE}. */
  @Column(name = "PlanIntent", length = 16)
  private String planIntent;

  /** Number of Fractions Planned (300A,0078) of the first fraction group. */
  @Column(name = "NumberOfFractionsPlanned")
  private Integer numberOfFractionsPlanned;

  /**
   * Prescription dose in Gy: the highest Target Prescription Dose (300A,0026) among the plan's dose
   * references; {@code null} when the plan states none.
   */
  @Column(name = "PrescriptionDoseGy")
  private Double prescriptionDoseGy;

  /** SOP Instance UID of the structure set the plan refers to. */
  @Column(name = "ReferencedStructureSetUID", length = 64)
  private String referencedStructureSetUid;

  /** Frame of Reference UID (0020,0052) of the plan. */
  @Column(name = "FrameOfReferenceUID", length = 64)
  private String frameOfReferenceUid;

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

  public String getPlanLabel() {
    return planLabel;
  }

  public void setPlanLabel(String planLabel) {
    this.planLabel = planLabel;
  }

  public String getPlanName() {
    return planName;
  }

  public void setPlanName(String planName) {
    this.planName = planName;
  }

  public LocalDate getPlanDate() {
    return planDate;
  }

  public void setPlanDate(LocalDate planDate) {
    this.planDate = planDate;
  }

  public String getPlanIntent() {
    return planIntent;
  }

  public void setPlanIntent(String planIntent) {
    this.planIntent = planIntent;
  }

  public Integer getNumberOfFractionsPlanned() {
    return numberOfFractionsPlanned;
  }

  public void setNumberOfFractionsPlanned(Integer numberOfFractionsPlanned) {
    this.numberOfFractionsPlanned = numberOfFractionsPlanned;
  }

  public Double getPrescriptionDoseGy() {
    return prescriptionDoseGy;
  }

  public void setPrescriptionDoseGy(Double prescriptionDoseGy) {
    this.prescriptionDoseGy = prescriptionDoseGy;
  }

  public String getReferencedStructureSetUid() {
    return referencedStructureSetUid;
  }

  public void setReferencedStructureSetUid(String referencedStructureSetUid) {
    this.referencedStructureSetUid = referencedStructureSetUid;
  }

  public String getFrameOfReferenceUid() {
    return frameOfReferenceUid;
  }

  public void setFrameOfReferenceUid(String frameOfReferenceUid) {
    this.frameOfReferenceUid = frameOfReferenceUid;
  }
}

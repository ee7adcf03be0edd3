package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * One item of an RT Plan's Dose Reference Sequence (300A,0010) ({@code rt_plan_dose_reference}, an
 * RTDS table): a target or organ dose the planner specified, in Gy.
 */
@Entity
@Table(name = "rt_plan_dose_reference")
public class RtPlanDoseReference extends GeneratedIdEntity {

  /** Dose Reference Number (300A,0012). */
  @Column(name = "DoseReferenceNumber")
  private Integer doseReferenceNumber;

  /**
   * Dose Reference Structure Type (300A,0014): {@code POINT}, {@code VOLUME}, {@code COORDINATES}
   * or {@code SITE}.
   */
  @Column(name = "DoseReferenceStructureType", length = 16)
  private String structureType;

  /** Dose Reference Type (300A,0020): {@code TARGET} or {@code ORGAN_AT_RISK}. */
  @Column(name = "DoseReferenceType", length = 16)
  private String referenceType;

  /** Dose Reference Description (300A,0016). */
  @Column(name = "DoseReferenceDescription", length = 64)
  private String description;

  /** Referenced ROI Number (3006,0084) in the plan's structure set, for volume references. */
  @Column(name = "ReferencedROINumber", length = 16)
  private String referencedRoiNumber;

  /** Target Prescription Dose (300A,0026) in Gy. */
  @Column(name = "TargetPrescriptionDoseGy")
  private Double targetPrescriptionDoseGy;

  /** Delivery Maximum Dose (300A,0023) in Gy. */
  @Column(name = "DeliveryMaximumDoseGy")
  private Double deliveryMaximumDoseGy;

  /** Organ at Risk Maximum Dose (300A,002C) in Gy. */
  @Column(name = "OrganAtRiskMaximumDoseGy")
  private Double organAtRiskMaximumDoseGy;

  /** The plan. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_plan_id_id", nullable = false)
  private RtPlan plan;

  public Integer getDoseReferenceNumber() {
    return doseReferenceNumber;
  }

  public void setDoseReferenceNumber(Integer doseReferenceNumber) {
    this.doseReferenceNumber = doseReferenceNumber;
  }

  public String getStructureType() {
    return structureType;
  }

  public void setStructureType(String structureType) {
    this.structureType = structureType;
  }

  public String getReferenceType() {
    return referenceType;
  }

  public void setReferenceType(String referenceType) {
    this.referenceType = referenceType;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getReferencedRoiNumber() {
    return referencedRoiNumber;
  }

  public void setReferencedRoiNumber(String referencedRoiNumber) {
    this.referencedRoiNumber = referencedRoiNumber;
  }

  public Double getTargetPrescriptionDoseGy() {
    return targetPrescriptionDoseGy;
  }

  public void setTargetPrescriptionDoseGy(Double targetPrescriptionDoseGy) {
    this.targetPrescriptionDoseGy = targetPrescriptionDoseGy;
  }

  public Double getDeliveryMaximumDoseGy() {
    return deliveryMaximumDoseGy;
  }

  public void setDeliveryMaximumDoseGy(Double deliveryMaximumDoseGy) {
    this.deliveryMaximumDoseGy = deliveryMaximumDoseGy;
  }

  public Double getOrganAtRiskMaximumDoseGy() {
    return organAtRiskMaximumDoseGy;
  }

  public void setOrganAtRiskMaximumDoseGy(Double organAtRiskMaximumDoseGy) {
    this.organAtRiskMaximumDoseGy = organAtRiskMaximumDoseGy;
  }

  public RtPlan getPlan() {
    return plan;
  }

  public void setPlan(RtPlan plan) {
    this.plan = plan;
  }
}

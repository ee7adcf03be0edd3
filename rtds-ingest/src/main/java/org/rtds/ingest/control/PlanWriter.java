package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Series;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtPlanDoseReference;
import org.rtds.ingest.control.ParsedInstance.DoseReference;
import org.rtds.ingest.control.ParsedInstance.Plan;

/**
 * An RT (Ion) Plan as its {@code rt_plan} row (prescription in Gy) and one {@code
 * rt_plan_dose_reference} row per Dose Reference Sequence item (doses in Gy).
 */
final class PlanWriter implements ModalityWriter<Plan> {

  private final EntityManager em;

  PlanWriter(EntityManager em) {
    this.em = em;
  }

  @Override
  public void write(Plan parsed, Series series, AuthUser account) {
    RtPlan plan = new RtPlan();
    plan.setSopInstanceUid(parsed.header().sopInstanceUid());
    plan.setSopClassUid(parsed.header().sopClass().uid());
    plan.setPlanLabel(truncate(parsed.label(), 64));
    plan.setPlanName(truncate(parsed.name(), 64));
    plan.setPlanDate(parsed.date());
    plan.setPlanIntent(truncate(parsed.intent(), 16));
    plan.setNumberOfFractionsPlanned(parsed.fractionsPlanned());
    plan.setPrescriptionDoseGy(parsed.prescriptionGy());
    plan.setReferencedStructureSetUid(truncate(parsed.referencedStructureSetUid(), 64));
    plan.setFrameOfReferenceUid(parsed.header().frameOfReferenceUid().orElse(null));
    ModalityWriter.scope(plan, series, account);
    em.persist(plan);
    for (DoseReference parsedReference : parsed.doseReferences()) {
      RtPlanDoseReference reference = new RtPlanDoseReference();
      reference.setDoseReferenceNumber(parsedReference.number());
      reference.setStructureType(truncate(parsedReference.structureType(), 16));
      reference.setReferenceType(truncate(parsedReference.type(), 16));
      reference.setDescription(truncate(parsedReference.description(), 64));
      reference.setReferencedRoiNumber(truncate(parsedReference.referencedRoiNumber(), 16));
      reference.setTargetPrescriptionDoseGy(parsedReference.targetPrescriptionGy());
      reference.setDeliveryMaximumDoseGy(parsedReference.deliveryMaximumGy());
      reference.setOrganAtRiskMaximumDoseGy(parsedReference.organAtRiskMaximumGy());
      reference.setPlan(plan);
      em.persist(reference);
    }
  }
}

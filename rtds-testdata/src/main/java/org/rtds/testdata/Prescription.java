package org.rtds.testdata;

/**
 * The RT Plan prescription: (300A,0026) TargetPrescriptionDose in Gy (total over all fractions),
 * (300A,0078) NumberOfFractionsPlanned, and the target ROI the dose reference points to
 * ((3006,0084) ReferencedROINumber).
 */
public record Prescription(
    double targetPrescriptionDoseGy, int fractions, int targetRoiNumber, String targetRoiName) {

  /** Dose per fraction in Gy. */
  public double dosePerFractionGy() {
    return targetPrescriptionDoseGy / fractions;
  }
}

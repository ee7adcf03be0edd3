package org.rtds.domain.patient;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.rtds.domain.GeneratedIdEntity;

/**
 * Base of the entities whose rows are placed under a patient and one of the patient's studies in
 * the DICOM information hierarchy: {@link Series}, and through {@link SeriesScopedEntity} the CT
 * images and the RT objects. Maps the foreign keys {@code fk_patient_id_id} and {@code
 * fk_study_id_id}, both {@code NOT NULL}.
 *
 * <p>The only table that spells the study column differently is {@code rt_dvh} ({@code
 * fk_study_id}); its entity renames the column with an {@link
 * jakarta.persistence.AssociationOverride AssociationOverride} of {@code study}.
 */
@MappedSuperclass
public abstract class StudyScopedEntity extends GeneratedIdEntity {

  /** The patient the row belongs to. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_patient_id_id", nullable = false)
  private Patient patient;

  /** The study (imaging and planning episode of the patient) the row belongs to. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_study_id_id", nullable = false)
  private Study study;

  public Patient getPatient() {
    return patient;
  }

  public void setPatient(Patient patient) {
    this.patient = patient;
  }

  public Study getStudy() {
    return study;
  }

  public void setStudy(Study study) {
    this.study = study;
  }
}

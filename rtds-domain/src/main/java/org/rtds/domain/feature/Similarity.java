package org.rtds.domain.feature;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.patient.Study;

/**
 * How similar a historical study is to the current (query) study, for one organ at risk ({@code
 * similarity}); RTDS ranks historical plans by these values (docs/algorithms.md section 3).
 *
 * <p>{@code Similarity} ("target dose similarity (unsure)" in the schema document) is the target
 * dose difference in Gy, signed, current minus historical (section 3.4), hence the field {@link
 * #getTargetDoseDifferenceGy() targetDoseDifferenceGy}; ranking uses its absolute value. {@code
 * OVHDissimilarity} and {@code STSDissimilarity} are earth mover's distances between the histograms
 * of the two studies (0 = identical). {@code DBStudyID} and {@code TargetOAR} are plain text, not
 * foreign keys, in the legacy schema and are mapped as such: {@code DBStudyID} names the historical
 * study (its {@code studies} id as text for a study in this database), {@code TargetOAR} the {@code
 * oar_dictionary} id of the OAR as text.
 */
@Entity
@Table(name = "similarity")
public class Similarity extends GeneratedIdEntity {

  /**
   * Key of the historical study of the pair: the {@code studies} id as decimal text for a study in
   * this database. Deliberately not a foreign key.
   */
  @Column(name = "DBStudyID", nullable = false, length = 100)
  private String historicalStudyId;

  /** Target dose difference in Gy, signed: current minus historical target dose. */
  @Column(name = "Similarity")
  private Double targetDoseDifferenceGy;

  /** Earth mover's distance between the two OVHs (mm for the fixed grid). */
  @Column(name = "OVHDissimilarity")
  private Double ovhDissimilarity;

  /** Earth mover's distance between the two STS histograms. */
  @Column(name = "STSDissimilarity")
  private Double stsDissimilarity;

  /**
   * The OAR the OVH and STS compare, as the {@code oar_dictionary} id in decimal text; not a
   * foreign key in the legacy schema.
   */
  @Column(name = "TargetOAR", nullable = false, length = 200)
  private String targetOar;

  /** The current (query) study of the pair. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_study_id_id", nullable = false)
  private Study study;

  /**
   * The target level the OVH and STS were measured from ({@code PTV_High}, {@code PTV_Mid}, {@code
   * PTV_Low}, {@code PTV_All}); RTDS, V7; {@code null} in legacy rows.
   */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_ptv_id")
  private OarDictionaryEntry ptv;

  /** The historical study as a foreign key (RTDS, V7); {@code null} in legacy rows. */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_historical_study_id")
  private Study historicalStudy;

  public OarDictionaryEntry getPtv() {
    return ptv;
  }

  public void setPtv(OarDictionaryEntry ptv) {
    this.ptv = ptv;
  }

  public Study getHistoricalStudy() {
    return historicalStudy;
  }

  public void setHistoricalStudy(Study historicalStudy) {
    this.historicalStudy = historicalStudy;
  }

  public String getHistoricalStudyId() {
    return historicalStudyId;
  }

  public void setHistoricalStudyId(String historicalStudyId) {
    this.historicalStudyId = historicalStudyId;
  }

  public Double getTargetDoseDifferenceGy() {
    return targetDoseDifferenceGy;
  }

  public void setTargetDoseDifferenceGy(Double targetDoseDifferenceGy) {
    this.targetDoseDifferenceGy = targetDoseDifferenceGy;
  }

  public Double getOvhDissimilarity() {
    return ovhDissimilarity;
  }

  public void setOvhDissimilarity(Double ovhDissimilarity) {
    this.ovhDissimilarity = ovhDissimilarity;
  }

  public Double getStsDissimilarity() {
    return stsDissimilarity;
  }

  public void setStsDissimilarity(Double stsDissimilarity) {
    this.stsDissimilarity = stsDissimilarity;
  }

  public String getTargetOar() {
    return targetOar;
  }

  public void setTargetOar(String targetOar) {
    this.targetOar = targetOar;
  }

  public Study getStudy() {
    return study;
  }

  public void setStudy(Study study) {
    this.study = study;
  }
}

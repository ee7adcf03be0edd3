package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.Length;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * A dose-volume histogram of one ROI for one RT Dose ({@code rt_dvh}), either embedded by the
 * treatment planning system in the DVH Sequence (3004,0050) of the RT Dose or computed by RTDS.
 *
 * <p>The schema document marks every DVH column "unsure"; RTDS gives them the meaning of the DICOM
 * DVH Sequence attributes of the same names, so imported and computed rows are interchangeable
 * (docs/algorithms.md section 4): {@code DVHType} {@code CUMULATIVE} or {@code DIFFERENTIAL},
 * {@code DoseUnits} {@code GY}, {@code DoseType} {@code PHYSICAL}, {@code DVHVolumeUnits} {@code
 * CM3} (cm&sup3;), {@code DVHDoseScaling} the factor for the dose bin widths, {@code DVHData} the
 * DICOM (dose bin width, volume) pairs, and minimum, mean and maximum dose in Gy. {@code
 * DVHReferencedROI} holds the {@code rt_rois} id of the ROI as text; it is not a foreign key in the
 * legacy schema and is mapped as plain text.
 *
 * <p>The study column is {@code fk_study_id}, without the second {@code _id} of the other tables.
 * Schema version 2 widened {@code DVHType}, {@code DVHVolumeUnits}, {@code DoseType} and {@code
 * DoseUnits} from 10 to 16 characters ({@code DIFFERENTIAL} did not fit).
 */
@Entity
@Table(name = "rt_dvh")
// the legacy study column lacks the second _id of the other tables
@AssociationOverride(
    name = "study",
    joinColumns = @JoinColumn(name = "fk_study_id", nullable = false))
public class RtDvh extends UserCreatedSeriesScopedEntity {

  /**
   * DVH Dose Scaling (3004,0052), decimal string: multiplies the dose bin widths of the DVH data
   * ({@code 1} for DVHs RTDS computes).
   */
  @Column(name = "DVHDoseScaling", length = 20)
  private String doseScaling;

  /** DVH Maximum Dose (3004,0072) in the DVH dose units (Gy). */
  @Column(name = "DVHMaximumDose")
  private Double maximumDose;

  /** DVH Mean Dose (3004,0074) in the DVH dose units (Gy). */
  @Column(name = "DVHMeanDose")
  private Double meanDose;

  /** DVH Minimum Dose (3004,0070) in the DVH dose units (Gy). */
  @Column(name = "DVHMinimumDose")
  private Double minimumDose;

  /**
   * DVH Number of Bins (3004,0056): number of (dose, volume) pairs in the DVH data; a whole number
   * stored as a double.
   */
  @Column(name = "DVHNumberOfBins")
  private Double numberOfBins;

  /**
   * The {@code rt_rois} id of the ROI the DVH describes, as decimal text; not a foreign key in the
   * legacy schema.
   */
  @Column(name = "DVHReferencedROI", nullable = false, length = 10)
  private String referencedRoi;

  /** DVH Type (3004,0001): {@code CUMULATIVE}, {@code DIFFERENTIAL} or {@code NATURAL}. */
  @Column(name = "DVHType", length = 16)
  private String dvhType;

  /** DVH Volume Units (3004,0054): {@code CM3}, {@code PERCENT} or {@code PER_U}. */
  @Column(name = "DVHVolumeUnits", length = 16)
  private String volumeUnits;

  /** Dose Type (3004,0004): {@code PHYSICAL}, {@code EFFECTIVE} or {@code ERROR}. */
  @Column(name = "DoseType", length = 16)
  private String doseType;

  /** Dose Units (3004,0002): {@code GY} or {@code RELATIVE}. */
  @Column(name = "DoseUnits", length = 16)
  private String doseUnits;

  /**
   * DVH Data (3004,0058): comma-separated pairs D1,V1,D2,V2,... of dose bin width (&times; dose
   * scaling) and volume (in volume units).
   */
  @Column(name = "DVHData", nullable = false, length = Length.LONG32)
  private String dvhData;

  /** The RT Dose the DVH was embedded in or computed from. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_dose_id_id", nullable = false)
  private RtDose dose;

  /**
   * Where the curve comes from: {@code TPS_EMBEDDED} (the RT Dose's DVH Sequence) or {@code
   * COMPUTED} (by RTDS); {@code null} for legacy rows.
   */
  @Column(name = "Source", length = 16)
  private String source;

  public String getDoseScaling() {
    return doseScaling;
  }

  public void setDoseScaling(String doseScaling) {
    this.doseScaling = doseScaling;
  }

  public Double getMaximumDose() {
    return maximumDose;
  }

  public void setMaximumDose(Double maximumDose) {
    this.maximumDose = maximumDose;
  }

  public Double getMeanDose() {
    return meanDose;
  }

  public void setMeanDose(Double meanDose) {
    this.meanDose = meanDose;
  }

  public Double getMinimumDose() {
    return minimumDose;
  }

  public void setMinimumDose(Double minimumDose) {
    this.minimumDose = minimumDose;
  }

  public Double getNumberOfBins() {
    return numberOfBins;
  }

  public void setNumberOfBins(Double numberOfBins) {
    this.numberOfBins = numberOfBins;
  }

  public String getReferencedRoi() {
    return referencedRoi;
  }

  public void setReferencedRoi(String referencedRoi) {
    this.referencedRoi = referencedRoi;
  }

  public String getDvhType() {
    return dvhType;
  }

  public void setDvhType(String dvhType) {
    this.dvhType = dvhType;
  }

  public String getVolumeUnits() {
    return volumeUnits;
  }

  public void setVolumeUnits(String volumeUnits) {
    this.volumeUnits = volumeUnits;
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

  public String getDvhData() {
    return dvhData;
  }

  public void setDvhData(String dvhData) {
    this.dvhData = dvhData;
  }

  public RtDose getDose() {
    return dose;
  }

  public void setDose(RtDose dose) {
    this.dose = dose;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}

package org.rtds.domain.feature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.Length;

/**
 * The overlap volume histogram of one organ at risk relative to one target, for one study ({@code
 * ovh}). OVH(t) is the fraction of the OAR volume within signed distance t (mm, negative inside the
 * target) of the target surface (docs/algorithms.md section 1).
 *
 * <p>{@code binValue} and {@code binAmount} hold the distances and the cumulative fractions as
 * comma-separated lists of equal length; rows RTDS computes carry the format marker {@code
 * rtds-ovh-v1:} (fixed grid −50…+150 mm, 1 mm steps, docs/knowledge-base.md). {@code OverlapArea}
 * (marked "unsure" in the schema document) is the overlap volume of OAR and target in mm&sup3;
 * (section 1.5), hence the field {@link #getOverlapVolumeMm3() overlapVolumeMm3}; legacy rows hold
 * the placeholder 20. Both {@code ptv_id} and {@code OAR_id} refer to {@link OarDictionaryEntry}
 * rows.
 */
@Entity
@Table(name = "ovh")
public class Ovh extends TargetOarHistogram {

  /**
   * Comma-separated distances t<sub>k</sub> of the OVH grid (mm; data-adaptive row-pixel edges in
   * legacy rows).
   */
  @Column(name = "binValue", nullable = false, length = Length.LONG32)
  private String binValues;

  /**
   * Comma-separated cumulative fractions OVH(t<sub>k</sub>) in [0, 1] of the OAR volume within
   * distance t<sub>k</sub> of the target.
   */
  @Column(name = "binAmount", nullable = false, length = Length.LONG32)
  private String binAmounts;

  /**
   * Overlap volume of OAR and target in mm&sup3; (0 = no overlap); legacy rows hold the placeholder
   * 20.
   */
  @Column(name = "OverlapArea")
  private Integer overlapVolumeMm3;

  /** Volume of the OAR on the CT grid (cc); RTDS, V6. */
  @Column(name = "OarVolumeCc")
  private Double oarVolumeCc;

  /** Fraction of the OAR volume inside the target, OVH(0), in [0, 1]; RTDS, V6. */
  @Column(name = "OverlapFraction")
  private Double overlapFraction;

  /**
   * Exact r<sub>v</sub> (mm) for v = 5 %, 10 %, …, 100 %: {@code rtds-rv-v1:} and 20
   * comma-separated values; RTDS, V6.
   */
  @Column(name = "RvMm", length = 400)
  private String rvMm;

  /**
   * Exact statistics of the OAR's signed voxel distances: {@code
   * rtds-dstat-v1:mean,median,min,max,sd,skewness} (mm, skewness dimensionless); RTDS, V6.
   */
  @Column(name = "DistanceStats", length = 200)
  private String distanceStats;

  public Double getOarVolumeCc() {
    return oarVolumeCc;
  }

  public void setOarVolumeCc(Double oarVolumeCc) {
    this.oarVolumeCc = oarVolumeCc;
  }

  public Double getOverlapFraction() {
    return overlapFraction;
  }

  public void setOverlapFraction(Double overlapFraction) {
    this.overlapFraction = overlapFraction;
  }

  public String getRvMm() {
    return rvMm;
  }

  public void setRvMm(String rvMm) {
    this.rvMm = rvMm;
  }

  public String getDistanceStats() {
    return distanceStats;
  }

  public void setDistanceStats(String distanceStats) {
    this.distanceStats = distanceStats;
  }

  public String getBinValues() {
    return binValues;
  }

  public void setBinValues(String binValues) {
    this.binValues = binValues;
  }

  public String getBinAmounts() {
    return binAmounts;
  }

  public void setBinAmounts(String binAmounts) {
    this.binAmounts = binAmounts;
  }

  public Integer getOverlapVolumeMm3() {
    return overlapVolumeMm3;
  }

  public void setOverlapVolumeMm3(Integer overlapVolumeMm3) {
    this.overlapVolumeMm3 = overlapVolumeMm3;
  }
}

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
 * comma-separated lists of equal length. {@code OverlapArea} (marked "unsure" in the schema
 * document) is the overlap volume of OAR and target in mm&sup3; (section 1.5), hence the field
 * {@link #getOverlapVolumeMm3() overlapVolumeMm3}; legacy rows hold the placeholder 20. Both {@code
 * ptv_id} and {@code OAR_id} refer to {@link OarDictionaryEntry} rows.
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

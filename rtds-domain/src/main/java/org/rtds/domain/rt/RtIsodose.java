package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.Length;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.SeriesScopedEntity;

/**
 * An isodose line of one level on one CT slice ({@code rt_isdose}): the CT pixels where the dose
 * crosses the level, for overlay on the image.
 *
 * <p>The table name {@code rt_isdose} and the column {@code IsDoseValue} are misspellings of
 * "isodose" in the legacy schema. {@code IsDoseValue} is the level in percent of the reference
 * dose: the prescription for rows RTDS computes, the maximum dose for legacy rows
 * (docs/algorithms.md section 5). Row and column positions are 0-based pixel indices of the CT
 * image, comma-separated and paired by position.
 */
@Entity
@Table(name = "rt_isdose")
public class RtIsodose extends SeriesScopedEntity {

  /**
   * Pixel row indices (0-based, of the CT image) of the isodose line, comma separated, paired with
   * the column positions.
   */
  @Column(name = "RowPosition", nullable = false, length = Length.LONG32)
  private String rowPositions;

  /** Pixel column indices (0-based, of the CT image) of the isodose line, comma separated. */
  @Column(name = "ColumnPosition", nullable = false, length = Length.LONG32)
  private String columnPositions;

  /**
   * Isodose level in percent of the reference dose (prescription, or maximum dose for legacy rows).
   * Column name misspelt ("IsDose") in the legacy schema.
   */
  @Column(name = "IsDoseValue", nullable = false)
  private Integer isodoseLevel;

  /** The CT slice the isodose line is drawn on. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_ct_image_id_id", nullable = false)
  private CtImage ctImage;

  /** The RT Dose the line was derived from. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_dose_id_id", nullable = false)
  private RtDose dose;

  public String getRowPositions() {
    return rowPositions;
  }

  public void setRowPositions(String rowPositions) {
    this.rowPositions = rowPositions;
  }

  public String getColumnPositions() {
    return columnPositions;
  }

  public void setColumnPositions(String columnPositions) {
    this.columnPositions = columnPositions;
  }

  public Integer getIsodoseLevel() {
    return isodoseLevel;
  }

  public void setIsodoseLevel(Integer isodoseLevel) {
    this.isodoseLevel = isodoseLevel;
  }

  public CtImage getCtImage() {
    return ctImage;
  }

  public void setCtImage(CtImage ctImage) {
    this.ctImage = ctImage;
  }

  public RtDose getDose() {
    return dose;
  }

  public void setDose(RtDose dose) {
    this.dose = dose;
  }
}

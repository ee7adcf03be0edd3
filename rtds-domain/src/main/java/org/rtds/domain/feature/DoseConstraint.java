package org.rtds.domain.feature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A dose constraint for an organ at risk ({@code rtds_dose_constraint}, an RTDS table), e.g.
 * "Parotid_L Dmean &lt; 26 Gy": evaluated on every study whose structure set has the structure
 * (matched by its AAPM TG-263 standard name), giving pass or fail with the margin.
 */
@Entity
@Table(name = "rtds_dose_constraint")
@NamedQuery(
    name = DoseConstraint.FIND_ACTIVE,
    query = "select c from DoseConstraint c where c.active = true order by c.standardName, c.id")
@NamedQuery(
    name = DoseConstraint.FIND_ALL,
    query = "select c from DoseConstraint c order by c.standardName, c.id")
public class DoseConstraint extends GeneratedIdEntity {

  /** The active constraints, by structure. */
  public static final String FIND_ACTIVE = "DoseConstraint.findActive";

  /** Every constraint, by structure. */
  public static final String FIND_ALL = "DoseConstraint.findAll";

  /** TG-263 standard name of the structure, e.g. {@code Parotid_L}. */
  @Column(name = "StandardName", nullable = false, length = 64)
  private String standardName;

  /** Metric expression, e.g. {@code Dmean}, {@code D0.03cc}, {@code V20Gy}. */
  @Column(name = "Metric", nullable = false, length = 32)
  private String metric;

  /** {@code <}, {@code <=}, {@code >} or {@code >=}. */
  @Column(name = "Comparator", nullable = false, length = 2)
  private String comparator;

  /** The limit, in {@link #getUnit() unit}. */
  @Column(name = "LimitValue", nullable = false)
  private Double limitValue;

  /** The metric's unit: {@code Gy}, {@code %} or {@code cc}. */
  @Column(name = "Unit", nullable = false, length = 8)
  private String unit;

  /** Where the limit comes from, e.g. {@code QUANTEC 2010}. */
  @Column(name = "Source", length = 200)
  private String source;

  /** The clinical end point or a remark. */
  @Column(name = "Note", length = 500)
  private String note;

  /** Whether it is evaluated. */
  @Column(name = "Active", nullable = false)
  private boolean active;

  public String getStandardName() {
    return standardName;
  }

  public void setStandardName(String standardName) {
    this.standardName = standardName;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public String getComparator() {
    return comparator;
  }

  public void setComparator(String comparator) {
    this.comparator = comparator;
  }

  public Double getLimitValue() {
    return limitValue;
  }

  public void setLimitValue(Double limitValue) {
    this.limitValue = limitValue;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}

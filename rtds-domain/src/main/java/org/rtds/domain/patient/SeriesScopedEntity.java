package org.rtds.domain.patient;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of the entities whose rows belong to one DICOM series of a patient's study: the objects of
 * the series and the rows derived from them. Adds the foreign key {@code fk_series_id_id} ({@code
 * NOT NULL}) to the patient and study of {@link StudyScopedEntity}.
 *
 * <p>Extended directly only by the isodose lines ({@code rt_isdose}), whose table has no {@code
 * fk_user_id_id} column; the tables that have one extend {@link UserCreatedSeriesScopedEntity}.
 */
@MappedSuperclass
public abstract class SeriesScopedEntity extends StudyScopedEntity {

  /**
   * The series the row belongs to: the CT series of a CT slice; the RTSTRUCT series of a structure
   * set and its ROIs; the RTDOSE series of a dose and of its dose grid, its DVHs and the isodose
   * lines derived from it.
   */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_series_id_id", nullable = false)
  private Series series;

  public Series getSeries() {
    return series;
  }

  public void setSeries(Series series) {
    this.series = series;
  }
}

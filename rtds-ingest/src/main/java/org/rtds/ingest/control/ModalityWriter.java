package org.rtds.ingest.control;

import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * Writes the rows of one kind of {@link ParsedInstance} (its modality's tables, not its {@code
 * rtds_object} entry) in the caller's transaction. {@link IngestWriter} calls it after every check
 * passed and the object's series exists.
 *
 * @param <T> the kind of object
 */
interface ModalityWriter<T extends ParsedInstance> {

  /**
   * Persists the object's rows.
   *
   * @param parsed the object
   * @param series its series, with its study and patient
   * @param account the sending account, owner of the rows
   */
  void write(T parsed, Series series, AuthUser account);

  /** Sets the patient, study, series and owning account of a series-scoped row. */
  static void scope(UserCreatedSeriesScopedEntity entity, Series series, AuthUser account) {
    entity.setPatient(series.getPatient());
    entity.setStudy(series.getStudy());
    entity.setSeries(series);
    entity.setUser(account);
  }
}

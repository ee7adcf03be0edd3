package org.rtds.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.PatientRecord;
import org.rtds.web.api.CallerAccount;

/**
 * One patient's page ({@code patient.xhtml?id=}): the patient and its studies with where feature
 * computation stands. Another hospital's patient, or an id that names none, answers 404 with a page
 * that says so, as the API does.
 */
@Named
@RequestScoped
public class PatientView {

  @Inject PatientRecords records;

  @Inject CallerAccount caller;

  private String id;

  private PatientRecord patient;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public PatientRecord getPatient() {
    return patient;
  }

  public String getName() {
    return patient == null ? "" : PersonNames.display(patient.patientName());
  }

  /** Whether the id names no patient the caller may see. */
  public boolean isNotFound() {
    return patient == null;
  }

  /**
   * The view action: reads the patient; for an id that names none the caller may see, the page says
   * so in plain words with status 404.
   */
  public void load() {
    Optional<PatientRecord> found = Optional.empty();
    if (id != null && id.matches("\\d{1,9}")) {
      found = records.patient(Integer.parseInt(id), caller.senders());
    }
    if (found.isEmpty()) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
      return;
    }
    patient = found.get();
  }
}

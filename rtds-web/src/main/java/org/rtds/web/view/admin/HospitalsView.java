package org.rtds.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.boundary.AccountAdministration.HospitalView;
import org.rtds.web.view.Texts;

/**
 * {@code admin/hospitals.xhtml}: the hospitals accounts belong to, with their accounts and
 * patients; renaming one. Accounts join a hospital on the accounts page.
 */
@Named
@ViewScoped
public class HospitalsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccountAdministration administration;

  @Inject transient PageActions actions;

  private List<HospitalView> hospitals;
  private HospitalView selected;
  private String newName;

  public List<HospitalView> getHospitals() {
    if (hospitals == null) {
      hospitals = administration.hospitals();
    }
    return hospitals;
  }

  public void select(HospitalView hospital) {
    selected = hospital;
    newName = hospital.name();
  }

  public void rename() {
    HospitalView hospital = selected;
    String name = newName;
    actions.run(
        "hospital-update",
        'U',
        "hospital",
        hospital.name(),
        () -> {
          administration.renameHospital(actions.account(), hospital.name(), name);
          return Texts.text("admin.hospitals.renamed", hospital.name(), name);
        },
        "admin.hospitals.notRenamed",
        hospital.name());
    hospitals = null;
    selected = null;
  }

  public HospitalView getSelected() {
    return selected;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}

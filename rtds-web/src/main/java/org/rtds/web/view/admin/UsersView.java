package org.rtds.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.boundary.AccountAdministration.GroupView;
import org.rtds.security.boundary.AccountAdministration.UserDraft;
import org.rtds.security.boundary.AccountAdministration.UserView;
import org.rtds.security.control.PasswordPolicy;
import org.rtds.web.view.Texts;

/**
 * {@code admin/users.xhtml}: accounts, with their hospital and groups; create, change, password.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccountAdministration administration;

  @Inject transient PageActions actions;

  private String query;
  private List<UserView> users;

  // the new account
  private String username;
  private String firstName;
  private String lastName;
  private String email;
  private String hospital;
  private List<String> groups = new ArrayList<>();
  private String generatedPassword;
  private String generatedFor;

  // the account being changed
  private UserView selected;
  private String editHospital;
  private List<String> editGroups = new ArrayList<>();
  private boolean editActive;
  private boolean editStaff;
  private boolean editSuperuser;
  private String newPassword;

  public List<UserView> getUsers() {
    if (users == null) {
      users = administration.users(query);
    }
    return users;
  }

  public List<String> getGroupNames() {
    return administration.groups().stream().map(GroupView::name).toList();
  }

  public void search() {
    users = null;
  }

  public void create() {
    generatedPassword = null;
    String name = username;
    actions.run(
        "account-create",
        'C',
        "account",
        name,
        () -> {
          var created =
              administration.createUser(
                  actions.account(),
                  new UserDraft(
                      name, null, firstName, lastName, email, hospital, groups, true, false,
                      false));
          generatedPassword = created.generatedPassword();
          generatedFor = created.user().username();
          return Texts.text("admin.users.created", created.user().username());
        },
        "admin.users.notCreated");
    users = null;
  }

  public void select(UserView user) {
    selected = user;
    editHospital = user.hospital();
    editGroups = new ArrayList<>(user.groups());
    editActive = user.active();
    editStaff = user.staff();
    editSuperuser = user.superuser();
    newPassword = null;
  }

  public void save() {
    UserView user = selected;
    actions.run(
        "account-update",
        'U',
        "account",
        String.valueOf(user.id()),
        () -> {
          administration.updateUser(
              actions.account(),
              user.id(),
              new UserDraft(
                  null,
                  null,
                  null,
                  null,
                  null,
                  editHospital == null ? "" : editHospital,
                  editGroups,
                  editActive,
                  editStaff,
                  editSuperuser));
          return Texts.text("admin.users.saved", user.username());
        },
        "admin.users.notSaved",
        user.username());
    users = null;
  }

  public void setPassword() {
    UserView user = selected;
    String password = newPassword;
    newPassword = null;
    actions.run(
        "account-password",
        'U',
        "account",
        String.valueOf(user.id()),
        () -> {
          administration.setPassword(actions.account(), user.id(), password);
          return Texts.text("admin.users.passwordSet", user.username());
        },
        "admin.users.passwordNotSet",
        user.username());
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getHospital() {
    return hospital;
  }

  public void setHospital(String hospital) {
    this.hospital = hospital;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public String getGeneratedPassword() {
    return generatedPassword;
  }

  /** The account whose password {@link #getGeneratedPassword()} is. */
  public String getGeneratedFor() {
    return generatedFor;
  }

  /** For the password rule shown beside the new-password field. */
  public int getPasswordMinLength() {
    return PasswordPolicy.MIN_LENGTH;
  }

  public UserView getSelected() {
    return selected;
  }

  public String getEditHospital() {
    return editHospital;
  }

  public void setEditHospital(String editHospital) {
    this.editHospital = editHospital;
  }

  public List<String> getEditGroups() {
    return editGroups;
  }

  public void setEditGroups(List<String> editGroups) {
    this.editGroups = editGroups;
  }

  public boolean isEditActive() {
    return editActive;
  }

  public void setEditActive(boolean editActive) {
    this.editActive = editActive;
  }

  public boolean isEditStaff() {
    return editStaff;
  }

  public void setEditStaff(boolean editStaff) {
    this.editStaff = editStaff;
  }

  public boolean isEditSuperuser() {
    return editSuperuser;
  }

  public void setEditSuperuser(boolean editSuperuser) {
    this.editSuperuser = editSuperuser;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}

package org.rtds.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.rtds.security.boundary.AccountAdministration;
import org.rtds.security.boundary.AccountAdministration.GroupDraft;
import org.rtds.security.boundary.AccountAdministration.GroupView;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.view.Texts;

/** {@code admin/groups.xhtml}: job-role groups and their RTDS permissions. */
@Named
@ViewScoped
public class GroupsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccountAdministration administration;

  @Inject transient PageActions actions;

  private List<GroupView> groups;
  private String name;
  private List<String> permissions = new ArrayList<>();
  private GroupView selected;
  private List<String> editPermissions = new ArrayList<>();

  public List<GroupView> getGroups() {
    if (groups == null) {
      groups = administration.groups();
    }
    return groups;
  }

  /** Every RTDS permission's codename. */
  public List<String> getAllPermissions() {
    return RtdsPermission.codenames();
  }

  public void create() {
    String groupName = name;
    actions.run(
        "group-create",
        'C',
        "group",
        groupName,
        () -> {
          administration.createGroup(actions.account(), new GroupDraft(groupName, permissions));
          return Texts.text("admin.groups.created", groupName);
        },
        "admin.groups.notCreated");
    groups = null;
  }

  public void select(GroupView group) {
    selected = group;
    editPermissions =
        new ArrayList<>(
            group.permissions().stream().filter(getAllPermissions()::contains).toList());
  }

  public void save() {
    GroupView group = selected;
    actions.run(
        "group-update",
        'U',
        "group",
        String.valueOf(group.id()),
        () -> {
          administration.updateGroup(
              actions.account(), group.id(), new GroupDraft(null, editPermissions));
          return Texts.text("admin.groups.saved", group.name());
        },
        "admin.groups.notSaved",
        group.name());
    groups = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getPermissions() {
    return permissions;
  }

  public void setPermissions(List<String> permissions) {
    this.permissions = permissions;
  }

  public GroupView getSelected() {
    return selected;
  }

  public List<String> getEditPermissions() {
    return editPermissions;
  }

  public void setEditPermissions(List<String> editPermissions) {
    this.editPermissions = editPermissions;
  }
}

package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.rtds.domain.auth.AuthGroup;
import org.rtds.domain.auth.AuthGroupPermission;
import org.rtds.domain.auth.AuthPermission;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.domain.auth.UserProfile;
import org.rtds.domain.django.DjangoAdminLog;
import org.rtds.domain.django.DjangoContentType;
import org.rtds.domain.query.SearchText;
import org.rtds.security.control.DjangoPasswordHasher;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.PasswordPolicy;
import org.rtds.security.control.RtdsPermission;

/**
 * Accounts, groups and hospitals, administered by RTDS administrators, and every account's own
 * password. Each change is written to {@code django_admin_log} as Django's admin would (so the
 * legacy application's history stays complete); the audit trail records the requests.
 *
 * <p>Accounts are never deleted (patients and studies name the account that sent them): they are
 * deactivated. Passwords follow {@link PasswordPolicy} and are stored as Django's current {@code
 * pbkdf2_sha256}.
 */
@ApplicationScoped
@Transactional
public class AccountAdministration {

  /** Django's {@code django_admin_log.action_flag}. */
  static final int ADDITION = 1;

  static final int CHANGE = 2;

  private static final int MAX_HOSPITAL_LENGTH = 30;
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final DjangoPasswordHasher hasher = new DjangoPasswordHasher();
  private final SecureRandom random = new SecureRandom();

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  @Inject AuditTrail audit;

  /** An account as administrators see it (never its password hash). */
  public record UserView(
      int id,
      String username,
      String firstName,
      String lastName,
      String email,
      boolean active,
      boolean staff,
      boolean superuser,
      String hospital,
      List<String> groups,
      LocalDateTime lastLogin,
      LocalDateTime dateJoined)
      implements Serializable {}

  /**
   * A new account or a change; null fields are left as they are (or take their default when
   * creating: active, not staff, not superuser, no hospital, no groups).
   *
   * @param password only when creating; absent: RTDS generates one and shows it once
   * @param hospital the institution ({@code userprofile_userprofile.institution}); empty to clear
   * @param groups names of {@code auth_group}s; replaces the account's groups
   */
  public record UserDraft(
      String username,
      String password,
      String firstName,
      String lastName,
      String email,
      String hospital,
      List<String> groups,
      Boolean active,
      Boolean staff,
      Boolean superuser) {}

  /** A created account; {@code generatedPassword} is set only when RTDS chose it (show once). */
  public record CreatedUser(UserView user, String generatedPassword) {}

  /** A group (job role) with its permissions' codenames and how many accounts are in it. */
  public record GroupView(int id, String name, List<String> permissions, long members)
      implements Serializable {}

  /**
   * A new group or a change.
   *
   * @param permissions RTDS permission codenames; replaces the group's RTDS permissions (legacy
   *     permissions of other apps stay)
   */
  public record GroupDraft(String name, List<String> permissions) {}

  /** A hospital: its accounts and the patients they sent. */
  public record HospitalView(String name, long accounts, long patients) implements Serializable {}

  /** Every account, by name; {@code q} matches any part of the name, names or e-mail. */
  @Transactional(TxType.SUPPORTS)
  public List<UserView> users(String q) {
    String pattern = SearchText.containsPattern(q);
    var query =
        em.createQuery(
            "select u from AuthUser u"
                + (pattern == null
                    ? ""
                    : " where lower(u.username) like :q escape '!' or lower(u.firstName) like :q"
                        + " escape '!' or lower(u.lastName) like :q escape '!'"
                        + " or lower(u.email) like :q escape '!'")
                + " order by u.username",
            AuthUser.class);
    if (pattern != null) {
      query.setParameter("q", pattern);
    }
    return query.getResultList().stream().map(this::view).toList();
  }

  /**
   * @throws NoSuchElementException when there is no such account
   */
  @Transactional(TxType.SUPPORTS)
  public UserView user(int id) {
    return view(findUser(id));
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the draft
   */
  public CreatedUser createUser(Account admin, UserDraft draft) {
    String username = draft.username() == null ? "" : draft.username().strip();
    if (!username.matches("[\\w.@+-]{1,150}")) {
      throw new IllegalArgumentException(
          "username is required: 1 to 150 letters, digits and @ . + - _ (Django's rule)");
    }
    if (!em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
        .setParameter("username", username)
        .getResultList()
        .isEmpty()) {
      throw new IllegalArgumentException("an account named '" + username + "' exists already");
    }
    String generated = draft.password() == null ? generatePassword() : null;
    String password = generated != null ? generated : draft.password();
    requireAcceptable(password, username);
    AuthUser user = new AuthUser();
    user.setUsername(username);
    user.setPassword(hasher.hash(password.toCharArray()));
    user.setFirstName(limit("firstName", draft.firstName(), 30));
    user.setLastName(limit("lastName", draft.lastName(), 30));
    user.setEmail(limit("email", draft.email(), 254));
    user.setActive(draft.active() == null || draft.active());
    user.setStaff(Boolean.TRUE.equals(draft.staff()));
    user.setSuperuser(Boolean.TRUE.equals(draft.superuser()));
    user.setDateJoined(LocalDateTime.now(ZoneOffset.UTC));
    em.persist(user);
    em.flush();
    if (draft.hospital() != null) {
      setHospital(user, draft.hospital());
    }
    if (draft.groups() != null) {
      setGroups(user, draft.groups());
    }
    adminLog(admin, ADDITION, "auth", "user", user.getId(), username, "[{\"added\": {}}]");
    return new CreatedUser(view(user), generated);
  }

  /**
   * Changes an account; an administrator cannot deactivate or demote itself.
   *
   * @throws NoSuchElementException when there is no such account
   * @throws IllegalArgumentException saying what is wrong with the draft
   */
  public UserView updateUser(Account admin, int id, UserDraft draft) {
    AuthUser user = findUser(id);
    if (draft.password() != null) {
      throw new IllegalArgumentException(
          "passwords are set through POST /api/v1/admin/users/{id}/password, not here");
    }
    if (draft.username() != null && !draft.username().strip().equals(user.getUsername())) {
      throw new IllegalArgumentException("an account's name cannot change");
    }
    boolean self = user.getId() == admin.id();
    if (self
        && (Boolean.FALSE.equals(draft.active())
            || Boolean.FALSE.equals(draft.superuser())
            || Boolean.FALSE.equals(draft.staff()))) {
      throw new IllegalArgumentException(
          "you cannot deactivate or demote your own account; ask another administrator");
    }
    List<String> changed = new ArrayList<>();
    if (draft.firstName() != null && !draft.firstName().equals(user.getFirstName())) {
      user.setFirstName(limit("firstName", draft.firstName(), 30));
      changed.add("First name");
    }
    if (draft.lastName() != null && !draft.lastName().equals(user.getLastName())) {
      user.setLastName(limit("lastName", draft.lastName(), 30));
      changed.add("Last name");
    }
    if (draft.email() != null && !draft.email().equals(user.getEmail())) {
      user.setEmail(limit("email", draft.email(), 254));
      changed.add("Email address");
    }
    if (draft.active() != null && draft.active() != user.isActive()) {
      user.setActive(draft.active());
      changed.add("Active");
    }
    if (draft.staff() != null && draft.staff() != user.isStaff()) {
      user.setStaff(draft.staff());
      changed.add("Staff status");
    }
    if (draft.superuser() != null && draft.superuser() != user.isSuperuser()) {
      user.setSuperuser(draft.superuser());
      changed.add("Superuser status");
    }
    if (draft.hospital() != null
        && !Objects.equals(HospitalScope.normalise(draft.hospital()), hospitalOf(user))) {
      setHospital(user, draft.hospital());
      changed.add("Institution");
    }
    if (draft.groups() != null && !Set.copyOf(draft.groups()).equals(Set.copyOf(groupsOf(user)))) {
      setGroups(user, draft.groups());
      changed.add("Groups");
    }
    if (!changed.isEmpty()) {
      adminLog(admin, CHANGE, "auth", "user", id, user.getUsername(), changedMessage(changed));
    }
    return view(user);
  }

  /**
   * An administrator sets an account's password.
   *
   * @throws IllegalArgumentException when the password breaks the policy
   */
  public UserView setPassword(Account admin, int id, String password) {
    AuthUser user = findUser(id);
    requireAcceptable(password, user.getUsername());
    user.setPassword(hasher.hash(password.toCharArray()));
    adminLog(
        admin, CHANGE, "auth", "user", id, user.getUsername(), changedMessage(List.of("password")));
    return view(user);
  }

  /**
   * An account changes its own password.
   *
   * @throws IllegalArgumentException when the current password is wrong (audited as a failed login,
   *     so the throttle counts it) or the new one breaks the policy
   */
  public void changeOwnPassword(
      Account account, String current, String fresh, String sourceAddress) {
    if (account.token()) {
      throw new IllegalArgumentException(
          "an API token cannot change its account's password; log in with the password");
    }
    AuthUser user = findUser(account.id());
    if (current == null || !hasher.verify(current.toCharArray(), user.getPassword())) {
      audit.loginFailed(
          account.id(),
          account.username(),
          account.hospital(),
          sourceAddress,
          "wrong current password when changing the password");
      throw new IllegalArgumentException("the current password is wrong");
    }
    if (fresh != null && fresh.equals(current)) {
      throw new IllegalArgumentException("the new password must differ from the current one");
    }
    requireAcceptable(fresh, user.getUsername());
    user.setPassword(hasher.hash(fresh.toCharArray()));
    adminLog(
        account,
        CHANGE,
        "auth",
        "user",
        user.getId(),
        user.getUsername(),
        changedMessage(List.of("password")));
  }

  /** Every group, by name. */
  @Transactional(TxType.SUPPORTS)
  public List<GroupView> groups() {
    return em
        .createQuery("select g from AuthGroup g order by g.name", AuthGroup.class)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  /**
   * @throws IllegalArgumentException when the name is taken or a permission unknown
   */
  public GroupView createGroup(Account admin, GroupDraft draft) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty() || name.length() > 80) {
      throw new IllegalArgumentException("name is required: 1 to 80 characters");
    }
    if (!em.createNamedQuery(AuthGroup.FIND_BY_NAME, AuthGroup.class)
        .setParameter("name", name)
        .getResultList()
        .isEmpty()) {
      throw new IllegalArgumentException("a group named '" + name + "' exists already");
    }
    AuthGroup group = new AuthGroup();
    group.setName(name);
    em.persist(group);
    em.flush();
    setPermissions(group, draft.permissions() == null ? List.of() : draft.permissions());
    adminLog(admin, ADDITION, "auth", "group", group.getId(), name, "[{\"added\": {}}]");
    return view(group);
  }

  /**
   * Renames a group or replaces its RTDS permissions.
   *
   * @throws NoSuchElementException when there is no such group
   */
  public GroupView updateGroup(Account admin, int id, GroupDraft draft) {
    AuthGroup group = em.find(AuthGroup.class, id);
    if (group == null) {
      throw new NoSuchElementException("no group " + id);
    }
    List<String> changed = new ArrayList<>();
    if (draft.name() != null && !draft.name().strip().equals(group.getName())) {
      String name = draft.name().strip();
      if (name.isEmpty() || name.length() > 80) {
        throw new IllegalArgumentException("name must have 1 to 80 characters");
      }
      group.setName(name);
      changed.add("Name");
    }
    if (draft.permissions() != null) {
      setPermissions(group, draft.permissions());
      changed.add("Permissions");
    }
    if (!changed.isEmpty()) {
      adminLog(admin, CHANGE, "auth", "group", id, group.getName(), changedMessage(changed));
    }
    return view(group);
  }

  /** Every hospital some account belongs to, with its accounts and patients. */
  @Transactional(TxType.SUPPORTS)
  public List<HospitalView> hospitals() {
    return em
        .createQuery(
            "select trim(p.institution), count(distinct p.user.id),"
                + " (select count(pa) from Patient pa where pa.user.id in (select q.user.id from"
                + " UserProfile q where trim(q.institution) = trim(p.institution)))"
                + " from UserProfile p where p.institution is not null"
                + " and trim(p.institution) <> '' group by trim(p.institution) order by 1",
            Object[].class)
        .getResultList()
        .stream()
        .map(r -> new HospitalView((String) r[0], (Long) r[1], (Long) r[2]))
        .toList();
  }

  /**
   * Renames a hospital: every profile naming it (without regard to case or surrounding spaces) gets
   * the new name, so its accounts keep sharing their patients.
   *
   * @return the hospital as it is now
   * @throws NoSuchElementException when no account belongs to {@code name}
   * @throws IllegalArgumentException when the new name is blank or too long
   */
  public HospitalView renameHospital(Account admin, String name, String newName) {
    String from = HospitalScope.normalise(name);
    String to = HospitalScope.normalise(newName);
    if (to == null || to.length() > MAX_HOSPITAL_LENGTH) {
      throw new IllegalArgumentException(
          "the new name must have 1 to " + MAX_HOSPITAL_LENGTH + " characters (legacy column)");
    }
    List<UserProfile> profiles =
        from == null
            ? List.of()
            : em.createQuery(
                    "select p from UserProfile p join fetch p.user where trim(p.institution) = :name",
                    UserProfile.class)
                .setParameter("name", from)
                .getResultList();
    if (profiles.isEmpty()) {
      throw new NoSuchElementException("no account belongs to a hospital named '" + name + "'");
    }
    for (UserProfile profile : profiles) {
      profile.setInstitution(to);
      adminLog(
          admin,
          CHANGE,
          "auth",
          "user",
          profile.getUser().getId(),
          profile.getUser().getUsername(),
          changedMessage(List.of("Institution")));
    }
    em.flush();
    return hospitals().stream()
        .filter(h -> h.name().equalsIgnoreCase(to))
        .findFirst()
        .orElseThrow();
  }

  private void requireAcceptable(String password, String username) {
    List<String> problems = PasswordPolicy.problems(password, username);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private void setHospital(AuthUser user, String hospital) {
    String name = HospitalScope.normalise(hospital);
    if (name != null && name.length() > MAX_HOSPITAL_LENGTH) {
      throw new IllegalArgumentException(
          "hospital must have at most " + MAX_HOSPITAL_LENGTH + " characters (legacy column)");
    }
    UserProfile profile =
        em.createNamedQuery(UserProfile.FIND_BY_USER, UserProfile.class)
            .setParameter("userId", user.getId())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (profile == null) {
      profile = new UserProfile();
      profile.setUser(user);
      // the legacy Django table has these NOT NULL
      profile.setOccupation("");
      profile.setLocation("");
      profile.setBio("");
      profile.setInstitution(name == null ? "" : name);
      em.persist(profile);
    } else {
      profile.setInstitution(name == null ? "" : name);
    }
  }

  private void setGroups(AuthUser user, List<String> names) {
    Set<AuthGroup> groups = new LinkedHashSet<>();
    for (String name : names) {
      groups.add(
          em.createNamedQuery(AuthGroup.FIND_BY_NAME, AuthGroup.class)
              .setParameter("name", name)
              .getResultStream()
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no group named '" + name + "'")));
    }
    em.createQuery("delete from AuthUserGroup ug where ug.user.id = :id")
        .setParameter("id", user.getId())
        .executeUpdate();
    for (AuthGroup g : groups) {
      AuthUserGroup link = new AuthUserGroup();
      link.setUser(user);
      link.setGroup(g);
      em.persist(link);
    }
  }

  private void setPermissions(AuthGroup group, List<String> codenames) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String codename : codenames) {
      if (RtdsPermission.byCodename(codename).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown permission '" + codename + "'; GET /api/v1/admin/permissions lists them");
      }
      wanted.add(codename);
    }
    em.createQuery(
            "delete from AuthGroupPermission gp where gp.group.id = :id and gp.permission.id in"
                + " (select p.id from AuthPermission p where p.contentType.appLabel = 'rtds')")
        .setParameter("id", group.getId())
        .executeUpdate();
    for (String codename : wanted) {
      AuthPermission permission =
          em.createQuery(
                  "select p from AuthPermission p where p.contentType.appLabel = 'rtds'"
                      + " and p.codename = :codename",
                  AuthPermission.class)
              .setParameter("codename", codename)
              .getSingleResult();
      AuthGroupPermission link = new AuthGroupPermission();
      link.setGroup(group);
      link.setPermission(permission);
      em.persist(link);
    }
  }

  private void adminLog(
      Account admin,
      int flag,
      String app,
      String model,
      int objectId,
      String repr,
      String message) {
    DjangoAdminLog log = new DjangoAdminLog();
    log.setActionFlag(flag);
    log.setActionTime(LocalDateTime.now(ZoneOffset.UTC));
    log.setChangeMessage(message);
    log.setContentType(contentType(app, model));
    log.setObjectId(String.valueOf(objectId));
    log.setObjectRepr(repr.length() > 200 ? repr.substring(0, 200) : repr);
    log.setUser(em.getReference(AuthUser.class, admin.id()));
    em.persist(log);
  }

  private DjangoContentType contentType(String app, String model) {
    return em.createQuery(
            "select c from DjangoContentType c where c.appLabel = :app and c.model = :model",
            DjangoContentType.class)
        .setParameter("app", app)
        .setParameter("model", model)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              DjangoContentType c = new DjangoContentType();
              c.setAppLabel(app);
              c.setModel(model);
              em.persist(c);
              return c;
            });
  }

  /** Django's change message: {@code [{"changed": {"fields": ["First name", …]}}]}. */
  static String changedMessage(List<String> fields) {
    StringBuilder json = new StringBuilder("[{\"changed\": {\"fields\": [");
    for (int i = 0; i < fields.size(); i++) {
      json.append(i == 0 ? "" : ", ").append('"').append(fields.get(i)).append('"');
    }
    return json.append("]}}]").toString();
  }

  private AuthUser findUser(int id) {
    AuthUser user = em.find(AuthUser.class, id);
    if (user == null) {
      throw new NoSuchElementException("no account " + id);
    }
    return user;
  }

  private String hospitalOf(AuthUser user) {
    return em.createNamedQuery(UserProfile.FIND_BY_USER, UserProfile.class)
        .setParameter("userId", user.getId())
        .getResultStream()
        .findFirst()
        .map(p -> HospitalScope.normalise(p.getInstitution()))
        .orElse(null);
  }

  private List<String> groupsOf(AuthUser user) {
    return em.createNamedQuery(AuthUserGroup.FIND_GROUP_NAMES_BY_USER, String.class)
        .setParameter("userId", user.getId())
        .getResultList();
  }

  private UserView view(AuthUser u) {
    return new UserView(
        u.getId(),
        u.getUsername(),
        u.getFirstName(),
        u.getLastName(),
        u.getEmail(),
        u.isActive(),
        u.isStaff(),
        u.isSuperuser(),
        hospitalOf(u),
        groupsOf(u).stream().sorted().toList(),
        u.getLastLogin(),
        u.getDateJoined());
  }

  private GroupView view(AuthGroup g) {
    List<String> permissions =
        em.createQuery(
                "select gp.permission.codename from AuthGroupPermission gp where gp.group.id = :id"
                    + " order by gp.permission.codename",
                String.class)
            .setParameter("id", g.getId())
            .getResultList();
    long members =
        em.createQuery("select count(ug) from AuthUserGroup ug where ug.group.id = :id", Long.class)
            .setParameter("id", g.getId())
            .getSingleResult();
    return new GroupView(g.getId(), g.getName(), permissions, members);
  }

  private static String limit(String field, String value, int length) {
    String v = value == null ? "" : value.strip();
    if (v.length() > length) {
      throw new IllegalArgumentException(field + " must have at most " + length + " characters");
    }
    return v;
  }

  private String generatePassword() {
    StringBuilder password = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}

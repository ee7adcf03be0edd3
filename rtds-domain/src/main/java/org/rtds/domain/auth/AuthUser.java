package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rtds.domain.GeneratedIdEntity;

/**
 * A registered RTDS account ({@code auth_user}, Django's user table): administrators, physicians,
 * physicists and other clinicians.
 *
 * <p>{@code password} holds a Django password string {@code algorithm$iterations$salt$hash}, e.g.
 * {@code pbkdf2_sha256$36000$...}; the schema document calls it a "SHA 256 hashed password". It is
 * verified by rtds-security and never holds a clear-text password.
 *
 * <p>{@code is_active} is marked "unsure" in the schema document: RTDS follows Django, where {@code
 * false} means the account is disabled (it cannot log in) but kept, with everything it created.
 * {@code is_staff} (document: "developer of RTDS?") is Django's admin-site flag; RTDS reads it as
 * "may use the administration screens". {@code is_superuser} grants every permission.
 *
 * <p>Times are {@link java.time.LocalDateTime} values in UTC by convention (Django {@code USE_TZ}).
 */
@Entity
@Table(name = "auth_user")
@NamedQuery(
    name = AuthUser.FIND_BY_USERNAME,
    query = "select u from AuthUser u where u.username = :username")
@NamedQuery(name = AuthUser.COUNT_ALL, query = "select count(u) from AuthUser u")
public class AuthUser extends GeneratedIdEntity {

  /** The account with the given {@code username} (parameter {@code username}). */
  public static final String FIND_BY_USERNAME = "AuthUser.findByUsername";

  /** Number of accounts. */
  public static final String COUNT_ALL = "AuthUser.countAll";

  /** Django password string {@code algorithm$iterations$salt$hash}. */
  @Column(name = "password", nullable = false, length = 128)
  private String password;

  /** Last successful login (UTC); {@code null} if the user never logged in. */
  @Column(name = "last_login")
  private LocalDateTime lastLogin;

  /** Whether the user holds every permission without explicit grants. */
  @Column(name = "is_superuser", nullable = false)
  private boolean superuser;

  /** Unique login name. */
  @Column(name = "username", nullable = false, length = 150)
  private String username;

  /** Given name; empty string when unknown (Django convention). */
  @Column(name = "first_name", nullable = false, length = 30)
  private String firstName;

  /** Family name; empty string when unknown (Django convention). */
  @Column(name = "last_name", nullable = false, length = 30)
  private String lastName;

  /** E-mail address; empty string when unknown (Django convention). */
  @Column(name = "email", nullable = false, length = 254)
  private String email;

  /** Whether the user may use administration screens (Django admin site access). */
  @Column(name = "is_staff", nullable = false)
  private boolean staff;

  /** Whether the account may log in; {@code false} disables it without deleting it. */
  @Column(name = "is_active", nullable = false)
  private boolean active;

  /** When the account was created (UTC). */
  @Column(name = "date_joined", nullable = false)
  private LocalDateTime dateJoined;

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public LocalDateTime getLastLogin() {
    return lastLogin;
  }

  public void setLastLogin(LocalDateTime lastLogin) {
    this.lastLogin = lastLogin;
  }

  public boolean isSuperuser() {
    return superuser;
  }

  public void setSuperuser(boolean superuser) {
    this.superuser = superuser;
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

  public boolean isStaff() {
    return staff;
  }

  public void setStaff(boolean staff) {
    this.staff = staff;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public LocalDateTime getDateJoined() {
    return dateJoined;
  }

  public void setDateJoined(LocalDateTime dateJoined) {
    this.dateJoined = dateJoined;
  }
}

package org.rtds.domain.auth;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.Length;
import org.rtds.domain.GeneratedIdEntity;

/**
 * Optional profile information about an account ({@code userprofile_userprofile}): occupation,
 * institution, place of work, birthday and a short biography shown to colleagues. At most one
 * profile per account (unique {@code user_id}).
 */
@Entity
@Table(name = "userprofile_userprofile")
@NamedQuery(
    name = UserProfile.FIND_BY_USER,
    query = "select p from UserProfile p where p.user.id = :userId")
public class UserProfile extends GeneratedIdEntity {

  /** The profile of a user, if any (parameter {@code userId}). */
  public static final String FIND_BY_USER = "UserProfile.findByUser";

  /** Occupation, e.g. "Radiation Oncologist". */
  @Column(name = "occupation", length = 30)
  private String occupation;

  /** Institution the user works at. */
  @Column(name = "institution", length = 30)
  private String institution;

  /** User's date of birth. */
  @Column(name = "birthday")
  private LocalDate birthday;

  /** Where the user works (city or site). */
  @Column(name = "location", length = 30)
  private String location;

  /** Free-text biographical statement. */
  @Column(name = "bio", length = Length.LONG32)
  private String bio;

  /** The account this profile describes (at most one profile per account). */
  @OneToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false, unique = true)
  private AuthUser user;

  public String getOccupation() {
    return occupation;
  }

  public void setOccupation(String occupation) {
    this.occupation = occupation;
  }

  public String getInstitution() {
    return institution;
  }

  public void setInstitution(String institution) {
    this.institution = institution;
  }

  public LocalDate getBirthday() {
    return birthday;
  }

  public void setBirthday(LocalDate birthday) {
    this.birthday = birthday;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getBio() {
    return bio;
  }

  public void setBio(String bio) {
    this.bio = bio;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}

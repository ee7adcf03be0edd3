package org.rtds.domain.patient;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.auth.AuthUser;

/**
 * A patient as identified in the DICOM objects RTDS received ({@code patients}): name, birth date,
 * sex and ethnic group from the Patient module.
 *
 * <p>The column {@code EnthicGroup} is a misspelling of "EthnicGroup" in the legacy schema; the
 * field is {@link #getEthnicGroup() ethnicGroup}. The schema document guesses that {@code
 * fk_user_id_id} is a hospital's patient identifier; it is a Django foreign key to {@code
 * auth_user}, and RTDS treats it as the account that created the record (optional).
 *
 * <p>Personal data: never serialise this entity; use DTOs that carry only what a screen needs.
 */
@Entity
@Table(name = "patients")
@NamedQuery(name = Patient.COUNT_ALL, query = "select count(p) from Patient p")
public class Patient extends GeneratedIdEntity {

  /** Number of patients. */
  /** Patient ID (0010,0020): the sending hospital's identifier; unique per sending account. */
  @Column(name = "PatientID", length = 64)
  private String patientId;

  public static final String COUNT_ALL = "Patient.countAll";

  /** Patient's Name (0010,0010) in DICOM PN form, e.g. {@code Doe^Jane}. */
  @Column(name = "PatientName", length = 200)
  private String patientName;

  /** Patient's Birth Date (0010,0030); {@code null} if not known. */
  @Column(name = "BirthDate")
  private LocalDate birthDate;

  /** Patient's Sex (0010,0040): {@code M}, {@code F} or {@code O}. */
  @Column(name = "Gender", length = 20)
  private String gender;

  /** Ethnic Group (0010,2160), e.g. {@code White}. Column name misspelt in the legacy schema. */
  @Column(name = "EnthicGroup", length = 200)
  private String ethnicGroup;

  /** Account that created the record (optional). */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_user_id_id")
  private AuthUser user;

  public String getPatientName() {
    return patientName;
  }

  public void setPatientName(String patientName) {
    this.patientName = patientName;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public String getGender() {
    return gender;
  }

  public void setGender(String gender) {
    this.gender = gender;
  }

  public String getEthnicGroup() {
    return ethnicGroup;
  }

  public void setEthnicGroup(String ethnicGroup) {
    this.ethnicGroup = ethnicGroup;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }

  public String getPatientId() {
    return patientId;
  }

  public void setPatientId(String patientId) {
    this.patientId = patientId;
  }
}

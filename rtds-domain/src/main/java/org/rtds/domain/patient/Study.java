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
 * A DICOM study ({@code studies}), identified by its Study Instance UID: one imaging and planning
 * episode of a patient, holding the CT series and the RT Structure Set, RT Plan and RT Dose series.
 *
 * <p>{@code TotalSeries} is marked "unsure" in the schema document; RTDS defines it as the number
 * of series of this study stored in RTDS, updated on ingest. {@code fk_user_id_id} ("should
 * probably not exist") is the optional account that created the record.
 */
@Entity
@Table(name = "studies")
@NamedQuery(name = Study.COUNT_ALL, query = "select count(s) from Study s")
@NamedQuery(
    name = Study.FIND_BY_STUDY_UID,
    query = "select s from Study s where s.studyInstanceUid = :studyInstanceUid")
public class Study extends GeneratedIdEntity {

  /** Number of studies. */
  public static final String COUNT_ALL = "Study.countAll";

  /** The study with the given Study Instance UID (parameter {@code studyInstanceUid}). */
  public static final String FIND_BY_STUDY_UID = "Study.findByStudyUid";

  /** Study Instance UID (0020,000D). */
  @Column(name = "StudyInstanceUID", nullable = false, length = 200)
  private String studyInstanceUid;

  /** Study Date (0008,0020). */
  @Column(name = "StudyDate")
  private LocalDate studyDate;

  /** Study Description (0008,1030), e.g. the treated site. */
  @Column(name = "StudyDescription", length = 200)
  private String studyDescription;

  /** Number of series of this study stored in RTDS. */
  @Column(name = "TotalSeries")
  private Integer totalSeries;

  /** The patient the study belongs to. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_patient_id_id", nullable = false)
  private Patient patient;

  /** Account that created the record (optional). */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_user_id_id")
  private AuthUser user;

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public LocalDate getStudyDate() {
    return studyDate;
  }

  public void setStudyDate(LocalDate studyDate) {
    this.studyDate = studyDate;
  }

  public String getStudyDescription() {
    return studyDescription;
  }

  public void setStudyDescription(String studyDescription) {
    this.studyDescription = studyDescription;
  }

  public Integer getTotalSeries() {
    return totalSeries;
  }

  public void setTotalSeries(Integer totalSeries) {
    this.totalSeries = totalSeries;
  }

  public Patient getPatient() {
    return patient;
  }

  public void setPatient(Patient patient) {
    this.patient = patient;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}
